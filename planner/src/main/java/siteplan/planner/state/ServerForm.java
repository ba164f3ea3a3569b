package siteplan.planner.state;

import java.util.LinkedHashMap;
import java.util.Map;
import siteplan.model.MasterTarget;
import siteplan.model.ProcessServer;
import siteplan.model.ReplicationAppliance;

/**
 * A component server's properties in the form discovery reports them (the simulated vault writes it,
 * Azure discovery reads what Site Recovery reports of it); the differ compares the same form.
 */
public final class ServerForm {
    public static final String LOCATION = "location";
    public static final String VCPU = "vcpu";
    public static final String MEMORY = "memory";
    public static final String CACHE_DISK = "cacheDisk";
    public static final String UPLINK = "uplink";
    public static final String SIZE = "size";
    public static final String OS = "os";
    public static final String RETENTION = "retention";
    public static final String AGENT_AUTO_UPGRADE = "agentAutoUpgrade";

    /** The role a replication appliance is registered with in a site's fabric. */
    public static final String APPLIANCE_ROLE = "replication-appliance";

    private ServerForm() {}

    /** A replication appliance: its size as the vault reports its process server's. */
    public static Map<String, String> of(ReplicationAppliance a) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, VCPU, a.vcpu());
        put(m, MEMORY, a.memory());
        put(m, CACHE_DISK, a.cacheDisk());
        put(m, UPLINK, a.uplink());
        // Seed 004's desired state the modernized way: Site Recovery keeps the agents it carries upgraded.
        put(m, AGENT_AUTO_UPGRADE, a.autoUpgrade());
        return m;
    }

    public static Map<String, String> of(ProcessServer p) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, LOCATION, p.location() == null ? "on-premises" : p.location().token());
        put(m, VCPU, p.vcpu());
        put(m, MEMORY, p.memory());
        put(m, CACHE_DISK, p.cacheDisk());
        put(m, UPLINK, p.uplink());
        return m;
    }

    public static Map<String, String> of(MasterTarget t) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, LOCATION, t.location() == null ? "azure" : t.location().token());
        put(m, SIZE, t.size());
        put(m, OS, t.os() == null ? null : t.os().token());
        put(m, RETENTION, t.retention() == null ? null : t.retention().size());
        return m;
    }

    private static void put(Map<String, String> m, String k, Object v) {
        if (v != null) m.put(k, v.toString());
    }
}
