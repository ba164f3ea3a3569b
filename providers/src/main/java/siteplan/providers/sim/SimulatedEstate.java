package siteplan.providers.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import siteplan.model.*;
import siteplan.planner.state.*;
import siteplan.planner.state.RecoveryVault.Fabric;
import siteplan.planner.state.RecoveryVault.Mapping;
import siteplan.planner.state.RecoveryVault.RegisteredServer;
import siteplan.units.DataSize;

/**
 * Builds a simulated estate from a model, deterministically:
 * <ul>
 * <li>default: the infrastructure exists (vCenter and VMM inventories with every declared VM, Azure
 *     networks and storage, a vault with each site's configuration server), nothing is protected yet;</li>
 * <li>{@code fromModel}: everything exists exactly as declared, so a plan has no changes;</li>
 * <li>{@code partialPercent}: as fromModel for that share of the machines (the first by name), with
 *     the kinds of drift operators meet: a disk grown since protection (SRC-RESIZE), a Mobility service
 *     stopped and the VM agent missing (seed 004), a failover size changed.</li>
 * </ul>
 */
public final class SimulatedEstate {
    /** The file in a state folder that holds the simulated estate's ID: what its lock is keyed on, wherever it is named from. */
    public static final String ID_FILE = "estate-id";

    private SimulatedEstate() {}

    /**
     * The simulated estate's ID, written by `sim init`; a state folder without one (made before IDs existed,
     * or a checkout that commits only state.json) gets one now. Created with a hard link, which fails if the
     * file exists, so two runs that both find none still agree on one. Made from the state it identifies,
     * not at random: two fresh clones of the same commit on two CI runners, whose first runs happen before
     * any state is recorded in history, get the same ID and so the same lock. Two unrelated estates with the
     * same state would share a lock too; that only makes one wait for the other.
     */
    public static String id(java.nio.file.Path stateDir) throws java.io.IOException {
        java.nio.file.Path file = siteplan.planner.state.StateFolder.entry(stateDir, ID_FILE);
        if (!java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            java.nio.file.Files.createDirectories(stateDir);
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile(stateDir, ".estate-id", ".tmp");
            try {
                java.nio.file.Files.writeString(tmp, "sim-" + newId(stateDir) + "\n");
                java.nio.file.Files.createLink(file, tmp);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another run wrote it first: that one is the ID
            } finally {
                java.nio.file.Files.deleteIfExists(tmp);
            }
        }
        String id = new String(siteplan.planner.state.StateFolder.read(stateDir, ID_FILE), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (id.isEmpty()) throw new java.io.IOException(file + " is empty; it names the simulated estate for its lock: restore it, or remove it to give the estate a new ID");
        // The ID goes into locks, history and messages: only the form siteplan writes, never other text.
        if (!id.matches("[A-Za-z0-9._-]{1,100}")) throw new java.io.IOException(file + " does not hold an estate ID as siteplan writes it (sim- and a UUID); restore it, or remove it to give the estate a new ID");
        return id;
    }

    private static java.util.UUID newId(java.nio.file.Path stateDir) throws java.io.IOException {
        if (!siteplan.planner.state.StateFolder.isFile(stateDir, StateFiles.STATE_FILE)) return java.util.UUID.randomUUID();
        byte[] state = siteplan.planner.state.StateFolder.read(stateDir, StateFiles.STATE_FILE);
        return java.util.UUID.nameUUIDFromBytes(state);
    }

    public static DiscoveredState create(Estate e, boolean fromModel, Integer partialPercent) {
        Set<String> protect = new HashSet<>();
        Membership membership = Membership.of(e);
        List<Machine> protectable = e.machines().stream().filter(m -> membership.isProtected(m.name())).toList();
        if (fromModel) protectable.forEach(m -> protect.add(m.name()));
        if (partialPercent != null) {
            int n = (int) Math.ceil(protectable.size() * partialPercent / 100.0);
            protectable.stream().limit(n).forEach(m -> protect.add(m.name()));
        }
        boolean everything = fromModel;
        boolean drift = partialPercent != null && !fromModel;

        List<VcenterInventory> vcenters = new ArrayList<>();
        for (VmwareSite s : e.vmwareSites()) {
            if (s.vcenter() == null) continue;
            List<VmInfo> vms = e.machines().stream().filter(m -> m.site().equals(s.name()) && m.kind() == MachineKind.VMWARE_VM)
                    .map(SimulatedEstate::vm).toList();
            vcenters.add(new VcenterInventory(s.name(), s.vcenter().address(), s.vcenter().version(), s.name() + "-dc",
                    s.hosts().stream().map(h -> new HostInfo(h.name(), h.version(), h.edition())).toList(),
                    s.datastores().stream().map(d -> new DatastoreInfo(d.name(), d.type().token(), d.capacity())).toList(),
                    s.networks().stream().map(PortGroup::name).toList(), vms));
        }
        List<VmmInventory> vmms = new ArrayList<>();
        for (VmmSite s : e.vmmSites()) {
            List<VmInfo> vms = e.machines().stream().filter(m -> m.site().equals(s.name())).map(SimulatedEstate::vm).toList();
            vmms.add(new VmmInventory(s.name(), s.servers().isEmpty() ? null : s.servers().get(0).name(),
                    s.clouds().stream().map(VmmCloud::name).toList(),
                    s.hosts().stream().map(h -> new HostInfo(h.name(), "Windows Server " + h.windowsServer(), null)).toList(), vms));
        }
        List<AzureSubscription> azure = new ArrayList<>();
        for (AzureTarget t : e.azure()) {
            azure.add(new AzureSubscription(t.name(), t.subscription(), t.region(),
                    t.networks().stream().map(n -> new AzureSubscription.AzureNetwork(n.name(), n.region() == null ? t.region() : n.region(), n.addressSpace(),
                            n.subnets().stream().map(sn -> sn.name() + "=" + sn.prefix()).toList())).toList(),
                    t.storageAccounts().stream().map(a -> new AzureSubscription.AzureStorageAccount(a.name(), a.replication().token(),
                            a.region() == null ? t.region() : a.region())).toList()));
        }

        // One vault per target named by protection groups (an Azure target, or a VMM site for Hyper-V).
        Map<String, List<ProtectionGroup>> groupsByTarget = new TreeMap<>();
        e.protectionGroups().forEach(g -> groupsByTarget.computeIfAbsent(g.target(), k -> new ArrayList<>()).add(g));
        e.azure().forEach(t -> groupsByTarget.computeIfAbsent(t.name(), k -> new ArrayList<>()));
        List<RecoveryVault> vaults = new ArrayList<>();
        int driftIndex = 0;
        for (Map.Entry<String, List<ProtectionGroup>> entry : groupsByTarget.entrySet()) {
            String target = entry.getKey();
            AzureTarget at = e.azure().stream().filter(t -> t.name().equals(target)).findFirst().orElse(null);
            Map<String, Fabric> fabrics = new LinkedHashMap<>();
            for (ProtectionGroup g : entry.getValue()) fabrics.computeIfAbsent(g.source(), site -> fabric(e, site, everything || !protect.isEmpty(), at));
            if (at != null) {
                for (VmwareSite s : e.vmwareSites()) fabrics.computeIfAbsent(s.name(), site -> fabric(e, site, everything || !protect.isEmpty(), at));
            }
            List<RecoveryVault.Policy> policies = new ArrayList<>();
            List<Mapping> netMaps = new ArrayList<>();
            List<Mapping> storMaps = new ArrayList<>();
            List<ProtectedItem> items = new ArrayList<>();
            List<RecoveryPlanInfo> plans = new ArrayList<>();
            if (everything || !protect.isEmpty()) {
                Set<String> used = new HashSet<>();
                entry.getValue().forEach(g -> used.add(g.policy()));
                for (ReplicationPolicy p : e.replicationPolicies()) if (used.contains(p.name())) policies.add(PolicyForm.of(p));
                for (HyperVPolicy p : e.hyperVPolicies()) if (used.contains(p.name())) policies.add(PolicyForm.of(p));
                e.networkMappings().forEach(m -> netMaps.add(new Mapping(m.source(), m.target(), true)));
                e.storageMappings().forEach(m -> storMaps.add(new Mapping(m.source(), m.target(), true)));
            }
            for (ProtectionGroup g : entry.getValue()) {
                for (Machine m : membership.members(g)) {
                    if (!protect.contains(m.name())) continue;
                    ProtectedItem item = item(m, g);
                    if (drift) item = drift(item, m, driftIndex++);
                    items.add(item);
                }
            }
            if (everything) {
                for (RecoveryPlan p : e.recoveryPlans()) {
                    if (p.target().equals(target)) {
                        plans.add(new RecoveryPlanInfo(p.name(), p.groups().stream().map(gr -> gr.machines().stream().map(PlanMachine::name).toList()).toList(), true));
                    }
                }
            }
            vaults.add(new RecoveryVault(target, at != null ? at.vault() : target + "-vault", at != null ? at.region() : null,
                    List.copyOf(fabrics.values()), policies, netMaps, storMaps, items, plans, List.of()));
        }
        return new DiscoveredState(vcenters, vmms, azure, vaults);
    }

    private static VmInfo vm(Machine m) {
        return new VmInfo(m.name(), (m.osVersion() == null ? "" : m.osVersion()) + " (64-bit)",
                m.firmware() == null ? "bios" : m.firmware().token(), m.esxiHost() != null ? m.esxiHost() : m.hyperVHost(), m.datastore(), "poweredOn",
                m.tools() == null ? "running" : m.tools().token(), m.snapshots() == null ? 0 : m.snapshots(), null,
                m.disks().stream().map(d -> new VmDisk(d.name(), d.size(), "lsi-logic")).toList(),
                m.nics().stream().map(n -> new VmNic(n.name(), n.network(), n.ip())).toList(), null, null);
    }

    /**
     * A site's fabric in a vault: the configuration server and vCenter registered; process servers and master targets when
     * protection exists. A vault holds one architecture, so a site that has both kinds of server (classic machines moving
     * to a modernized vault) registers its classic servers with the classic vault and its appliances with the modernized one.
     */
    private static Fabric fabric(Estate e, String site, boolean withServers, AzureTarget vault) {
        boolean classic = vault == null || Architecture.of(vault) == Architecture.CLASSIC;
        boolean modernized = vault == null || Architecture.of(vault) == Architecture.MODERNIZED;
        VmwareSite vs = e.vmwareSites().stream().filter(s -> s.name().equals(site)).findFirst().orElse(null);
        if (vs == null) {
            List<String> clouds = e.vmmSites().stream().filter(s -> s.name().equals(site)).flatMap(s -> s.clouds().stream()).map(VmmCloud::name).toList();
            return new Fabric(site, "vmm", null, List.of(), clouds);
        }
        List<RegisteredServer> servers = new ArrayList<>();
        if (classic && vs.configurationServer() != null) servers.add(new RegisteredServer("configuration-server", vs.configurationServer().name(), "healthy", Map.of()));
        if (vs.vcenter() != null) servers.add(new RegisteredServer("vcenter", vs.vcenter().address(), "healthy", Map.of()));
        if (withServers && classic) {
            vs.processServers().forEach(p -> servers.add(new RegisteredServer("process-server", p.name(), "healthy", ServerForm.of(p))));
            vs.masterTargets().forEach(m -> servers.add(new RegisteredServer("master-target", m.name(), "healthy", ServerForm.of(m))));
        }
        if (withServers && modernized) vs.appliances().forEach(a -> servers.add(new RegisteredServer(ServerForm.APPLIANCE_ROLE, a.name(), "healthy", ServerForm.of(a))));
        return new Fabric(site, "vmware", vs.replication() == null ? "internet" : vs.replication().token(), servers, List.of("cloud_" + site));
    }

    static ProtectedItem item(Machine m, ProtectionGroup g) {
        FailoverSettings f = m.failover();
        ProtectedItem.Failover failover = ProtectedItem.failoverOf(m, g);
        // A modernized item is carried by its appliance's process server, named for the appliance; its log storage account stands where a classic item's replica account does.
        boolean modernized = g.appliance() != null;
        return new ProtectedItem(m.name(), m.site(), g.name(), g.policy(), modernized ? g.appliance() : g.processServer(), g.masterTarget(), modernized ? g.logStorageAccount() : g.storageAccount(),
                ProtectedItem.ReplicationState.PROTECTED, "normal", ProtectedItem.ActiveLocation.PRIMARY,
                m.disks().stream().map(d -> new VmDisk(d.name(), d.size(), null)).toList(), failover, mobility(m, true, true), true);
    }

    static ProtectedItem.Mobility mobility(Machine m, boolean running, boolean agent) {
        if (m.mobility() == null) return null;
        Map<String, String> services = new TreeMap<>();
        MobilityForm.mobilityServices(m.os()).forEach(s -> services.put(s, running ? "running" : "stopped"));
        if (!Boolean.FALSE.equals(m.mobility().vmAgent())) MobilityForm.agentServices(m.os()).forEach(s -> services.put(s, agent ? "running" : "missing"));
        return new ProtectedItem.Mobility(m.mobility().version(), services);
    }

    /** Deterministic drift, one kind per protected machine in turn, so a partial estate shows each kind. */
    private static ProtectedItem drift(ProtectedItem p, Machine m, int index) {
        switch (index % 4) {
            case 0 -> {
                if (p.disks().isEmpty()) return p;
                List<VmDisk> disks = new ArrayList<>(p.disks());
                VmDisk last = disks.get(disks.size() - 1);
                // Protected when the disk was smaller: it has been grown since (SRC-RESIZE).
                long smaller = Math.max(1L << 30, last.size().bytes() * 3 / 4 / (1L << 30) * (1L << 30));
                disks.set(disks.size() - 1, new VmDisk(last.name(), new DataSize(smaller), last.controller()));
                return new ProtectedItem(p.machine(), p.site(), p.protectionGroup(), p.policy(), p.processServer(), p.masterTarget(), p.storageAccount(),
                        p.state(), p.health(), p.activeLocation(), disks, p.failover(), p.mobility(), p.managed(), p.testFailover(), p.moveReadiness());
            }
            case 1 -> {
                return new ProtectedItem(p.machine(), p.site(), p.protectionGroup(), p.policy(), p.processServer(), p.masterTarget(), p.storageAccount(),
                        p.state(), "warning", p.activeLocation(), p.disks(), p.failover(), mobility(m, false, false), p.managed(), p.testFailover(), p.moveReadiness());
            }
            case 2 -> {
                if (p.failover() == null) return p;
                ProtectedItem.Failover f = p.failover();
                return new ProtectedItem(p.machine(), p.site(), p.protectionGroup(), p.policy(), p.processServer(), p.masterTarget(), p.storageAccount(),
                        p.state(), p.health(), p.activeLocation(), p.disks(), new ProtectedItem.Failover(f.azureName(), "Standard_A1", f.network(), f.subnet(), f.ip(), f.resourceGroup(), f.diskType()),
                        p.mobility(), p.managed(), p.testFailover(), p.moveReadiness());
            }
            default -> {
                return p;
            }
        }
    }
}
