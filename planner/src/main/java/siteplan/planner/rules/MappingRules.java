package siteplan.planner.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import siteplan.model.*;
import siteplan.model.Address.Kind;

/** Mapping rules (seed 003 "Prepare for network mapping", "Prepare for storage mapping"). */
final class MappingRules {
    private MappingRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        check(f, out);
        return out.list();
    }

    private static void check(Facts f, Findings out) {
        Set<String> mapped = f.estate.networkMappings().stream().map(NetworkMapping::source).collect(Collectors.toSet());
        Set<String> inPlans = f.estate.recoveryPlans().stream().flatMap(p -> p.machineNames().stream()).collect(Collectors.toSet());
        Set<String> storage = f.estate.storageMappings().stream().map(StorageMapping::source).collect(Collectors.toSet());
        for (Machine m : f.protectedMachines()) {
            for (Nic n : m.nics()) network(f, out, m, n, mapped, inPlans.contains(m.name()));
            for (Disk d : m.disks()) storage(out, m, d, storage);
            subnet(f, out, m);
        }
        vmm(f, out);
    }

    /** MAP-STORAGE: a disk on a storage classification that maps to none lands in the target host's default location. */
    static void storage(Findings out, Machine m, Disk d, Set<String> mapped) {
        if (d.storageClassification() != null && !mapped.contains(d.storageClassification())) {
            out.report("MAP-STORAGE", Severity.INFO, m.name(), Address.machine(m.name()).child(Kind.DISK, d.name()), "disk " + d.name() + " of " + m.name() + " is on " + d.storageClassification()
                    + ", which maps to no target classification: its replica goes to the target host's default location");
        }
    }

    /**
     * MAP-NET: every network of a protected machine maps to a target network; in a recovery plan's scope this is an error.
     * In the modernized architecture the replica's network is set per machine when protection is enabled: the group's
     * targetNetwork (or the machine's failover network) is its mapping.
     */
    static void network(Facts f, Findings out, Machine m, Nic n, Set<String> mapped, boolean inPlan) {
        if (f.modernized(m)) {
            ProtectionGroup g = f.groupOf(m).orElseThrow();
            if (g.targetNetwork() != null || (m.failover() != null && m.failover().network() != null)) return;
            out.report("MAP-NET", inPlan ? Severity.ERROR : Severity.WARNING, m.name(), Address.machine(m.name()).child(Kind.NIC, n.name()), "network " + n.network() + " of " + m.name()
                    + " (nic " + n.name() + ") has no target network: after failover the replica is not connected to any network" + (inPlan ? "; it is in a recovery plan" : "")
                    + " — add to protection group " + g.name() + ": targetNetwork '…'");
            return;
        }
        if (mapped.contains(n.network()) || mapped.contains(m.site() + "/" + n.network())) return;
        out.report("MAP-NET", inPlan ? Severity.ERROR : Severity.WARNING, m.name(), Address.machine(m.name()).child(Kind.NIC, n.name()), "network " + n.network() + " of " + m.name()
                + " (nic " + n.name() + ") is not mapped: after failover the replica is not connected to any network"
                + (inPlan ? "; it is in a recovery plan" : "") + " — add: networkMapping '" + n.network() + "', to: '…'");
    }

    /** MAP-SUBNET: after failover a replica joins the target subnet with its source subnet's name, else the first subnet. */
    static void subnet(Facts f, Findings out, Machine m) {
        if (m.failover() != null && m.failover().subnet() != null) return;
        for (Nic n : m.nics()) {
            if (n.subnet() == null) continue;
            String target = f.estate.networkMappings().stream().filter(x -> x.source().equals(n.network())).map(NetworkMapping::target).findFirst().orElse(null);
            if (target == null) continue;
            f.estate.azure().stream().flatMap(a -> a.networks().stream()).filter(v -> v.name().equals(target)).findFirst().ifPresent(v -> {
                boolean same = v.subnets().stream().anyMatch(s -> s.name().equals(n.subnet()));
                if (!same && !v.subnets().isEmpty()) {
                    out.report("MAP-SUBNET", Severity.INFO, m.name(), Address.machine(m.name()).child(Kind.NIC, n.name()), "nic " + n.name() + " of " + m.name() + " is on subnet " + n.subnet()
                            + ", which " + target + " does not have: after failover it joins the first subnet, " + v.subnets().get(0).name());
                }
            });
        }
    }

    /** MAP-VMM: one VMM server replicating to itself needs two clouds; every cloud has the Hyper-V capacity profile. */
    static void vmm(Facts f, Findings out) {
        for (ProtectionGroup g : f.estate.protectionGroups()) {
            VmmSite src = f.vmmSite(g.source()).orElse(null);
            if (src == null) continue;
            if (g.source().equals(g.target()) && src.clouds().size() < 2) {
                out.report("MAP-VMM", Severity.ERROR, g.name(), Address.protectionGroup(g.name()), "protection group " + g.name() + " replicates within site " + src.name()
                        + ", whose VMM server has " + src.clouds().size() + " cloud; replicating to itself needs at least two");
            }
            if (g.source().equals(g.target()) && g.sourceCloud() != null && g.sourceCloud().equals(g.targetCloud())) {
                out.report("MAP-VMM", Severity.ERROR, g.name(), Address.protectionGroup(g.name()), "protection group " + g.name() + " protects cloud " + g.sourceCloud() + " into itself; use a second cloud");
            }
            for (String site : new String[] {g.source(), g.target()}) {
                f.vmmSite(site).ifPresent(s -> s.clouds().stream()
                        .filter(c -> c.name().equals(g.sourceCloud()) || c.name().equals(g.targetCloud()))
                        .filter(c -> c.capacityProfile() == null || !c.capacityProfile().equalsIgnoreCase("Hyper-V"))
                        .forEach(c -> out.report("MAP-VMM", Severity.ERROR, c.name(), Address.site(s.name()).child(Kind.CLOUD, c.name()), "cloud " + c.name() + " has "
                                + (c.capacityProfile() == null ? "no capacity profile" : "capacity profile " + c.capacityProfile()) + "; Site Recovery needs the Hyper-V capacity profile")));
            }
        }
    }
}
