package siteplan.model;

/** What else a retention volume is used for; anything but dedicated breaks FB-RETENTION. */
public enum RetentionUsage implements Token { DEDICATED,CACHE,REPLICATION_TARGET }
