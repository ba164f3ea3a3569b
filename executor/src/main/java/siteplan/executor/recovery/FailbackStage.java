package siteplan.executor.recovery;

/**
 * The four stages of failback, in order (FB-STAGES): reprotect from the recovery site back to the
 * primary, a planned failover back, commit (which deletes the VMs at the recovery site), and
 * reprotect from the primary to the recovery site again.
 */
public enum FailbackStage {
    REPROTECT_HOME, FAIL_OVER_BACK, COMMIT, REPROTECT_AWAY;

    public int number() {
        return ordinal() + 1;
    }

    /** The line printed when the stage starts. */
    public String heading(String source, String target) {
        return "Stage " + number() + " of " + values().length + ": " + switch (this) {
            case REPROTECT_HOME -> "reprotect from " + target + " to " + source;
            case FAIL_OVER_BACK -> "planned failover back to " + source;
            case COMMIT -> "commit (deletes the VMs in " + target + ")";
            case REPROTECT_AWAY -> "reprotect from " + source + " to " + target;
        };
    }

    /** How the stage is named in the report's notes. */
    public String label(String source, String target) {
        return "Stage " + number() + ", " + switch (this) {
            case REPROTECT_HOME -> "reprotect to " + source;
            case FAIL_OVER_BACK -> "planned failover back";
            case COMMIT -> "commit";
            case REPROTECT_AWAY -> "reprotect to " + target;
        };
    }
}
