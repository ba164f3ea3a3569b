package siteplan.executor.provider;

/** The failovers Site Recovery knows: planned (no data loss, source shut down first), unplanned, and a test into an isolated network. */
public enum FailoverType implements siteplan.model.Token { PLANNED, UNPLANNED, TEST }
