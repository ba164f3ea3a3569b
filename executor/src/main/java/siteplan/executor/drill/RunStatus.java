package siteplan.executor.drill;

import siteplan.model.Token;

/** How a recovery run ended: a drill passes, a failover, commit, reprotect or failback succeeds; either may fail or be stopped. */
public enum RunStatus implements Token {
    PASSED, SUCCEEDED, FAILED, STOPPED;

    public boolean ok() {
        return this == PASSED || this == SUCCEEDED;
    }
}
