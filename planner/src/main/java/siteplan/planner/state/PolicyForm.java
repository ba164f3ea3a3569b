package siteplan.planner.state;

import java.util.LinkedHashMap;
import java.util.Map;
import siteplan.model.HyperVAuthentication;
import siteplan.model.HyperVPolicy;
import siteplan.model.ReplicationPolicy;
import siteplan.units.Durations;

/**
 * A policy's settings in the form discovery reports them (the simulated vault writes it, Azure discovery
 * reads it from Site Recovery); the differ compares the declared policy in the same form. The keys and
 * kinds are named once here so that every side spells them alike.
 */
public final class PolicyForm {
    /** Policy kinds: what replicates to where. A failback policy is Site Recovery's own (FB-POLICY). */
    public static final String VMWARE_TO_AZURE = "vmware-to-azure";
    /** The modernized architecture's policy (InMageRcm). */
    public static final String VMWARE_TO_AZURE_MODERNIZED = "vmware-to-azure-modernized";
    public static final String HYPERV_TO_VMM = "hyperv-to-vmm";
    public static final String FAILBACK = "failback";

    public static final String RPO_THRESHOLD = "rpoThreshold";
    public static final String RETENTION = "retention";
    public static final String APP_CONSISTENT_FREQUENCY = "appConsistentFrequency";
    public static final String MULTI_VM_CONSISTENCY = "multiVmConsistency";
    public static final String COPY_FREQUENCY = "copyFrequency";
    public static final String RECOVERY_POINTS = "recoveryPoints";
    public static final String COMPRESSION = "compression";
    public static final String AUTHENTICATION = "authentication";
    public static final String PORT = "port";
    public static final String INITIAL_REPLICATION = "initialReplication";
    public static final String DELETE_REPLICA = "deleteReplica";
    public static final String RECOVERY_POINT_HISTORY = "recoveryPointHistory";
    public static final String CRASH_CONSISTENT_FREQUENCY = "crashConsistentFrequency";

    private PolicyForm() {}

    public static Map<String, String> settings(ReplicationPolicy p) {
        Map<String, String> s = new LinkedHashMap<>();
        if (p.modernized()) {
            // Site Recovery takes 5 minutes unless told (azure-powershell sends 5); app-consistent points off unless declared.
            s.put(RECOVERY_POINT_HISTORY, Durations.format(p.recoveryPointHistory()));
            s.put(CRASH_CONSISTENT_FREQUENCY, Durations.format(p.crashConsistentFrequency() == null ? java.time.Duration.ofMinutes(5) : p.crashConsistentFrequency()));
            s.put(APP_CONSISTENT_FREQUENCY, p.appConsistentFrequency() == null ? "0min" : Durations.format(p.appConsistentFrequency()));
            s.put(MULTI_VM_CONSISTENCY, String.valueOf(p.multiVmConsistency()));
            return s;
        }
        s.put(RPO_THRESHOLD, Durations.format(p.rpoThreshold()));
        s.put(RETENTION, Durations.format(p.retention()));
        s.put(APP_CONSISTENT_FREQUENCY, Durations.format(p.appConsistentFrequency()));
        s.put(MULTI_VM_CONSISTENCY, String.valueOf(p.multiVmConsistency()));
        return s;
    }

    public static Map<String, String> settings(HyperVPolicy p) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(COPY_FREQUENCY, Durations.format(p.copyFrequency()));
        s.put(RECOVERY_POINTS, String.valueOf(p.recoveryPoints() == null ? 0 : p.recoveryPoints()));
        if (p.appConsistentFrequency() != null) s.put(APP_CONSISTENT_FREQUENCY, Durations.format(p.appConsistentFrequency()));
        s.put(COMPRESSION, String.valueOf(p.compression()));
        s.put(AUTHENTICATION, p.authentication().token());
        int port = p.port() != null ? p.port() : p.authentication() == HyperVAuthentication.KERBEROS ? 8083 : 8084;
        s.put(PORT, String.valueOf(port));
        s.put(INITIAL_REPLICATION, p.initialReplication() == null ? "network" : p.initialReplication().method().token());
        s.put(DELETE_REPLICA, String.valueOf(p.deleteReplica()));
        return s;
    }

    /**
     * The copy of a classic policy Site Recovery makes in the modernized vault machines move to (switch provider), and
     * moves them under: Microsoft Learn, "Move from classic to modernized VMware disaster recovery": the policy's name
     * followed by the modernized vault's name and resource group ("default replication policy contoso-modern-vault_contoso-rg").
     */
    public static String moveCopy(String policy, siteplan.model.AzureTarget to) {
        return policy + " " + to.vault() + "_" + to.resourceGroup();
    }

    /**
     * A classic policy's settings as its modernized copy has them: "the same configuration", which the modernized form
     * holds as its recovery-point history (the classic retention), its application-consistent frequency and multi-VM
     * consistency, with crash-consistent points every 5 minutes (the modernized default).
     */
    public static Map<String, String> copied(Map<String, String> classic) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(RECOVERY_POINT_HISTORY, classic.get(RETENTION));
        s.put(CRASH_CONSISTENT_FREQUENCY, "5min");
        s.put(APP_CONSISTENT_FREQUENCY, classic.getOrDefault(APP_CONSISTENT_FREQUENCY, "0min"));
        s.put(MULTI_VM_CONSISTENCY, classic.getOrDefault(MULTI_VM_CONSISTENCY, "false"));
        return s;
    }

    /** The policy as a vault holding it exactly as declared reports it. */
    public static RecoveryVault.Policy of(ReplicationPolicy p) {
        return new RecoveryVault.Policy(p.name(), p.modernized() ? VMWARE_TO_AZURE_MODERNIZED : VMWARE_TO_AZURE, settings(p), true);
    }

    public static RecoveryVault.Policy of(HyperVPolicy p) {
        return new RecoveryVault.Policy(p.name(), HYPERV_TO_VMM, settings(p), true);
    }
}
