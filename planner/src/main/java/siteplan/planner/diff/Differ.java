package siteplan.planner.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import siteplan.model.*;
import siteplan.planner.state.*;
import siteplan.planner.state.RecoveryVault.Fabric;
import siteplan.planner.state.RecoveryVault.RegisteredServer;
import siteplan.units.DataRate;
import siteplan.units.DataSize;
import siteplan.units.Durations;

/** Compares the model with discovered state and lists the changes that make what exists match it. */
public final class Differ {
    private final Estate e;
    private final DiscoveredState d;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, ProtectedItem> items = new HashMap<>();
    /** The vault holding each protected machine's item (the first that holds it, as {@link #items}). */
    private final Map<String, RecoveryVault> holders = new HashMap<>();
    /** Each vault's items by machine, by the vault's target. */
    private final Map<String, Map<String, ProtectedItem>> itemsByTarget = new HashMap<>();
    private final Map<String, List<String>> plansByMachine = new HashMap<>();
    private final Membership membership;

    /** What a grown disk costs toward each Azure target, by its vault's architecture (the profile says). */
    private final java.util.function.Function<String, DiskGrow> growToward;

    private Differ(Estate e, DiscoveredState d, java.util.function.Function<String, DiskGrow> growToward) {
        this.e = e;
        this.d = d;
        this.growToward = growToward;
        this.membership = Membership.of(e);
        d.vaults().forEach(v -> v.protectedItems().forEach(p -> {
            if (items.putIfAbsent(p.machine(), p) == null) holders.put(p.machine(), v);
            itemsByTarget.computeIfAbsent(v.target(), k -> new HashMap<>()).putIfAbsent(p.machine(), p);
        }));
        for (RecoveryPlan p : e.recoveryPlans()) {
            for (String m : new TreeSet<>(p.machineNames())) plansByMachine.computeIfAbsent(m, k -> new ArrayList<>()).add(p.name());
        }
        plansByMachine.values().forEach(java.util.Collections::sort);
    }

    /** The changes as the seeds' architecture makes them (a grown disk is re-replicated). */
    public static List<Change> diff(Estate estate, DiscoveredState discovered) {
        return diff(estate, discovered, target -> DiskGrow.RE_REPLICATE);
    }

    /** The changes, a grown disk of a machine protected toward a target costing what {@code growToward} says for it. */
    public static List<Change> diff(Estate estate, DiscoveredState discovered, java.util.function.Function<String, DiskGrow> growToward) {
        Differ df = new Differ(estate, discovered, growToward);
        df.azure();
        df.sites();
        df.policies();
        df.mappings();
        df.protection();
        df.recoveryPlans();
        df.changes.sort(java.util.Comparator.comparing(Change::address));
        return df.changes;
    }

    // ------------------------------------------------------------------ Azure targets

    private void azure() {
        for (AzureTarget t : e.azure()) {
            Optional<RecoveryVault> vault = d.vault(t.name());
            add(ResourceType.VAULT, t.name(), t.name(), vault.isEmpty() ? Action.CREATE : Action.NO_OP,
                    vault.isEmpty() ? "Recovery Services vault " + t.vault() + " does not exist" : null,
                    vault.isEmpty() ? List.of(new FieldChange("name", null, t.vault()), new FieldChange("region", null, t.region())) : List.of());
            AzureSubscription sub = d.azure(t.name()).orElse(null);
            for (StorageAccount a : t.storageAccounts()) {
                // One account declared by two targets of one resource group (the validator refuses any other pair) is one change, under the first.
                if (!e.storageAccountOwner(a.name()).map(o -> o.name().equals(t.name())).orElse(true)) continue;
                var found = sub == null ? Optional.<AzureSubscription.AzureStorageAccount>empty()
                        : sub.storageAccounts().stream().filter(x -> x.name().equals(a.name())).findFirst();
                String name = t.name() + "/" + a.name();
                if (found.isEmpty()) {
                    add(ResourceType.STORAGE_ACCOUNT, t.name(), name, Action.CREATE, "storage account does not exist", List.of(new FieldChange("replication", null, a.replication().token())));
                } else if (!found.get().sku().equals(a.replication().token())) {
                    add(ResourceType.STORAGE_ACCOUNT, t.name(), name, Action.UPDATE, "redundancy differs", List.of(new FieldChange("replication", found.get().sku(), a.replication().token())));
                } else {
                    add(ResourceType.STORAGE_ACCOUNT, t.name(), name, Action.NO_OP, null, List.of());
                }
            }
            for (VirtualNetwork n : t.networks()) {
                var found = sub == null ? Optional.<AzureSubscription.AzureNetwork>empty() : sub.networks().stream().filter(x -> x.name().equals(n.name())).findFirst();
                String name = t.name() + "/" + n.name();
                List<String> subnets = n.subnets().stream().map(s -> s.name() + "=" + s.prefix()).toList();
                if (found.isEmpty()) {
                    add(ResourceType.AZURE_NETWORK, t.name(), name, Action.CREATE, "virtual network does not exist",
                            List.of(new FieldChange("addressSpace", null, String.join(", ", n.addressSpace())), new FieldChange("subnets", null, String.join(", ", subnets))));
                } else {
                    List<FieldChange> f = new ArrayList<>();
                    field(f, "addressSpace", String.join(", ", found.get().addressSpace()), String.join(", ", n.addressSpace()));
                    // Subnets are a set: Resource Manager lists them in its own order, the definition in the order written.
                    field(f, "subnets", String.join(", ", new TreeSet<>(found.get().subnets())), String.join(", ", new TreeSet<>(subnets)));
                    add(ResourceType.AZURE_NETWORK, t.name(), name, f.isEmpty() ? Action.NO_OP : Action.UPDATE, f.isEmpty() ? null : "network differs from the definition", f);
                }
            }
        }
    }

    // ------------------------------------------------------------------ sites and their servers

    private void sites() {
        for (VmwareSite s : e.vmwareSites()) {
            Fabric fabric = fabricOf(s.name());
            String declared = s.replication() == null ? "internet" : s.replication().token();
            if (fabric != null && fabric.replicationMechanism() != null && !fabric.replicationMechanism().equals(declared)) {
                add(ResourceType.SITE, s.name(), s.name(), Action.UPDATE, "replication mechanism changed: every protected machine of the site is re-protected (SRC-MECHANISM)",
                        List.of(new FieldChange("replication", fabric.replicationMechanism(), declared)));
            }
            // A site with appliances and no configuration server adds its vCenter to the modernized vault's appliances.
            Fabric modern = fabricOf(s.name(), Architecture.MODERNIZED);
            if (s.vcenter() != null) {
                Fabric at = s.configurationServer() == null && !s.appliances().isEmpty() ? modern : fabric;
                boolean registered = at != null && at.server("vcenter", s.vcenter().address()).isPresent();
                add(ResourceType.VCENTER, s.name(), s.name() + "/" + s.vcenter().address(), registered ? Action.NO_OP : Action.CREATE,
                        registered ? null : "vCenter is not added to the configuration server", List.of());
            }
            if (s.configurationServer() != null) {
                ConfigurationServer cs = s.configurationServer();
                boolean registered = fabric != null && fabric.server("configuration-server", cs.name()).isPresent();
                add(ResourceType.CONFIGURATION_SERVER, s.name(), s.name() + "/" + cs.name(), registered ? Action.NO_OP : Action.CREATE,
                        registered ? null : "configuration server is not registered in the vault",
                        registered ? List.of() : List.of(new FieldChange("location", null, cs.location().token())));
            }
            for (ProcessServer p : s.processServers()) server(s.name(), fabric, "process-server", ResourceType.PROCESS_SERVER, p.name(), ServerForm.of(p), false);
            for (MasterTarget m : s.masterTargets()) server(s.name(), fabric, "master-target", ResourceType.MASTER_TARGET, m.name(), ServerForm.of(m), true);
            for (ReplicationAppliance a : s.appliances()) server(s.name(), modern, ServerForm.APPLIANCE_ROLE, ResourceType.APPLIANCE, a.name(), ServerForm.of(a), false);
        }
    }

    private void server(String site, Fabric fabric, String role, ResourceType type, String name, Map<String, String> wanted, boolean sizeReplaces) {
        Optional<RegisteredServer> found = fabric == null ? Optional.empty() : fabric.server(role, name);
        String address = site + "/" + name;
        if (found.isEmpty()) {
            List<FieldChange> f = new ArrayList<>();
            wanted.forEach((k, v) -> f.add(new FieldChange(k, null, v)));
            add(type, site, address, Action.CREATE, role.replace('-', ' ') + " is not registered", f);
            return;
        }
        List<FieldChange> f = new ArrayList<>();
        // Only what the registry reports can differ: Site Recovery, unlike the simulated estate, does not
        // report a server's vCPUs, cache disk or uplink, and an unreported value is not a change to make.
        Map<String, String> have = found.get().properties();
        new TreeSet<>(wanted.keySet()).stream().filter(have::containsKey).forEach(k -> field(f, k, have.get(k), wanted.get(k)));
        boolean resized = sizeReplaces && f.stream().anyMatch(c -> c.field().equals("size") || c.field().equals("os"));
        add(type, site, address, f.isEmpty() ? Action.NO_OP : resized ? Action.REPLACE : Action.UPDATE,
                f.isEmpty() ? null : resized ? "a different size or OS means a new master target VM" : "declared resources differ from the registered server", f);
    }

    /** The site's fabric in a vault of the classic architecture (the one Hyper-V and an undeclared vault count as), else in any vault. */
    private Fabric fabricOf(String site) {
        return fabricOf(site, Architecture.CLASSIC);
    }

    /**
     * The site's fabric in a vault of this architecture, else in any vault. A vault holds one architecture: a site whose
     * classic machines move to a modernized vault has its classic servers in one vault and its appliances in the other.
     */
    private Fabric fabricOf(String site, Architecture architecture) {
        return d.vaults().stream().filter(v -> Architecture.of(azureTarget(v.target()).orElse(null)) == architecture)
                .map(v -> v.fabric(site).orElse(null)).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> d.vaults().stream().map(v -> v.fabric(site).orElse(null)).filter(Objects::nonNull).findFirst().orElse(null));
    }

    // ------------------------------------------------------------------ policies and mappings

    private void policies() {
        Map<String, Map<String, String>> wanted = new HashMap<>();
        e.replicationPolicies().forEach(p -> wanted.put(p.name(), PolicyForm.settings(p)));
        e.hyperVPolicies().forEach(p -> wanted.put(p.name(), PolicyForm.settings(p)));
        Map<String, RecoveryVault.Policy> found = new HashMap<>();
        d.vaults().forEach(v -> v.policies().forEach(p -> found.putIfAbsent(p.name(), p)));
        Set<String> used = e.protectionGroups().stream().map(ProtectionGroup::policy).collect(Collectors.toSet());
        for (Map.Entry<String, Map<String, String>> w : wanted.entrySet()) {
            String site = siteOfPolicy(w.getKey());
            // A policy toward an Azure target is its vault's: one of the same name in another vault (a classic vault whose
            // machines move to this one) is not it. Elsewhere (VMM sites) the vault is found by name.
            Optional<AzureTarget> to = azureTarget(site);
            RecoveryVault.Policy p = to.isPresent()
                    ? d.vault(site).flatMap(v -> v.policies().stream().filter(x -> x.name().equals(w.getKey())).findFirst()).orElse(null)
                    : found.get(w.getKey());
            // Machines moved into a modernized vault run under Site Recovery's copy of their classic policy (MOVE-POLICY):
            // where the declared policy is not there, its copy is what the declaration governs.
            RecoveryVault.Policy copy = p != null || to.isEmpty() ? null : d.vault(site).flatMap(v -> v.policies().stream()
                    .filter(x -> x.name().equals(PolicyForm.moveCopy(w.getKey(), to.get()))).findFirst()).orElse(null);
            if (copy != null) {
                List<FieldChange> f = new ArrayList<>();
                w.getValue().forEach((k, v) -> field(f, k, copy.settings().get(k), v));
                add(ResourceType.POLICY, site, w.getKey(), f.isEmpty() ? Action.NO_OP : Action.UPDATE, f.isEmpty() ? null
                        : "Site Recovery's copy of the classic policy, '" + copy.name() + "', which the moved machines run under, takes the declared settings (MOVE-POLICY)", f);
                continue;
            }
            if (p == null) {
                if (!used.contains(w.getKey())) continue; // a policy no group uses is not created
                // Only machines that move use it: the move brings Site Recovery's copy of their classic policy (MOVE-POLICY).
                if (to.isPresent() && onlyMovesUse(w.getKey(), to.get())) continue;
                List<FieldChange> f = new ArrayList<>();
                w.getValue().forEach((k, v) -> f.add(new FieldChange(k, null, v)));
                add(ResourceType.POLICY, site, w.getKey(), Action.CREATE, "policy does not exist", f);
            } else {
                List<FieldChange> f = new ArrayList<>();
                w.getValue().forEach((k, v) -> field(f, k, p.settings().get(k), v));
                add(ResourceType.POLICY, site, w.getKey(), f.isEmpty() ? Action.NO_OP : Action.UPDATE, f.isEmpty() ? null : "policy settings differ", f);
            }
        }
        // A failback policy is Site Recovery's own, added beside each VMware policy (FB-POLICY): never siteplan's to delete.
        // Nor one a protected machine still runs under (the copy a move made, a classic vault's policy while its points last).
        Set<String> inUse = d.vaults().stream().flatMap(v -> v.protectedItems().stream()).map(ProtectedItem::policy).filter(Objects::nonNull).collect(Collectors.toSet());
        found.values().stream().filter(p -> p.managed() && !wanted.containsKey(p.name()) && !PolicyForm.FAILBACK.equals(p.kind()) && !inUse.contains(p.name()))
                .forEach(p -> add(ResourceType.POLICY, "-", p.name(), Action.DELETE, "no longer declared", List.of()));
    }

    /** True when every machine of the groups with this policy toward this vault moves into it by switch provider (none is protected anew). */
    private boolean onlyMovesUse(String policy, AzureTarget to) {
        boolean any = false;
        for (ProtectionGroup g : e.protectionGroups()) {
            if (!g.policy().equals(policy) || !g.target().equals(to.name())) continue;
            for (Machine m : membership.members(g)) {
                if (!switches(m, g)) return false;
                any = true;
            }
        }
        return any;
    }

    /** True when the machine is held by a classic vault of the region of its group's modernized vault: it moves by switch provider. */
    private boolean switches(Machine m, ProtectionGroup g) {
        AzureTarget to = azureTarget(g.target()).orElse(null);
        RecoveryVault from = holders.get(m.name());
        if (to == null || from == null || from.target().equals(to.name()) || itemsByTarget.getOrDefault(to.name(), Map.of()).containsKey(m.name())) return false;
        ProtectedItem p = items.get(m.name());
        return architectureOf(from, p) == Architecture.CLASSIC && Architecture.of(to) == Architecture.MODERNIZED && m.kind() != MachineKind.HYPERV_VM
                && sameRegion(from, to) && !unmanagedDisks(p);
    }

    /** MOVE-DISKS: Site Recovery moves a classic item only when it replicates to managed disks, as the item reports. */
    private static boolean unmanagedDisks(ProtectedItem p) {
        return p != null && p.moveReadiness() != null && p.moveReadiness().unmanagedDisks();
    }

    /** The vault's architecture as declared; a vault no longer declared is read for what it holds: a classic item has a master target. */
    private Architecture architectureOf(RecoveryVault vault, ProtectedItem p) {
        return azureTarget(vault.target()).map(Architecture::of).orElse(p.masterTarget() != null ? Architecture.CLASSIC : Architecture.MODERNIZED);
    }

    /** MOVE-REGION: switch provider moves a machine only into a modernized vault of the classic vault's region (unknown regions do not differ). */
    private static boolean sameRegion(RecoveryVault from, AzureTarget to) {
        return from.region() == null || to.region() == null || from.region().equalsIgnoreCase(to.region());
    }

    private String siteOfPolicy(String policy) {
        return e.protectionGroups().stream().filter(g -> g.policy().equals(policy)).map(ProtectionGroup::target).findFirst().orElse("-");
    }

    private void mappings() {
        mappingDiff(ResourceType.NETWORK_MAPPING, e.networkMappings().stream().collect(Collectors.toMap(NetworkMapping::source, NetworkMapping::target, (a, b) -> a)),
                d.vaults().stream().flatMap(v -> v.networkMappings().stream()).toList());
        mappingDiff(ResourceType.STORAGE_MAPPING, e.storageMappings().stream().collect(Collectors.toMap(StorageMapping::source, StorageMapping::target, (a, b) -> a)),
                d.vaults().stream().flatMap(v -> v.storageMappings().stream()).toList());
    }

    private void mappingDiff(ResourceType type, Map<String, String> wanted, List<RecoveryVault.Mapping> found) {
        Map<String, RecoveryVault.Mapping> byPair = new HashMap<>();
        found.forEach(m -> byPair.putIfAbsent(m.source(), m));
        wanted.forEach((src, dst) -> {
            RecoveryVault.Mapping m = byPair.get(src);
            String site = siteOfNetwork(src);
            if (m == null) add(type, site, src, Action.CREATE, "mapping does not exist", List.of(new FieldChange("target", null, dst)));
            else if (!m.target().equals(dst)) add(type, site, src, Action.UPDATE, "mapped to another target", List.of(new FieldChange("target", m.target(), dst)));
            else add(type, site, src, Action.NO_OP, null, List.of());
        });
        found.stream().filter(m -> m.managed() && !wanted.containsKey(m.source()))
                .forEach(m -> add(type, siteOfNetwork(m.source()), m.source(), Action.DELETE, "no longer declared", List.of(new FieldChange("target", m.target(), null))));
    }

    private String siteOfNetwork(String source) {
        int slash = source.indexOf('/');
        if (slash > 0) return source.substring(0, slash);
        for (VmwareSite s : e.vmwareSites()) if (s.networks().stream().anyMatch(n -> n.name().equals(source))) return s.name();
        for (VmmSite s : e.vmmSites()) {
            if (s.vmNetworks().stream().anyMatch(n -> n.name().equals(source))) return s.name();
            if (s.storageClassifications().stream().anyMatch(n -> n.name().equals(source))) return s.name();
        }
        return "-";
    }

    // ------------------------------------------------------------------ protection of machines

    private void protection() {
        Map<String, ProtectionGroup> groupOf = new HashMap<>();
        for (Machine m : e.machines()) membership.groupOf(m.name()).ifPresent(g -> groupOf.put(m.name(), g));
        Set<String> mechanismChanged = new HashSet<>();
        for (VmwareSite s : e.vmwareSites()) {
            Fabric f = fabricOf(s.name());
            String declared = s.replication() == null ? "internet" : s.replication().token();
            if (f != null && f.replicationMechanism() != null && !f.replicationMechanism().equals(declared)) mechanismChanged.add(s.name());
        }
        for (Machine m : e.machines()) {
            ProtectionGroup g = groupOf.get(m.name());
            if (g == null) continue;
            // The item in the group's own vault is the machine's protection; one in another vault is where it moves from
            // (a vault it has moved from may still list it until its recovery points expire).
            ProtectedItem own = itemsByTarget.getOrDefault(g.target(), Map.of()).get(m.name());
            RecoveryVault holder = own != null ? d.vault(g.target()).orElseThrow() : holders.get(m.name());
            Optional<ProtectedItem> item = Optional.ofNullable(own != null ? own : items.get(m.name()));
            String address = m.name();
            if (item.isEmpty()) {
                add(ResourceType.PROTECTION, m.site(), address, Action.CREATE, "machine is not protected yet",
                        g.appliance() != null
                                ? List.of(new FieldChange("group", null, g.name()), new FieldChange("policy", null, g.policy()),
                                        new FieldChange("appliance", null, g.appliance()), new FieldChange("disks", null, m.disks().size() + " (" + m.totalSize().human() + ")"))
                                : List.of(new FieldChange("group", null, g.name()), new FieldChange("policy", null, g.policy()),
                                        new FieldChange("processServer", null, g.processServer()), new FieldChange("masterTarget", null, g.masterTarget()),
                                        new FieldChange("disks", null, m.disks().size() + " (" + m.totalSize().human() + ")")),
                        impact(m, g, m.totalSize(), "no recovery point until initial replication completes"), false);
                mobility(m, null);
                continue;
            }
            ProtectedItem p = item.get();
            if (p.failedOver()) {
                // Running at the recovery site is a state, not drift: compare nothing until it fails back.
                if (p.state() == ProtectedItem.ReplicationState.FAILOVER_COMMITTED) {
                    add(ResourceType.PROTECTION, m.site(), address, Action.REPROTECT, "failed over and committed; reprotect to replicate back to " + m.site() + " (FB-STAGES)",
                            List.of(new FieldChange("direction", "none", "recovery to primary")), null, false);
                } else {
                    add(ResourceType.PROTECTION, m.site(), address, Action.NO_OP, "active at the recovery site (" + p.state().token() + "); changes wait for failback", List.of());
                }
                continue;
            }
            if (holder != null && !holder.target().equals(g.target()) && azureTarget(g.target()).isPresent()) {
                vaultMove(m, g, p, holder);
                mobility(m, p);
                continue;
            }
            List<FieldChange> moved = new ArrayList<>();
            boolean modernized = g.appliance() != null;
            field(moved, "masterTarget", p.masterTarget(), g.masterTarget());
            if (modernized) {
                // Neither is in Site Recovery's update of a modernized item: protection is enabled again with them. Unreported
                // (an item whose disks are not reported yet) is not a change to make.
                if (p.storageAccount() != null) field(moved, "logStorageAccount", p.storageAccount(), g.logStorageAccount());
                ProtectedItem.Failover want = ProtectedItem.failoverOf(m, g);
                if (p.failover() != null && p.failover().diskType() != null) field(moved, "diskType", p.failover().diskType(), want == null ? null : want.diskType());
            } else {
                field(moved, "storageAccount", p.storageAccount(), g.storageAccount());
            }
            List<FieldChange> resized = new ArrayList<>();
            boolean added = false;
            // A disk the machine no longer has is no longer replicated: protection is enabled again without it. A protected item
            // always replicates a disk: one that reports none has not reported them yet, which is no change to make.
            for (VmDisk was : p.disks()) {
                if (m.disks().stream().noneMatch(x -> x.name().equals(was.name()))) {
                    resized.add(new FieldChange("disk " + was.name(), was.size().toString(), null));
                    added = true;
                }
            }
            for (Disk disk : p.disks().isEmpty() ? List.<Disk>of() : m.disks()) {
                VmDisk was = p.disks().stream().filter(x -> x.name().equals(disk.name())).findFirst().orElse(null);
                if (was == null) {
                    resized.add(new FieldChange("disk " + disk.name(), null, disk.size().toString()));
                    added = true;
                } else if (!was.size().equals(disk.size())) {
                    resized.add(new FieldChange("disk " + disk.name(), was.size().toString(), disk.size().toString()));
                }
            }
            // RCM-RESIZE: where the architecture grows a disk in place, a resize without an added disk is an update
            // (a shrink too, which the rule refuses); an added disk is still protected by enabling protection again.
            boolean inPlace = !resized.isEmpty() && !added && growToward.apply(g.target()) == DiskGrow.IN_PLACE;
            DataSize resizedBytes = Replication.resizedData(p.disks(), m.disks());
            boolean preventDestroy = m.preventDestroy() || g.preventDestroy();
            if (!moved.isEmpty()) {
                add(ResourceType.PROTECTION, m.site(), address, Action.REPLACE, (modernized ? "a machine cannot move to another log storage account or replica disk type in place"
                                : "a machine cannot move to another master target or storage account in place") + ": protection is disabled and enabled again, losing its recovery points",
                        moved, impact(m, g, m.totalSize(), "all recovery points are lost; none until initial replication completes"), true);
            } else if (mechanismChanged.contains(m.site())) {
                add(ResourceType.PROTECTION, m.site(), address, Action.RE_REPLICATE, "replication mechanism of site '" + m.site() + "' changed (SRC-MECHANISM)",
                        List.of(new FieldChange("replication", fabricOf(m.site()).replicationMechanism(), siteMechanism(m.site()))),
                        impact(m, g, m.totalSize(), "all recovery points are lost; none until re-replication completes"), true);
            } else if (inPlace) {
                List<FieldChange> f = new ArrayList<>(resized);
                settings(f, m, g, p);
                add(ResourceType.PROTECTION, m.site(), address, Action.UPDATE, "a grown disk keeps replicating: Site Recovery grows its replica in place, recovery points kept (RCM-RESIZE)", f);
            } else if (!resized.isEmpty() && growToward.apply(g.target()) == DiskGrow.IN_PLACE) {
                // Disabling a modernized item deletes its replica and recovery points: destructive, gated like one.
                add(ResourceType.PROTECTION, m.site(), address, Action.RE_REPLICATE, "an added or removed disk is protected by disabling and enabling protection again, losing its recovery points"
                                + " (RCM-RESIZE: Site Recovery's REST contract has no call to add a disk to a modernized item)",
                        resized, impact(m, g, m.totalSize(), "all recovery points are lost; none until re-replication completes"), true);
            } else if (!resized.isEmpty()) {
                add(ResourceType.PROTECTION, m.site(), address, Action.RE_REPLICATE, "a resized or added disk is protected again: protection is disabled (recovery points kept) and re-enabled (SRC-RESIZE)",
                        resized, impact(m, g, resizedBytes, "no new recovery point until re-replication completes"), false);
            } else {
                List<FieldChange> f = new ArrayList<>();
                settings(f, m, g, p);
                add(ResourceType.PROTECTION, m.site(), address, f.isEmpty() ? Action.NO_OP : Action.UPDATE, f.isEmpty() ? null : "protection settings differ", f);
            }
            mobility(m, p);
        }
        // Protected items siteplan manages whose machine is no longer protected by the definition.
        for (RecoveryVault v : d.vaults()) {
            for (ProtectedItem p : v.protectedItems()) {
                if (!p.managed() || groupOf.containsKey(p.machine())) continue;
                add(ResourceType.PROTECTION, p.site(), p.machine(), Action.DELETE, "no longer in a protection group: protection is disabled and its recovery points are lost",
                        List.of(new FieldChange("group", p.protectionGroup(), null)), new Impact(null, null, null, plansWith(p.machine()), "all recovery points are lost"), true);
            }
        }
    }

    /**
     * A machine whose group now targets another vault than the one protecting it. From a classic vault to a modernized
     * one in the same region, Site Recovery moves it itself (switch provider, MOVE-*): replication pauses, only what
     * changed is sent, and the classic vault keeps its last recovery points failover-able until their retention
     * ends, then purges the item. Any other move (between two vaults of one architecture, back to classic, Hyper-V,
     * another region) has no such call: protection is disabled in the old vault, losing its recovery points, and
     * enabled in the new one with a full initial replication.
     */
    private void vaultMove(Machine m, ProtectionGroup g, ProtectedItem p, RecoveryVault from) {
        AzureTarget to = azureTarget(g.target()).orElseThrow();
        Architecture fromArchitecture = architectureOf(from, p);
        List<FieldChange> f = new ArrayList<>();
        f.add(new FieldChange("vault", from.name(), to.vault()));
        field(f, "group", p.protectionGroup(), g.name());
        boolean sameRegion = sameRegion(from, to);
        boolean switchable = switches(m, g);
        // A moved machine runs under Site Recovery's copy of its classic policy (MOVE-POLICY).
        field(f, "policy", p.policy(), switchable && p.policy() != null ? PolicyForm.moveCopy(p.policy(), to) : g.policy());
        if (switchable) {
            field(f, "processServer", p.processServer(), null);
            field(f, "appliance", null, g.appliance());
            boolean healthy = Replication.movesHealthy(p);
            double hours = round1(Replication.moveTime(m, p).toSeconds() / 3600.0);
            String retention = from.policies().stream().filter(x -> x.name().equals(p.policy())).findFirst()
                    .map(x -> x.settings().getOrDefault(PolicyForm.RETENTION, x.settings().get(PolicyForm.RECOVERY_POINT_HISTORY))).orElse(null);
            add(ResourceType.PROTECTION, m.site(), m.name(), Action.MOVE, "moves from classic vault " + from.name() + " to modernized vault " + to.vault()
                            + " by Site Recovery's switch provider: only changed data is sent (MOVE-TIME)", f,
                    // Recoverable throughout: the classic vault's last recovery point fails over while the move runs.
                    new Impact(null, hours, null, List.of(),
                            (healthy ? "" : "not healthy: its move takes longer by the size of its disks; ") + "no new recovery point until the first one in " + to.vault()
                                    + "; the classic vault's last recovery points stay failover-able"
                                    + (retention == null ? " until their retention ends" : " for their retention (" + retention + ")") + ", then Site Recovery purges them"),
                    true);
            return;
        }
        field(f, g.appliance() != null ? "appliance" : "processServer", p.processServer(), g.appliance() != null ? g.appliance() : g.processServer());
        add(ResourceType.PROTECTION, m.site(), m.name(), Action.REPLACE, "moves from vault " + from.name() + " (" + fromArchitecture.token() + (sameRegion ? "" : ", " + from.region())
                        + ") to vault " + to.vault() + " (" + Architecture.of(to).token() + (sameRegion ? "" : ", " + to.region()) + "), which Site Recovery cannot switch"
                        + (sameRegion ? "" : " (switch provider stays in the classic vault's region, MOVE-REGION)")
                        + (unmanagedDisks(p) ? " (it replicates to unmanaged disks, which switch provider does not move, MOVE-DISKS)" : "") + ": protection is disabled in " + from.name()
                        + ", losing its recovery points, and enabled in " + to.vault(), f, impact(m, g, m.totalSize(), "all recovery points are lost; none until initial replication completes"), true);
    }

    private Optional<AzureTarget> azureTarget(String name) {
        return e.azure().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The protection settings Site Recovery updates in place: group, policy, the server that carries it, failover settings. */
    private void settings(List<FieldChange> f, Machine m, ProtectionGroup g, ProtectedItem p) {
        // Site Recovery groups VMware machines (multi-VM consistency group) but not Hyper-V ones: an unreported group is no drift.
        if (p.protectionGroup() != null) field(f, "group", p.protectionGroup(), g.name());
        // A moved machine's policy is Site Recovery's copy of the declared one (MOVE-POLICY): that is the declared policy.
        AzureTarget to = azureTarget(g.target()).orElse(null);
        boolean copyOfDeclared = to != null && p.policy() != null && p.policy().equals(PolicyForm.moveCopy(g.policy(), to));
        field(f, "policy", copyOfDeclared ? g.policy() : p.policy(), g.policy());
        field(f, g.appliance() != null ? "appliance" : "processServer", p.processServer(), g.appliance() != null ? g.appliance() : g.processServer());
        ProtectedItem.Failover fs = ProtectedItem.failoverOf(m, g);
        ProtectedItem.Failover pf = p.failover();
        if (fs != null) {
            field(f, "failover.vmSize", pf == null ? null : pf.vmSize(), fs.vmSize());
            field(f, "failover.network", pf == null ? null : pf.network(), fs.network());
            field(f, "failover.subnet", pf == null ? null : pf.subnet(), fs.subnet());
            field(f, "failover.ip", pf == null ? null : pf.ip(), fs.ip());
            if (g.appliance() != null) field(f, "targetResourceGroup", pf == null ? null : pf.resourceGroup(), fs.resourceGroup());
        }
    }

    private String siteMechanism(String site) {
        return e.vmwareSites().stream().filter(s -> s.name().equals(site)).map(s -> s.replication() == null ? "internet" : s.replication().token()).findFirst().orElse(null);
    }

    /** Seed 004: the Mobility service and VM agent are installed and their services, those of the machine's OS, run. */
    private void mobility(Machine m, ProtectedItem p) {
        if (m.mobility() == null) return;
        Mobility want = m.mobility();
        ProtectedItem.Mobility have = p == null ? null : p.mobility();
        List<FieldChange> f = new ArrayList<>();
        List<String> services = MobilityForm.desiredServices(m);
        if (have == null) {
            f.add(new FieldChange("version", null, want.version()));
            services.forEach(s -> f.add(new FieldChange("service " + s, null, "running")));
            add(ResourceType.MOBILITY, m.site(), m.name(), Action.CREATE, want.install() == InstallMethod.MANUAL ? "install the Mobility service (manual install: siteplan checks it)" : "push the Mobility service", f);
            return;
        }
        field(f, "version", MobilityForm.versionSatisfies(have.version(), want.version()) ? want.version() : have.version(), want.version());
        // No service states at all means they are not observable (Site Recovery reports the agent's version
        // only); where states are reported, an absent service is missing.
        if (!have.services().isEmpty()) {
            for (String s : services) field(f, "service " + s, have.services().getOrDefault(s, "missing"), "running");
        }
        add(ResourceType.MOBILITY, m.site(), m.name(), f.isEmpty() ? Action.NO_OP : Action.UPDATE, f.isEmpty() ? null : "repair drift from the desired state (MOB-SERVICES)", f);
    }

    private Impact impact(Machine m, ProtectionGroup g, DataSize data, String rpo) {
        DataRate uplink = Replication.uplink(e, m, g).orElse(null);
        Double hours = uplink == null ? null : round1(Replication.time(data, uplink).toSeconds() / 3600.0);
        String policyRpo = e.replicationPolicies().stream().filter(p -> p.name().equals(g.policy())).map(p -> Durations.format(p.rpo())).findFirst()
                .orElseGet(() -> e.hyperVPolicies().stream().filter(p -> p.name().equals(g.policy())).map(p -> Durations.format(p.copyFrequency())).findFirst().orElse(null));
        return new Impact(round1(data.gigabytes()), hours, uplink == null ? null : uplink.toString(), plansWith(m.name()),
                rpo + (policyRpo == null ? "" : " (policy RPO " + policyRpo + ")"));
    }

    private List<String> plansWith(String machine) {
        return plansByMachine.getOrDefault(machine, List.of());
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    // ------------------------------------------------------------------ recovery plans

    private void recoveryPlans() {
        Map<String, RecoveryPlanInfo> found = new HashMap<>();
        d.vaults().forEach(v -> v.recoveryPlans().forEach(p -> found.putIfAbsent(p.name(), p)));
        for (RecoveryPlan p : e.recoveryPlans()) {
            List<List<String>> groups = p.groups().stream().map(g -> g.machines().stream().map(PlanMachine::name).toList()).toList();
            // A recovery plan belongs to its vault: one of the same name in another vault (the classic vault its machines
            // moved from) is not this one. Site Recovery does not move recovery plans (MOVE-PLANS).
            Optional<RecoveryVault> vault = d.vault(p.target());
            RecoveryPlanInfo have = vault.isPresent() || azureTarget(p.target()).isPresent()
                    ? vault.flatMap(v -> v.recoveryPlans().stream().filter(x -> x.name().equals(p.name())).findFirst()).orElse(null)
                    : found.get(p.name());
            String shown = groups.stream().map(g -> "[" + String.join(", ", g) + "]").collect(Collectors.joining(" → "));
            String elsewhere = have != null ? null : d.vaults().stream().filter(v -> v.recoveryPlans().stream().anyMatch(x -> x.name().equals(p.name())))
                    .map(RecoveryVault::name).findFirst().orElse(null);
            if (have == null && elsewhere != null) {
                add(ResourceType.RECOVERY_PLAN, p.source(), p.name(), Action.CREATE, "recovery plan is in vault " + elsewhere + ", not in its target's vault: created again there"
                        + " (MOVE-PLANS: Site Recovery does not move recovery plans; the one in " + elsewhere + " stays)", List.of(new FieldChange("groups", null, shown)));
            } else if (have == null) {
                add(ResourceType.RECOVERY_PLAN, p.source(), p.name(), Action.CREATE, "recovery plan does not exist", List.of(new FieldChange("groups", null, shown)));
            } else if (!have.groups().equals(groups)) {
                add(ResourceType.RECOVERY_PLAN, p.source(), p.name(), Action.UPDATE, "groups differ",
                        List.of(new FieldChange("groups", have.groups().stream().map(g -> "[" + String.join(", ", g) + "]").collect(Collectors.joining(" → ")), shown)));
            } else {
                add(ResourceType.RECOVERY_PLAN, p.source(), p.name(), Action.NO_OP, null, List.of());
            }
        }
        Set<String> declared = e.recoveryPlans().stream().map(RecoveryPlan::name).collect(Collectors.toSet());
        found.values().stream().filter(p -> p.managed() && !declared.contains(p.name()))
                .forEach(p -> add(ResourceType.RECOVERY_PLAN, "-", p.name(), Action.DELETE, "no longer declared", List.of()));
    }

    // ------------------------------------------------------------------ helpers

    private static void field(List<FieldChange> f, String name, String before, String after) {
        if (!Objects.equals(before, after)) f.add(new FieldChange(name, before, after));
    }

    private void add(ResourceType type, String site, String name, Action action, String reason, List<FieldChange> fields) {
        add(type, site, name, action, reason, fields, null, false);
    }

    private void add(ResourceType type, String site, String name, Action action, String reason, List<FieldChange> fields, Impact impact, boolean destructive) {
        changes.add(new Change(type.address(name), type, site, name, action, reason, fields, impact, destructive));
    }
}
