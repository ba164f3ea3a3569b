package siteplan.executor.provider;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import siteplan.executor.secrets.Secrets;

/**
 * What the executor asks of a provider. Every method is idempotent: asking for what already is does
 * nothing and says so, so an interrupted run can simply be run again. Long operations return a job
 * the executor waits on through {@link #job(String)}. Transient faults (throttling, timeouts, 5xx) are
 * thrown as {@link TransientFault}; the executor retries them, the provider never does.
 */
public interface Operations extends AutoCloseable {
    /** For messages: "simulated estate in examples/x/.siteplan". */
    String describe();

    /** The provider's clock: wall time for real providers, an accelerated clock for the simulated estate. */
    ExecutionClock clock();

    /** Carries out one planned change. */
    StepResult apply(Step step, Secrets secrets);

    /** The state of a job an operation returned. */
    JobStatus job(String id);

    /** Starts a test failover of a protected machine into an isolated network; returns the job. */
    String testFailover(String machine, String network, RecoveryPointChoice point);

    /** Removes a machine's test failover VM; a no-op when none runs. Returns the job, or null when nothing was to clean. */
    String cleanupTestFailover(String machine);

    /** Starts a planned or unplanned failover towards the machine's other location; returns the job. */
    String failover(String machine, FailoverType type, RecoveryPointChoice point);

    /** Commits a failover: the machine's earlier recovery points are discarded. Returns the job. */
    String commit(String machine);

    /** Starts replication from where the machine runs now back to its other location. Returns the job. */
    String reprotect(String machine);

    /** How old the recovery point a failover of this machine used, or would use now, is. */
    Duration recoveryPointAge(String machine, RecoveryPointChoice point);

    /** Starts an Azure Automation runbook a recovery plan names; returns the job. */
    String runbook(String name, String recoveryPlan);

    /** Where a machine's failed-over (or test) VM answers on a port, for smoke checks and scripts. */
    InetSocketAddress endpoint(String machine, int port);

    /**
     * A protection job still running for the machine (an initial replication an earlier, interrupted run
     * started), so an apply can see it through; empty when none.
     */
    default java.util.Optional<String> pendingJob(String machine) {
        return java.util.Optional.empty();
    }

    /** Where the estate stands now: the protected item of a machine as the provider reports it. */
    siteplan.planner.state.ProtectedItem item(String machine);

    @Override default void close() {}

    /** The clock operations run by: now and a wait. */
    interface ExecutionClock {
        Instant now();

        void sleep(Duration d) throws InterruptedException;

        /** True when the clock is modelled (the simulated estate's): the durations it measures are simulated time. */
        default boolean simulated() {
            return false;
        }

        /** How the clock runs, for the first line of an apply ("simulated clock at 1000000x"); empty for wall time. */
        default java.util.Optional<String> pace() {
            return java.util.Optional.empty();
        }
    }

    enum FailoverType implements siteplan.model.Token { PLANNED, UNPLANNED, TEST }
}
