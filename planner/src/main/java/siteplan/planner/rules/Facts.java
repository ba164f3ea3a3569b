package siteplan.planner.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import siteplan.diag.SourceMap;
import siteplan.model.*;
import siteplan.planner.state.DiscoveredState;
import siteplan.units.DataSize;

/**
 * What rules look at, worked out once: the estate, discovered state, which group protects each
 * machine, and helpers to name things and place them in files. Rules only read it.
 */
public final class Facts {
    public final Estate estate;
    public final DiscoveredState discovered;
    /** The classic architecture's profile (and that of Hyper-V sites); {@link #profileOf} gives a machine's. */
    public final Profile profile;
    /** Each architecture's profile: a machine is checked against the one of its vault's architecture. */
    public final Profiles profiles;
    public final SourceMap sources;
    public final java.time.LocalDate today;
    /** Which machines each group protects (one index for the estate, see Membership). */
    public final Membership membership;
    // Indexes built once: rules ask these questions per server and per site, over estates of thousands of machines.
    private final List<Machine> protectedMachines;
    private final Map<String, List<Machine>> protectedBySite = new HashMap<>();
    private final Map<String, List<Machine>> byProcessServer = new HashMap<>();
    private final Map<String, List<Machine>> byMasterTarget = new HashMap<>();
    private final Map<String, List<Machine>> byAppliance = new HashMap<>();
    /** Names of the machines protected toward a modernized vault: asked per machine by most rule families. */
    private final java.util.Set<String> modernizedMachines = new java.util.HashSet<>();
    private final Map<String, java.util.Set<String>> targetsOfSite = new HashMap<>();
    private final Map<String, Long> iopsByTarget = new HashMap<>();

    public Facts(Estate estate, DiscoveredState discovered, Profile profile, SourceMap sources, java.time.LocalDate today) {
        this(estate, discovered, Profiles.bundled().with(profile), sources, today);
    }

    public Facts(Estate estate, DiscoveredState discovered, Profiles profiles, SourceMap sources, java.time.LocalDate today) {
        this.estate = estate;
        this.discovered = discovered;
        this.profiles = profiles;
        this.profile = profiles.classic();
        this.sources = sources == null ? new SourceMap() : sources;
        this.today = today;
        membership = Membership.of(estate);
        for (ProtectionGroup g : estate.protectionGroups()) {
            targetsOfSite.computeIfAbsent(g.source(), k -> new java.util.HashSet<>()).add(g.target());
        }
        protectedMachines = estate.machines().stream().filter(m -> membership.isProtected(m.name())).toList();
        for (Machine m : protectedMachines) {
            ProtectionGroup g = membership.groupOf(m.name()).orElseThrow();
            protectedBySite.computeIfAbsent(m.site(), k -> new ArrayList<>()).add(m);
            if (g.processServer() != null) byProcessServer.computeIfAbsent(m.site() + "/" + g.processServer(), k -> new ArrayList<>()).add(m);
            if (g.masterTarget() != null) byMasterTarget.computeIfAbsent(m.site() + "/" + g.masterTarget(), k -> new ArrayList<>()).add(m);
            if (architectureOf(g) == Architecture.MODERNIZED) {
                modernizedMachines.add(m.name());
                if (g.appliance() != null) byAppliance.computeIfAbsent(m.site() + "/" + g.appliance(), k -> new ArrayList<>()).add(m);
            }
            iopsByTarget.merge(g.target(), (long) m.totalIops(), Long::sum);
        }
    }

    /** The architecture of the vault a group protects toward (classic for a VMM site). */
    public Architecture architectureOf(ProtectionGroup g) {
        return Architecture.of(azure(g.target()).orElse(null));
    }

    /** True when the machine is protected toward a vault of the modernized architecture. */
    public boolean modernized(Machine m) {
        return modernizedMachines.contains(m.name());
    }

    /** The profile a machine is checked against: that of its vault's architecture. */
    public Profile profileOf(Machine m) {
        return modernized(m) ? profiles.modernized() : profiles.classic();
    }

    /**
     * ", profile NAME" for a limit of a profile other than the classic one, for messages: classic estates read as they
     * always have, and a limit of another architecture's profile says where it comes from.
     */
    public String profileNote(Profile p) {
        return p == profiles.classic() ? "" : ", profile " + p.name();
    }

    /** The same, as " (profile NAME)" after a message that has no parenthesis of its own to join. */
    public String profileAside(Profile p) {
        return p == profiles.classic() ? "" : " (profile " + p.name() + ")";
    }

    /** Machines protected toward modernized vaults, carried by an appliance of a site. */
    public List<Machine> machinesOnAppliance(String site, String appliance) {
        return byAppliance.getOrDefault(site + "/" + appliance, List.of());
    }

    /** Source IOPS of every machine protected toward a target (SA-COUNT). */
    public long iopsToward(String target) {
        return iopsByTarget.getOrDefault(target, 0L);
    }

    /** Protected machines of one site, in name order. */
    public List<Machine> protectedMachinesOf(String site) {
        return protectedBySite.getOrDefault(site, List.of());
    }

    /** True when some protection group protects the site toward the target. */
    public boolean protects(String site, String target) {
        return targetsOfSite.getOrDefault(site, java.util.Set.of()).contains(target);
    }

    public Optional<ProtectionGroup> groupOf(Machine m) {
        return membership.groupOf(m.name());
    }

    /** Machines protected by some group, in name order. */
    public List<Machine> protectedMachines() {
        return protectedMachines;
    }

    public Optional<VmwareSite> vmwareSite(String name) {
        return estate.vmwareSites().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<VmmSite> vmmSite(String name) {
        return estate.vmmSites().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<AzureTarget> azure(String name) {
        return estate.azure().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Whether the target is a real vault (provider 'azure'), which refuses what Azure refuses; the simulated estate keeps the seeds' behaviour. */
    /** A real vault of the classic architecture: the one Azure retired (ARCH-CLASSIC) and whose groups fail over only in its own plans (RP-VAULT-GROUP). */
    public boolean realClassicVault(String target) {
        return realVault(target) && Architecture.of(azure(target).orElse(null)) == Architecture.CLASSIC;
    }

    public boolean realVault(String target) {
        return azure(target).map(t -> t.provider() == ProviderKind.AZURE).orElse(false);
    }

    public Optional<ReplicationPolicy> replicationPolicy(String name) {
        return estate.replicationPolicies().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<HyperVPolicy> hyperVPolicy(String name) {
        return estate.hyperVPolicies().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Machines whose group uses the given process server of a site. */
    public List<Machine> machinesOnProcessServer(String site, String server) {
        return byProcessServer.getOrDefault(site + "/" + server, List.of());
    }

    public List<Machine> machinesOnMasterTarget(String site, String server) {
        return byMasterTarget.getOrDefault(site + "/" + server, List.of());
    }

    /** Data slots of a master target: from its Azure size, or its explicit shape. */
    public Integer dataDiskSlots(MasterTarget mt) {
        if (mt.dataDisks() != null) return mt.dataDisks();
        if (mt.size() == null) return null;
        Profile.MtSize s = profile.masterTarget().sizes().get(mt.size());
        return s == null ? null : s.dataDisks();
    }

    public DataSize churnPerDisk(Machine m, Disk d) {
        if (d.churn() != null) return d.churn();
        // A machine-level figure with no per-disk figures is spread over the disks by size.
        if (m.churn() == null || m.disks().stream().anyMatch(x -> x.churn() != null)) return DataSize.ZERO;
        return DataSize.scaled(m.churn().bytes(), d.size().bytes(), m.totalSize().bytes());
    }

    public int iopsPerDisk(Machine m, Disk d) {
        if (d.iops() != null) return d.iops();
        if (m.iops() == null || m.disks().stream().anyMatch(x -> x.iops() != null) || m.disks().isEmpty()) return 0;
        return (int) Math.ceil(m.iops() / (double) m.disks().size());
    }
}
