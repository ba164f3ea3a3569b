package siteplan.model;

/** A smoke check run against a failed-over machine during a drill. */
public enum CheckKind implements Token { TCP,HTTP }
