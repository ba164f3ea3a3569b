package siteplan.planner.state;

import java.util.List;
import java.util.Map;

/**
 * A replication-protected item: which machine, through which servers and policy, its replication
 * state and health, where it is active now and which way it replicates, the disks as protected, and
 * the Mobility service as found on the machine.
 */
/* testFailover: the isolated network a test failover of this machine runs in, until its cleanup; null when none.
   moveReadiness: what Site Recovery reports of a classic item that its move to a modernized vault depends on; null when nothing is. */
public record ProtectedItem(String machine, String site, String protectionGroup, String policy,
                            String processServer, String masterTarget, String storageAccount,
                            ReplicationState state, String health, ActiveLocation activeLocation,
                            List<VmDisk> disks, Failover failover, Mobility mobility, boolean managed, String testFailover,
                            MoveReadiness moveReadiness) {
    public ProtectedItem {
        disks = DiscoveredState.copy(disks);
    }

    /** A protected item of which nothing about a move is reported. */
    public ProtectedItem(String machine, String site, String protectionGroup, String policy, String processServer, String masterTarget, String storageAccount,
                         ReplicationState state, String health, ActiveLocation activeLocation, List<VmDisk> disks, Failover failover, Mobility mobility, boolean managed,
                         String testFailover) {
        this(machine, site, protectionGroup, policy, processServer, masterTarget, storageAccount, state, health, activeLocation, disks, failover, mobility, managed, testFailover, null);
    }

    /**
     * What Site Recovery reports of a classic item (InMageAzureV2) that its move to a modernized vault depends on: whether it
     * replicates to managed disks (useManagedDisks: Site Recovery moves only those, MOVE-DISKS; null when not reported), and
     * why Site Recovery says it cannot move now (switchProviderBlockingErrorDetails, MOVE-BLOCKED).
     */
    public record MoveReadiness(Boolean managedDisks, List<String> blockers) {
        public MoveReadiness {
            blockers = blockers == null ? List.of() : List.copyOf(blockers);
        }

        /** Site Recovery moves the item only when it replicates to managed disks: false only when it says otherwise. */
        public boolean unmanagedDisks() {
            return Boolean.FALSE.equals(managedDisks);
        }
    }

    /**
     * The failover settings a machine's protection is declared with: its own, the modernized group's target network,
     * subnet, resource group and disk type where the machine does not say. Null when nothing is declared.
     */
    public static Failover failoverOf(siteplan.model.Machine m, siteplan.model.ProtectionGroup g) {
        siteplan.model.FailoverSettings f = m.failover();
        String network = f != null && f.network() != null ? f.network() : g.targetNetwork();
        String subnet = f != null && f.subnet() != null ? f.subnet() : g.targetSubnet();
        String diskType = g.appliance() == null ? null : (g.diskType() == null ? siteplan.model.TargetDiskType.STANDARD_LRS : g.diskType()).token();
        if (f == null && network == null && subnet == null && g.targetResourceGroup() == null && diskType == null) return null;
        return new Failover(f == null ? null : f.azureName(), f == null ? null : f.vmSize(), network, subnet, f == null ? null : f.ip(), g.targetResourceGroup(), diskType);
    }

    /** A protected item with no test failover running. */
    public ProtectedItem(String machine, String site, String protectionGroup, String policy, String processServer, String masterTarget, String storageAccount,
                         ReplicationState state, String health, ActiveLocation activeLocation, List<VmDisk> disks, Failover failover, Mobility mobility, boolean managed) {
        this(machine, site, protectionGroup, policy, processServer, masterTarget, storageAccount, state, health, activeLocation, disks, failover, mobility, managed, null);
    }

    /** The same item in another replication state and place (failover, commit, reprotect). */
    public ProtectedItem with(ReplicationState newState, ActiveLocation newLocation) {
        return new ProtectedItem(machine, site, protectionGroup, policy, processServer, masterTarget, storageAccount, newState, health, newLocation, disks, failover, mobility, managed, testFailover, moveReadiness);
    }

    /** The same item with the Mobility service and agents as given. */
    public ProtectedItem withMobility(Mobility m) {
        return new ProtectedItem(machine, site, protectionGroup, policy, processServer, masterTarget, storageAccount, state, health, activeLocation, disks, failover, m, managed, testFailover, moveReadiness);
    }

    /** The same item with a test failover into the network running, or none (null). */
    public ProtectedItem withTestFailover(String network) {
        return new ProtectedItem(machine, site, protectionGroup, policy, processServer, masterTarget, storageAccount, state, health, activeLocation, disks, failover, mobility, managed, network, moveReadiness);
    }

    public enum ReplicationState implements siteplan.model.Token { INITIAL_REPLICATION, PROTECTED, FAILED_OVER, FAILOVER_COMMITTED, REPROTECTED, FAILBACK_IN_PROGRESS }

    public enum ActiveLocation implements siteplan.model.Token { PRIMARY, RECOVERY }

    /**
     * Failover settings as the vault holds them: where the replica runs after failover. A modernized item (InMageRcm) also has the resource group it is created in
     * and the managed disk type of its replica disks; a classic one reports neither (null).
     */
    public record Failover(String azureName, String vmSize, String network, String subnet, String ip, String resourceGroup, String diskType) {
        public Failover(String azureName, String vmSize, String network, String subnet, String ip) {
            this(azureName, vmSize, network, subnet, ip, null, null);
        }
    }

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
