package siteplan.planner.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import siteplan.model.*;
import siteplan.model.json.ModelJson;

/**
 * A definition made from what discovery found, so a team with Site Recovery already running starts from its own
 * estate: the seed names the Azure targets and sites to read (how to reach them), discovery gives the rest (vCenter
 * inventory, the vault's registered servers, policies, mappings, protected machines, recovery plans). Everything the
 * plan compares is taken from what was discovered, so the imported estate plans with no changes; what discovery
 * cannot know (churn, push accounts, drill settings, the machines' tags) is left out and said in {@link Result#notes}.
 * The model is built as the estate's JSON form and read by the same mapper as a YAML definition; the command checks
 * the result as it checks any definition, and diffs it against what was discovered, before it writes anything.
 */
public final class EstateImport {
    private EstateImport() {}

    /** What an imported definition says where discovery reports nothing: the plan's rules point at it. */
    public static final String UNKNOWN = "unknown";

    /** The imported estate, and what it could not bring over. */
    public record Result(Estate estate, List<String> notes) {}

    public static Result of(Estate seed, DiscoveredState d) {
        List<String> notes = new ArrayList<>();
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> azure = new ArrayList<>();
        for (AzureTarget t : seed.azure()) azure.add(azure(t, d));
        root.put("azure", azure);

        Map<String, VmInfo> vms = new TreeMap<>();
        d.vcenters().forEach(v -> v.vms().forEach(vm -> vms.putIfAbsent(vm.name(), vm)));
        List<Object> sites = new ArrayList<>();
        for (VmwareSite s : seed.vmwareSites()) sites.add(site(s, d, notes));
        root.put("vmwareSites", sites);
        if (!seed.vmmSites().isEmpty()) notes.add("Hyper-V sites and their protection are not imported yet: " + String.join(", ", seed.vmmSites().stream().map(VmmSite::name).toList()));

        List<Object> machines = new ArrayList<>();
        List<Object> policies = new ArrayList<>();
        List<Object> networkMappings = new ArrayList<>();
        List<Object> storageMappings = new ArrayList<>();
        Map<String, Map<String, Object>> groups = new TreeMap<>();
        Map<String, List<String>> signatures = new java.util.HashMap<>();
        List<Object> plans = new ArrayList<>();
        for (RecoveryVault v : d.vaults()) {
            AzureTarget target = seed.azure().stream().filter(t -> t.name().equals(v.target())).findFirst().orElse(null);
            if (target == null) {
                notes.add("vault " + v.name() + " (target " + v.target() + ") is not named in the seed: not imported — a plan of the written file alone would"
                        + " disable what it protects; name its Azure target in the seed to import it too");
                continue;
            }
            boolean modernized = Architecture.of(target) == Architecture.MODERNIZED;
            for (RecoveryVault.Policy p : v.policies()) {
                if (PolicyForm.FAILBACK.equals(p.kind())) continue; // Site Recovery's own, beside each policy (FB-POLICY)
                policies.add(policy(p));
            }
            v.networkMappings().forEach(m -> networkMappings.add(Map.of("source", m.source(), "target", m.target())));
            v.storageMappings().forEach(m -> storageMappings.add(Map.of("source", m.source(), "target", m.target())));
            for (ProtectedItem item : v.protectedItems()) {
                machines.add(machine(item, vms.get(item.machine()), d));
                // Site Recovery knows no protection groups (only replication groups): machines sharing a policy and every
                // setting a group holds make one, named for them, so each member keeps the settings it has. A named group
                // whose members differ in them is split, the others numbered.
                ProtectedItem.Failover fo = item.failover();
                List<String> settings = modernized
                        ? java.util.Arrays.asList(item.site(), item.policy(), item.processServer(), item.storageAccount(), fo == null ? null : fo.diskType(), fo == null ? null : fo.resourceGroup())
                        : java.util.Arrays.asList(item.site(), item.policy(), item.processServer(), item.masterTarget(), item.storageAccount());
                String base = item.protectionGroup() != null ? item.protectionGroup()
                        : String.join("-", settings.stream().limit(modernized ? 3 : 4).filter(java.util.Objects::nonNull).toList());
                String group = base;
                for (int n = 2; groups.containsKey(group) && !settings.equals(signatures.get(group)); n++) group = base + "-" + n;
                signatures.putIfAbsent(group, settings);
                Map<String, Object> g = groups.computeIfAbsent(group, k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", k);
                    m.put("source", item.site());
                    m.put("target", v.target());
                    m.put("policy", item.policy());
                    if (modernized) {
                        m.put("appliance", item.processServer());
                        m.put("logStorageAccount", item.storageAccount());
                        if (item.failover() != null) {
                            m.put("targetResourceGroup", item.failover().resourceGroup());
                            m.put("diskType", item.failover().diskType());
                        }
                    } else {
                        m.put("processServer", item.processServer());
                        m.put("masterTarget", item.masterTarget());
                        m.put("storageAccount", item.storageAccount());
                    }
                    m.put("members", new ArrayList<String>());
                    return m;
                });
                @SuppressWarnings("unchecked") List<String> members = (List<String>) g.get("members");
                members.add(item.machine());
            }
            for (RecoveryPlanInfo p : v.recoveryPlans()) {
                String source = p.groups().stream().flatMap(List::stream).map(n -> v.protectedItems().stream().filter(i -> i.machine().equals(n)).findFirst())
                        .flatMap(Optional::stream).map(ProtectedItem::site).findFirst().orElse(null);
                if (source == null) {
                    notes.add("recovery plan " + p.name() + " holds no machine protected in vault " + v.name() + ": not imported");
                    continue;
                }
                List<Object> gs = new ArrayList<>();
                for (List<String> g : p.groups()) {
                    gs.add(Map.of("machines", g.stream().map(n -> Map.of("name", n)).toList()));
                }
                plans.add(Map.of("name", p.name(), "source", source, "target", v.target(), "groups", gs));
            }
        }
        groups.values().forEach(g -> g.values().removeIf(x -> x == null));
        root.put("machines", machines);
        root.put("replicationPolicies", policies);
        root.put("networkMappings", networkMappings);
        root.put("storageMappings", storageMappings);
        root.put("protectionGroups", new ArrayList<>(groups.values()));
        root.put("recoveryPlans", plans);
        List<String> unknownOs = machines.stream().map(x -> (Map<?, ?>) x).filter(x -> UNKNOWN.equals(x.get("osVersion"))).map(x -> (String) x.get("name")).toList();
        if (!unknownOs.isEmpty()) notes.add("the OS version of " + String.join(", ", unknownOs) + " is not discovered (no vCenter reports it): written as '" + UNKNOWN + "', set it");
        notes.add("not discovered, so not written: churn and IOPS of disks, tags, push accounts (agents found installed are written install 'manual': checked, never pushed), drill settings and steps of recovery plans, "
                + "the failback appliance and datastore of modernized groups — add them before relying on the capacity rules and drills");
        try {
            return new Result(ModelJson.JSON.convertValue(root, Estate.class), notes);
        } catch (IllegalArgumentException e) {
            // Discovery reported something the model has no word for: said, not a stack trace.
            throw new IllegalArgumentException("what discovery reported cannot be written as a definition: " + rootCause(e), e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int at = m.indexOf("\n at [Source");
        return at < 0 ? m : m.substring(0, at);
    }

    /** The seed's target (how to reach it) with the storage accounts and networks its subscription holds. */
    private static Map<String, Object> azure(AzureTarget t, DiscoveredState d) {
        @SuppressWarnings("unchecked") Map<String, Object> m = ModelJson.JSON.convertValue(t, Map.class);
        d.azure(t.name()).ifPresent(s -> {
            if (t.storageAccounts().isEmpty()) {
                m.put("storageAccounts", s.storageAccounts().stream().filter(a -> known(StorageReplication.class, a.sku())).map(a -> {
                    Map<String, Object> sa = new LinkedHashMap<>();
                    sa.put("name", a.name());
                    sa.put("replication", a.sku());
                    if (a.region() != null && !a.region().equalsIgnoreCase(t.region())) sa.put("region", a.region());
                    return sa;
                }).toList());
            }
            if (t.networks().isEmpty()) {
                m.put("networks", s.networks().stream().map(n -> {
                    Map<String, Object> net = new LinkedHashMap<>();
                    net.put("name", n.name());
                    net.put("addressSpace", n.addressSpace());
                    net.put("subnets", n.subnets().stream().map(x -> {
                        int eq = x.indexOf('=');
                        return eq < 0 ? Map.of("name", x) : Map.of("name", x.substring(0, eq), "prefix", x.substring(eq + 1));
                    }).toList());
                    if (n.region() != null && !n.region().equalsIgnoreCase(t.region())) net.put("region", n.region());
                    return net;
                }).toList());
            }
        });
        return m;
    }

    /** The seed's site (its vCenter's address and credential) with the inventory and the servers registered in the vault. */
    private static Map<String, Object> site(VmwareSite s, DiscoveredState d, List<String> notes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        if (s.vcenter() != null) {
            @SuppressWarnings("unchecked") Map<String, Object> vc = ModelJson.JSON.convertValue(s.vcenter(), Map.class);
            d.vcenter(s.name()).ifPresent(inv -> { if (inv.version() != null) vc.put("version", inv.version()); });
            m.put("vcenter", vc);
        }
        d.vcenter(s.name()).ifPresent(inv -> {
            m.put("hosts", inv.hosts().stream().map(h -> nonNull("name", h.name(), "version", h.version(), "edition", h.edition())).toList());
            // Datastores of a kind a definition cannot name (vSAN, vVols, …) are left out: nothing the plan changes reads them.
            List<String> other = inv.datastores().stream().filter(x -> datastoreType(x.type()) == null).map(DatastoreInfo::name).toList();
            if (!other.isEmpty()) notes.add("datastores of " + s.name() + " of a type siteplan does not model are left out: " + String.join(", ", other));
            m.put("datastores", inv.datastores().stream().filter(x -> datastoreType(x.type()) != null)
                    .map(x -> nonNull("name", x.name(), "type", datastoreType(x.type()), "capacity", x.capacity() == null ? null : x.capacity().toString())).toList());
            m.put("networks", inv.networks().stream().map(n -> Map.of("name", n)).toList());
        });
        RecoveryVault.Fabric fabric = d.vaults().stream().map(v -> v.fabric(s.name()).orElse(null)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (fabric != null) {
            if (fabric.replicationMechanism() != null) m.put("replication", fabric.replicationMechanism());
            List<Object> ps = new ArrayList<>();
            List<Object> mts = new ArrayList<>();
            List<Object> appliances = new ArrayList<>();
            for (RecoveryVault.RegisteredServer r : fabric.servers()) {
                // What the seed says of a server (its passphrase, vSphere CLI, address, run-as accounts) is kept;
                // what the vault reports of it is written over, so the plan compares like with like.
                Map<String, Object> declared = seedServer(s, r.role(), r.name());
                Map<String, Object> props = new LinkedHashMap<>(declared);
                props.putAll(r.properties());
                if (declared.get("retention") instanceof Map<?, ?> volume && props.get(ServerForm.RETENTION) instanceof String size) {
                    Map<String, Object> merged = new LinkedHashMap<>();
                    volume.forEach((k, v) -> merged.put(String.valueOf(k), v));
                    merged.put("size", size);
                    props.put("retention", merged);
                }
                props.put("name", r.name());
                switch (r.role()) {
                    case "configuration-server" -> {
                        if (!props.containsKey("location")) props.put("location", "on-premises");
                        m.put("configurationServer", props);
                    }
                    case "process-server" -> ps.add(props);
                    case "master-target" -> mts.add(masterTarget(props));
                    case ServerForm.APPLIANCE_ROLE -> {
                        Object upgrade = props.remove(ServerForm.AGENT_AUTO_UPGRADE);
                        if (upgrade != null) props.put("agentAutoUpgrade", Boolean.parseBoolean(upgrade.toString()));
                        appliances.add(props);
                    }
                    default -> { }
                }
            }
            if (!ps.isEmpty()) m.put("processServers", ps);
            if (!mts.isEmpty()) m.put("masterTargets", mts);
            if (!appliances.isEmpty()) m.put("appliances", appliances);
        }
        return m;
    }

    /** The definition's word for a datastore type vCenter reports (VMFS, NFS, NFS41), or null for one it has none for. */
    private static String datastoreType(String reported) {
        if (reported == null) return null;
        String t = reported.toLowerCase(Locale.ROOT);
        if (t.startsWith("nfs")) t = "nfs";
        for (DatastoreType type : DatastoreType.values()) if (type.token().equals(t)) return t;
        return null;
    }

    /** The seed's declaration of a server of the site, in the definition's form, or nothing. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> seedServer(VmwareSite s, String role, String name) {
        Object found = switch (role) {
            case "configuration-server" -> s.configurationServer() != null && s.configurationServer().name().equals(name) ? s.configurationServer() : null;
            case "process-server" -> s.processServers().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            case "master-target" -> s.masterTargets().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            case ServerForm.APPLIANCE_ROLE -> s.appliances().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            default -> null;
        };
        if (found == null) return Map.of();
        Map<String, Object> m = ModelJson.JSON.convertValue(found, Map.class);
        m.values().removeIf(v -> v == null || (v instanceof List<?> l && l.isEmpty()));
        return m;
    }

    /** The registry's form of a master target (its retention as a size) in the definition's form. */
    private static Map<String, Object> masterTarget(Map<String, Object> props) {
        Map<String, Object> mt = new LinkedHashMap<>(props);
        Object retention = mt.get(ServerForm.RETENTION);
        if (retention instanceof String size) {
            // The registry reports the retention volume's size; the seed may say more of it (file system, path).
            mt.put("retention", Map.of("size", size));
        }
        return mt;
    }

    private static Map<String, Object> machine(ProtectedItem item, VmInfo vm, DiscoveredState d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", item.machine());
        m.put("kind", vm != null ? MachineKind.VMWARE_VM.token() : MachineKind.PHYSICAL.token());
        m.put("site", item.site());
        OsFamily os = os(item, vm);
        if (os != null) m.put("os", os.token());
        String version = vm == null || vm.guestOs() == null ? "" : vm.guestOs().replace(" (64-bit)", "").replace(" (32-bit)", "").trim();
        // A physical server's version is reported by neither vCenter nor the vault: written so, for its owner to fill in (SRC-OS says so too).
        m.put("osVersion", version.isEmpty() ? UNKNOWN : version);
        if (vm != null) {
            // vSphere says "efi" where the definition says "uefi".
            if (vm.firmware() != null) m.put("firmware", vm.firmware().equalsIgnoreCase("efi") ? Firmware.UEFI.token() : vm.firmware().toLowerCase(Locale.ROOT));
            if (vm.host() != null) m.put("esxiHost", vm.host());
            // Only a datastore the definition declares (one of a kind it models) can be named.
            boolean declared = d.vcenter(item.site()).map(v -> v.datastores().stream().anyMatch(x -> x.name().equals(vm.datastore()) && datastoreType(x.type()) != null)).orElse(false);
            if (vm.datastore() != null && declared) m.put("datastore", vm.datastore());
            if (vm.tools() != null) m.put("tools", vm.tools());
            m.put("nics", vm.nics().stream().map(n -> nonNull("name", n.name(), "network", n.network(), "ip", n.ip())).toList());
        }
        m.put("disks", item.disks().stream().map(x -> nonNull("name", x.name(), "size", x.size() == null ? null : x.size().toString())).toList());
        // Installed already: siteplan checks it and keeps it running, and pushes nothing (no push account is known).
        if (item.mobility() != null) m.put("mobility", nonNull("version", item.mobility().version(), "install", InstallMethod.MANUAL.token()));
        ProtectedItem.Failover f = item.failover();
        if (f != null) {
            Map<String, Object> fo = nonNull("azureName", f.azureName(), "vmSize", f.vmSize(), "network", f.network(), "subnet", f.subnet(), "ip", f.ip());
            if (!fo.isEmpty()) m.put("failover", fo);
        }
        return m;
    }

    /** The OS family: the guest OS vCenter reports, else the Mobility services Site Recovery reports (Windows and Linux have their own). */
    private static OsFamily os(ProtectedItem item, VmInfo vm) {
        if (vm != null && vm.guestOs() != null) {
            String g = vm.guestOs().toLowerCase(Locale.ROOT);
            return g.contains("windows") ? OsFamily.WINDOWS : OsFamily.LINUX;
        }
        if (item.mobility() != null) {
            // A service only one family runs decides it (both run svagents).
            var names = item.mobility().services().keySet();
            boolean windows = names.stream().anyMatch(n -> only(OsFamily.WINDOWS, n));
            boolean linux = names.stream().anyMatch(n -> only(OsFamily.LINUX, n));
            if (windows != linux) return windows ? OsFamily.WINDOWS : OsFamily.LINUX;
        }
        return OsFamily.WINDOWS; // physical servers are mostly Windows; the plan's SRC-OS finding asks to check it
    }

    private static boolean only(OsFamily family, String service) {
        OsFamily other = family == OsFamily.WINDOWS ? OsFamily.LINUX : OsFamily.WINDOWS;
        boolean mine = MobilityForm.mobilityServices(family).contains(service) || MobilityForm.agentServices(family).contains(service);
        boolean theirs = MobilityForm.mobilityServices(other).contains(service) || MobilityForm.agentServices(other).contains(service);
        return mine && !theirs;
    }

    private static Map<String, Object> policy(RecoveryVault.Policy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        Map<String, String> s = p.settings();
        if (PolicyForm.VMWARE_TO_AZURE_MODERNIZED.equals(p.kind())) {
            m.put("recoveryPointHistory", s.get(PolicyForm.RECOVERY_POINT_HISTORY));
            m.put("crashConsistentFrequency", s.get(PolicyForm.CRASH_CONSISTENT_FREQUENCY));
            String app = s.get(PolicyForm.APP_CONSISTENT_FREQUENCY);
            if (app != null && !app.startsWith("0")) m.put("appConsistentFrequency", app);
        } else {
            m.put("rpoThreshold", s.get(PolicyForm.RPO_THRESHOLD));
            m.put("retention", s.get(PolicyForm.RETENTION));
            m.put("appConsistentFrequency", s.get(PolicyForm.APP_CONSISTENT_FREQUENCY));
        }
        m.put("multiVmConsistency", Boolean.parseBoolean(s.getOrDefault(PolicyForm.MULTI_VM_CONSISTENCY, "false")));
        m.values().removeIf(x -> x == null);
        return m;
    }

    private static <E extends Enum<E> & Token> boolean known(Class<E> type, String word) {
        try {
            Token.parse(type, word);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> nonNull(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
