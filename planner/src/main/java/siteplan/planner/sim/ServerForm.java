package siteplan.planner.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import siteplan.model.MasterTarget;
import siteplan.model.ProcessServer;

/** A component server's properties in the form the vault reports them; the differ compares the same form. */
public final class ServerForm {
    private ServerForm() {}

    public static Map<String, String> of(ProcessServer p) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "location", p.location() == null ? "on-premises" : p.location().token());
        put(m, "vcpu", p.vcpu());
        put(m, "memory", p.memory());
        put(m, "cacheDisk", p.cacheDisk());
        put(m, "uplink", p.uplink());
        return m;
    }

    public static Map<String, String> of(MasterTarget t) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "location", t.location() == null ? "azure" : t.location().token());
        put(m, "size", t.size());
        put(m, "os", t.os() == null ? null : t.os().token());
        put(m, "retention", t.retention() == null ? null : t.retention().size());
        return m;
    }

    private static void put(Map<String, String> m, String k, Object v) {
        if (v != null) m.put(k, v.toString());
    }
}
