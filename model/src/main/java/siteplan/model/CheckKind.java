package siteplan.model;

/** A check run against failed-over machines: a TCP port answers, an HTTP URL returns its status, or a script exits 0. */
public enum CheckKind implements Token { TCP,HTTP,SCRIPT }
