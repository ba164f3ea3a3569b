package siteplan.executor.provider;

/**
 * The port every long operation is waited on through: the provider's jobs and the clock they run by.
 * Transient faults (throttling, timeouts, 5xx) are thrown as {@link TransientFault}; the executor
 * retries them, the provider never does.
 */
public interface JobOperations {
    /** The provider's clock: wall time for real providers, a modelled clock for the simulated estate. */
    ExecutionClock clock();

    /** The state of a job an operation returned. */
    JobStatus job(String id);
}
