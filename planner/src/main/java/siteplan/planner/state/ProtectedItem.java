package siteplan.planner.state;

import java.util.List;
import java.util.Map;

/**
 * A replication-protected item: which machine, through which servers and policy, its replication
 * state and health, where it is active now and which way it replicates, the disks as protected, and
 * the Mobility service as found on the machine.
 */
public record ProtectedItem(String machine, String site, String protectionGroup, String policy,
                            String processServer, String masterTarget, String storageAccount,
                            ReplicationState state, String health, ActiveLocation activeLocation,
                            List<VmDisk> disks, Failover failover, Mobility mobility, boolean managed) {
    public ProtectedItem {
        disks = DiscoveredState.copy(disks);
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
