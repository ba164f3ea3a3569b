package siteplan.model;

/** A step that runs before or after a recovery-plan group. */
public enum ActionKind implements Token { MANUAL,SCRIPT,RUNBOOK }
