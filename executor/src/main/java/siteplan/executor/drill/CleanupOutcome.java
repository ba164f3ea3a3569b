package siteplan.executor.drill;

import siteplan.model.Token;

/** What removing a machine's test failover VM did. Written with spaces ("nothing to clean"), as reports have always said. */
public enum CleanupOutcome implements Token {
    REMOVED, FAILED,
    NOTHING_TO_CLEAN {
        @Override public String token() {
            return "nothing to clean";
        }
    }
}
