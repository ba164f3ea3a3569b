package siteplan.executor.provider;

import java.net.InetSocketAddress;
import java.time.Duration;
import siteplan.planner.state.ProtectedItem;

/**
 * The port drills, failovers and failback use: the recovery lifecycle of protected machines. Each call
 * that takes time starts a job and returns its id, to wait on through {@link JobOperations#job(String)}.
 */
public interface RecoveryOperations {
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

    /**
     * How old the machine's latest recovery point is now, as the provider reports it (RPO-LAG); empty when it reports
     * nothing for the machine (not protected, or no replication yet).
     */
    default java.util.Optional<Duration> replicationLag(String machine) {
        return java.util.Optional.of(recoveryPointAge(machine, RecoveryPointChoice.LATEST));
    }

    /** Starts an Azure Automation runbook a recovery plan names; returns the job. */
    String runbook(String name, String recoveryPlan);

    /** Where a machine's failed-over (or test) VM answers on a port, for smoke checks and scripts. */
    InetSocketAddress endpoint(String machine, int port);

    /** Where the estate stands now: the protected item of a machine as the provider reports it (RP-HEALTH before a run). */
    ProtectedItem item(String machine);
}
