package siteplan.planner.rules;

import siteplan.model.Token;

/** error blocks apply; warning is shown and does not block; info explains what will happen. */
public enum Severity implements Token { ERROR, WARNING, INFO }
