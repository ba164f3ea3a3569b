package siteplan.planner.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import siteplan.model.*;
import siteplan.model.Address.Kind;
import siteplan.planner.diff.Change;
import siteplan.planner.diff.ResourceType;

/**
 * What {@code -target} keeps of a plan. A target is a thing of the definition by its address
 * ({@code machine:erp-db01}, {@code protectionGroup:erp}, {@code recoveryPlan:erp-failover},
 * {@code site:amsterdam/processServer:ps01}, …) or a change as the plan prints it
 * ({@code protection.erp-db01}). A thing stands for the changes it is made of: a machine for its
 * protection and Mobility service, a protection group for its machines (a group has no resource of its
 * own: its members' protection is what Site Recovery holds), a site or Azure target for the resources
 * declared in it.
 *
 * <p>Then, as Terraform does, what those changes depend on comes in and what depends on them stays out:
 * a machine brings its group's policy, vault, storage account and servers, its site's configuration
 * server and the mappings of its networks; a recovery plan brings the machines it lists; a machine does
 * not bring the recovery plans that list it.
 */
public final class Targets {
    private final Estate e;
    private final Membership membership;
    private final Map<String, Change> byAddress = new LinkedHashMap<>();
    private final Map<String, Set<String>> known = new LinkedHashMap<>();

    /** A target that names nothing in the definition and no change of the plan; nothing is planned. */
    public static final class UnknownTarget extends IllegalArgumentException {
        private final String target;
        private final Set<String> known;

        UnknownTarget(String target, Set<String> known) {
            super("no resource '" + target + "' in the definition or the plan");
            this.target = target;
            this.known = known;
        }

        public String target() { return target; }

        /** Every address a target may name in this plan: things of the definition and changes. */
        public Set<String> known() { return known; }
    }

    private Targets(Estate e, List<Change> changes) {
        this.e = e;
        this.membership = Membership.of(e);
        changes.forEach(c -> byAddress.put(c.address(), c));
        things();
        changes.forEach(c -> known.putIfAbsent(c.address(), Set.of(c.address())));
    }

    /**
     * The addresses of the changes a plan with these targets keeps, in plan order; every change when
     * there are no targets.
     *
     * @throws UnknownTarget for the first target that names nothing
     */
    public static Set<String> select(List<String> targets, Estate estate, List<Change> changes) {
        Set<String> all = new LinkedHashSet<>();
        changes.forEach(c -> all.add(c.address()));
        if (targets.isEmpty()) return all;
        Targets t = new Targets(estate, changes);
        Deque<String> todo = new ArrayDeque<>();
        for (String target : targets) {
            Set<String> seeds = t.known.get(target);
            if (seeds == null) throw new UnknownTarget(target, t.known.keySet());
            todo.addAll(seeds);
        }
        Set<String> kept = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String a = todo.pop();
            if (!kept.add(a)) continue;
            for (String n : t.needs(t.byAddress.get(a))) if (t.byAddress.containsKey(n) && !kept.contains(n)) todo.push(n);
        }
        all.retainAll(kept);
        return all;
    }

    /** The targets as a plan records them: each once, sorted, so the same selection is recorded the same way. */
    public static List<String> normalised(List<String> targets) {
        return List.copyOf(new TreeSet<>(targets));
    }

    // ------------------------------------------------------------------ things of the definition, by address

    private void things() {
        for (Machine m : e.machines()) thing(Address.machine(m.name()), machine(m.name()));
        for (ProtectionGroup g : e.protectionGroups()) {
            Set<String> s = new LinkedHashSet<>();
            membership.members(g).forEach(m -> s.addAll(machine(m.name())));
            thing(Address.protectionGroup(g.name()), s);
        }
        for (RecoveryPlan p : e.recoveryPlans()) thing(Address.recoveryPlan(p.name()), present(ResourceType.RECOVERY_PLAN.address(p.name())));
        for (VmwareSite s : e.vmwareSites()) {
            Address site = Address.site(s.name());
            thing(site, siteInfrastructure(s.name()));
            if (s.vcenter() != null) thing(site.child(Kind.VCENTER, s.vcenter().address()), present(ResourceType.VCENTER.address(s.name() + "/" + s.vcenter().address())));
            if (s.configurationServer() != null) {
                String cs = s.configurationServer().name();
                thing(site.child(Kind.CONFIGURATION_SERVER, cs), present(ResourceType.CONFIGURATION_SERVER.address(s.name() + "/" + cs)));
            }
            s.processServers().forEach(p -> thing(site.child(Kind.PROCESS_SERVER, p.name()), present(ResourceType.PROCESS_SERVER.address(s.name() + "/" + p.name()))));
            s.masterTargets().forEach(m -> thing(site.child(Kind.MASTER_TARGET, m.name()), present(ResourceType.MASTER_TARGET.address(s.name() + "/" + m.name()))));
        }
        for (VmmSite s : e.vmmSites()) thing(Address.site(s.name()), siteInfrastructure(s.name()));
        for (AzureTarget t : e.azure()) {
            Address target = Address.azure(t.name());
            Set<String> s = new LinkedHashSet<>(present(ResourceType.VAULT.address(t.name())));
            for (StorageAccount a : t.storageAccounts()) {
                Set<String> one = present(ResourceType.STORAGE_ACCOUNT.address(t.name() + "/" + a.name()));
                thing(target.child(Kind.STORAGE_ACCOUNT, a.name()), one);
                s.addAll(one);
            }
            for (VirtualNetwork n : t.networks()) {
                Set<String> one = present(ResourceType.AZURE_NETWORK.address(t.name() + "/" + n.name()));
                thing(target.child(Kind.NETWORK, n.name()), one);
                s.addAll(one);
            }
            thing(target, s);
        }
        e.replicationPolicies().forEach(p -> thing(Address.policy(p.name()), present(ResourceType.POLICY.address(p.name()))));
        e.hyperVPolicies().forEach(p -> thing(Address.policy(p.name()), present(ResourceType.POLICY.address(p.name()))));
        e.networkMappings().forEach(m -> thing(Address.of(Kind.NETWORK_MAPPING, m.source()), present(ResourceType.NETWORK_MAPPING.address(m.source()))));
        e.storageMappings().forEach(m -> thing(Address.of(Kind.STORAGE_MAPPING, m.source()), present(ResourceType.STORAGE_MAPPING.address(m.source()))));
    }

    private void thing(Address address, Set<String> changes) {
        known.putIfAbsent(address.toString(), changes);
    }

    /** A machine's changes: its protection and its Mobility service. */
    private Set<String> machine(String name) {
        Set<String> s = new LinkedHashSet<>(present(ResourceType.PROTECTION.address(name)));
        s.addAll(present(ResourceType.MOBILITY.address(name)));
        return s;
    }

    /** The site's own resources: its replication mechanism, vCenter and component servers. */
    private Set<String> siteInfrastructure(String site) {
        Set<String> s = new LinkedHashSet<>();
        for (Change c : byAddress.values()) {
            if (!c.site().equals(site)) continue;
            switch (c.type()) {
                case SITE, VCENTER, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET, APPLIANCE -> s.add(c.address());
                default -> { }
            }
        }
        return s;
    }

    private Set<String> present(String address) {
        return byAddress.containsKey(address) ? Set.of(address) : Set.of();
    }

    // ------------------------------------------------------------------ what a change depends on

    /** The changes this one needs first, by the estate's references (absent ones are dropped by the caller). */
    private List<String> needs(Change c) {
        List<String> n = new ArrayList<>();
        switch (c.type()) {
            case VAULT -> { }
            case STORAGE_ACCOUNT, AZURE_NETWORK -> n.add(ResourceType.VAULT.address(c.site()));
            case SITE, CONFIGURATION_SERVER -> {
                // A configuration server registers in the vault of the targets its site's groups replicate to.
                e.protectionGroups().stream().filter(g -> g.source().equals(c.site())).forEach(g -> n.add(ResourceType.VAULT.address(g.target())));
                if (c.type() == ResourceType.SITE) n.addAll(ofTypeAt(ResourceType.CONFIGURATION_SERVER, c.site()));
            }
            case VCENTER, PROCESS_SERVER, MASTER_TARGET -> n.addAll(ofTypeAt(ResourceType.CONFIGURATION_SERVER, c.site()));
            case POLICY -> e.protectionGroups().stream().filter(g -> g.policy().equals(c.name())).forEach(g -> n.add(ResourceType.VAULT.address(g.target())));
            case NETWORK_MAPPING -> {
                n.addAll(ofTypeAt(ResourceType.CONFIGURATION_SERVER, c.site()));
                e.networkMappings().stream().filter(m -> m.source().equals(c.name()))
                        .forEach(m -> byAddress.values().stream().filter(x -> x.type() == ResourceType.AZURE_NETWORK && x.name().endsWith("/" + m.target()))
                                .forEach(x -> n.add(x.address())));
            }
            case STORAGE_MAPPING -> { }
            case PROTECTION -> e.machine(c.name()).ifPresent(m -> protectionNeeds(m, n));
            case MOBILITY -> n.add(ResourceType.PROTECTION.address(c.name()));
            case RECOVERY_PLAN -> e.recoveryPlans().stream().filter(p -> p.name().equals(c.name())).findFirst().ifPresent(p -> {
                p.machineNames().forEach(m -> n.addAll(machine(m)));
                n.add(ResourceType.VAULT.address(p.target()));
            });
        }
        return n;
    }

    /** A machine is protected by its group's policy, servers, vault and storage (or log storage) account, on its site's configuration server, with its networks mapped. */
    private void protectionNeeds(Machine m, List<String> n) {
        String site = m.site();
        n.add(ResourceType.SITE.address(site));
        n.addAll(ofTypeAt(ResourceType.VCENTER, site));
        n.addAll(ofTypeAt(ResourceType.CONFIGURATION_SERVER, site));
        Optional<ProtectionGroup> group = membership.groupOf(m.name());
        group.ifPresent(g -> {
            n.add(ResourceType.POLICY.address(g.policy()));
            n.add(ResourceType.VAULT.address(g.target()));
            if (g.storageAccount() != null) n.add(ResourceType.STORAGE_ACCOUNT.address(g.target() + "/" + g.storageAccount()));
            // The log account may be another target's (a moved machine keeps its classic one): it is needed where it is declared.
            if (g.logStorageAccount() != null) {
                String owner = e.storageAccountOwner(g.logStorageAccount()).map(t -> t.name()).orElse(g.target());
                n.add(ResourceType.STORAGE_ACCOUNT.address(owner + "/" + g.logStorageAccount()));
            }
            if (g.processServer() != null) n.add(ResourceType.PROCESS_SERVER.address(site + "/" + g.processServer()));
            if (g.appliance() != null) n.add(ResourceType.APPLIANCE.address(site + "/" + g.appliance()));
            if (g.masterTarget() != null) n.add(ResourceType.MASTER_TARGET.address(site + "/" + g.masterTarget()));
            if (m.failover() != null && m.failover().network() != null) n.add(ResourceType.AZURE_NETWORK.address(g.target() + "/" + m.failover().network()));
        });
        for (Nic nic : m.nics()) {
            n.add(ResourceType.NETWORK_MAPPING.address(nic.network()));
            n.add(ResourceType.NETWORK_MAPPING.address(site + "/" + nic.network()));
        }
        n.addAll(ofTypeAt(ResourceType.STORAGE_MAPPING, site));
    }

    private final Map<String, List<String>> byTypeAndSite = new HashMap<>();

    private List<String> ofTypeAt(ResourceType type, String site) {
        return byTypeAndSite.computeIfAbsent(type.token() + " " + site, k -> byAddress.values().stream()
                .filter(c -> c.type() == type && c.site().equals(site)).map(Change::address).toList());
    }
}
