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

    /**
     * Writes what the provider holds in memory of the estate to where it keeps it, so that the run's record in
     * history takes the estate as it is now (the simulated estate keeps changes in a journal until it closes).
     * Real providers keep nothing: the estate is in vCenter and Azure.
     */
    default void save() {}

    @Override default void close() {}
}
