package siteplan.planner.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import siteplan.model.HyperVPolicy;
import siteplan.model.ReplicationPolicy;
import siteplan.planner.state.RecoveryVault;
import siteplan.units.Durations;

/** A policy's settings in the form the vault reports them; the differ compares the same form. */
public final class PolicyForm {
    private PolicyForm() {}

    public static Map<String, String> settings(ReplicationPolicy p) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("rpoThreshold", Durations.format(p.rpoThreshold()));
        s.put("retention", Durations.format(p.retention()));
        s.put("appConsistentFrequency", Durations.format(p.appConsistentFrequency()));
        s.put("multiVmConsistency", String.valueOf(p.multiVmConsistency()));
        return s;
    }

    public static Map<String, String> settings(HyperVPolicy p) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("copyFrequency", Durations.format(p.copyFrequency()));
        s.put("recoveryPoints", String.valueOf(p.recoveryPoints() == null ? 0 : p.recoveryPoints()));
        if (p.appConsistentFrequency() != null) s.put("appConsistentFrequency", Durations.format(p.appConsistentFrequency()));
        s.put("compression", String.valueOf(p.compression()));
        s.put("authentication", p.authentication().token());
        int port = p.port() != null ? p.port() : p.authentication() == siteplan.model.HyperVAuthentication.KERBEROS ? 8083 : 8084;
        s.put("port", String.valueOf(port));
        s.put("initialReplication", p.initialReplication() == null ? "network" : p.initialReplication().method().token());
        s.put("deleteReplica", String.valueOf(p.deleteReplica()));
        return s;
    }

    static RecoveryVault.Policy of(ReplicationPolicy p) {
        return new RecoveryVault.Policy(p.name(), "vmware-to-azure", settings(p), true);
    }

    static RecoveryVault.Policy of(HyperVPolicy p) {
        return new RecoveryVault.Policy(p.name(), "hyperv-to-vmm", settings(p), true);
    }
}
