package siteplan.executor.drill;

import siteplan.model.Token;

/** What a recovery run was; its word ("planned-failover") is the report's kind. */
public enum RunKind implements Token {
    DRILL, PLANNED_FAILOVER, UNPLANNED_FAILOVER, COMMIT, REPROTECT, FAILBACK
}
