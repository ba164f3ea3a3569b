package siteplan.planner.state;

import java.util.List;
import java.util.Map;

/**
 * A replication-protected item: which machine, through which servers and policy, its replication
 * state and health, where it is active now and which way it replicates, the disks as protected, and
 * the Mobility service as found on the machine.
 */
/* testFailover: the isolated network a test failover of this machine runs in, until its cleanup; null when none. */
public record ProtectedItem(String machine, String site, String protectionGroup, String policy,
                            String processServer, String masterTarget, String storageAccount,
                            ReplicationState state, String health, ActiveLocation activeLocation,
                            List<VmDisk> disks, Failover failover, Mobility mobility, boolean managed, String testFailover) {
    public ProtectedItem {
        disks = DiscoveredState.copy(disks);
    }

    /** A protected item with no test failover running. */
    public ProtectedItem(String machine, String site, String protectionGroup, String policy, String processServer, String masterTarget, String storageAccount,
                         ReplicationState state, String health, ActiveLocation activeLocation, List<VmDisk> disks, Failover failover, Mobility mobility, boolean managed) {
        this(machine, site, protectionGroup, policy, processServer, masterTarget, storageAccount, state, health, activeLocation, disks, failover, mobility, managed, null);
    }

    /** The same item in another replication state and place (failover, commit, reprotect). */
    public ProtectedItem with(ReplicationState newState, ActiveLocation newLocation) {
        return new ProtectedItem(machine, site, protectionGroup, policy, processServer, masterTarget, storageAccount, newState, health, newLocation, disks, failover, mobility, managed, testFailover);
    }

    /** The same item with the Mobility service and agents as given. */
    public ProtectedItem withMobility(Mobility m) {
        return new ProtectedItem(machine, site, protectionGroup, policy, processServer, masterTarget, storageAccount, state, health, activeLocation, disks, failover, m, managed, testFailover);
    }

    /** The same item with a test failover into the network running, or none (null). */
    public ProtectedItem withTestFailover(String network) {
        return new ProtectedItem(machine, site, protectionGroup, policy, processServer, masterTarget, storageAccount, state, health, activeLocation, disks, failover, mobility, managed, network);
    }

    public enum ReplicationState implements siteplan.model.Token { INITIAL_REPLICATION, PROTECTED, FAILED_OVER, FAILOVER_COMMITTED, REPROTECTED, FAILBACK_IN_PROGRESS }

    public enum ActiveLocation implements siteplan.model.Token { PRIMARY, RECOVERY }

    /** Failover settings as the vault holds them. */
    public record Failover(String azureName, String vmSize, String network, String subnet, String ip) {}

    /** The agents on the machine: installed version and the state of each service (running, stopped, missing). */
    public record Mobility(String version, Map<String, String> services) {
        public Mobility {
            services = services == null ? Map.of() : new java.util.TreeMap<>(services);
        }
    }

    /** True while the machine runs at the recovery site: its drift from the model is expected, not a change to make. */
    public boolean failedOver() {
        return activeLocation == ActiveLocation.RECOVERY;
    }
}
