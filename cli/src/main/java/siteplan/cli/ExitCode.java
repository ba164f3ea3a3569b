package siteplan.cli;

/** Exit codes of every siteplan command; scripts and CI depend on them, so they never change meaning. */
public final class ExitCode {
    private ExitCode() {}

    /** Success; for `plan --detailed-exitcode`, also "no changes". */
    public static final int OK = 0;
    /** The input is wrong: a definition, a flag, a file. Nothing was changed. */
    public static final int INVALID_INPUT = 1;
    /** `plan --detailed-exitcode`: the plan has changes; `fmt --check`: files are not formatted. */
    public static final int CHANGES = 2;
    /** A bug in siteplan: reported in one line; --debug shows the stack trace. */
    public static final int INTERNAL_ERROR = 3;
    /** apply, drill or failover ran and an operation, job or check failed, or a drill missed its plan's rto or rpo (history records what happened); report --check found a failing plan. */
    public static final int FAILED = 4;
    /** Another run holds the estate's lock; nothing was changed. */
    public static final int LOCKED = 5;
}
