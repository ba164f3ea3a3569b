package siteplan.executor.provider;

/**
 * What a provider gives the executor for one estate: its ports split by job, so `apply` sees only
 * {@link ChangeOperations}, recovery runs only {@link RecoveryOperations}, and both wait through
 * {@link JobOperations}. Every operation is idempotent, so an interrupted run can simply be run again.
 */
public interface Operations extends AutoCloseable {
    /** For messages: "simulated estate in examples/x/.siteplan". */
    String describe();

    ChangeOperations changes();

    RecoveryOperations recovery();

    JobOperations jobs();

    @Override default void close() {}
}
