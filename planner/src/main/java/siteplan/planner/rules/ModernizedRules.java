package siteplan.planner.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import siteplan.model.*;
import siteplan.model.Address.Kind;
import siteplan.planner.state.VmDisk;
import siteplan.units.DataSize;
import siteplan.units.Durations;

/**
 * Rules of the modernized VMware/physical architecture (replication appliance, InMageRcm), checked against the
 * profile of that architecture (asr-2026) for machines protected toward a modernized vault. Limits both
 * architectures share keep their IDs (SRC-DISK-SIZE, SRC-DISK-CHURN, …, with this profile's numbers); these
 * are the ones only this architecture has.
 */
final class ModernizedRules {
    private ModernizedRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        Profile.Modernized p = f.profiles.modernized().modernized();
        if (p == null) return out.list();
        for (VmwareSite s : f.estate.vmwareSites()) {
            for (ReplicationAppliance a : s.appliances()) {
                List<Machine> carried = f.machinesOnAppliance(s.name(), a.name());
                applianceSize(f, out, p, s, a, carried);
                applianceLoad(f, out, p, s, a, carried);
            }
            failbackDisks(f, out, p, s);
        }
        for (Machine m : f.protectedMachines()) {
            if (!f.modernized(m)) continue;
            osDisk(f, out, p, m);
            uefi(f, out, m);
            shrink(f, out, m);
            if (FailbackRules.runsAtRecovery(f, m)) failback(f, out, m);
        }
        policies(f, out, p);
        return out.list();
    }

    private static Address key(VmwareSite s, ReplicationAppliance a) {
        return Address.site(s.name()).child(Kind.APPLIANCE, a.name());
    }

    /**
     * RCM-APPLIANCE-SIZE: an appliance has at least the published minimum (8 cores, 16 GB, a 620 GB data disk), and
     * the one published sizing band (16 vCPU, 32 GB, 1 TB cache) once it carries more than 150 machines or more than
     * 1 TB a day. Microsoft publishes no smaller band for the modernized appliance.
     */
    static void applianceSize(Facts f, Findings out, Profile.Modernized p, VmwareSite s, ReplicationAppliance a, List<Machine> carried) {
        Profile.Appliance band = p.appliance();
        String profile = f.profiles.modernized().name();
        List<String> below = new ArrayList<>();
        if (a.vcpu() != null && a.vcpu() < band.minVcpu()) below.add(a.vcpu() + " vCPU (minimum " + band.minVcpu() + ")");
        if (a.memory() != null && a.memory().compareTo(band.minMemory()) < 0) below.add(a.memory().human() + " memory (minimum " + band.minMemory().human() + ")");
        if (a.cacheDisk() != null && a.cacheDisk().compareTo(band.minCacheDisk()) < 0) below.add(a.cacheDisk().human() + " cache disk (minimum " + band.minCacheDisk().human() + ")");
        if (!below.isEmpty()) {
            out.report("RCM-APPLIANCE-SIZE", Severity.ERROR, "appliance " + a.name(), key(s, a), "replication appliance " + a.name() + " has "
                    + String.join(", ", below) + " — below the published minimum (profile " + profile + ")");
            return;
        }
        DataSize churn = churn(carried);
        boolean busy = carried.size() >= band.bandFromMachines() || churn.compareTo(band.bandFromChurn()) > 0;
        if (!busy) return;
        List<String> short_ = new ArrayList<>();
        if (a.vcpu() != null && a.vcpu() < band.bandVcpu()) short_.add(a.vcpu() + " vCPU");
        if (a.memory() != null && a.memory().compareTo(band.bandMemory()) < 0) short_.add(a.memory().human() + " memory");
        if (a.cacheDisk() != null && a.cacheDisk().compareTo(band.bandCacheDisk()) < 0) short_.add(a.cacheDisk().human() + " cache disk");
        if (!short_.isEmpty()) {
            out.report("RCM-APPLIANCE-SIZE", Severity.WARNING, "appliance " + a.name(), key(s, a), "replication appliance " + a.name() + " carries "
                    + carried.size() + " machines changing " + churn.human() + "/day with " + String.join(", ", short_) + "; the published size for more than "
                    + (band.bandFromMachines() - 1) + " machines or " + band.bandFromChurn().human() + "/day is " + band.bandVcpu() + " vCPU, "
                    + band.bandMemory().human() + " memory, " + band.bandCacheDisk().human() + " cache (profile " + profile + ") — grow it, or move groups to another appliance");
        }
    }

    /**
     * RCM-APPLIANCE-MACHINES / RCM-APPLIANCE-CHURN: one appliance carries at most 200 machines and 2 TB of churn a day
     * (its process server's limit); beyond, the site needs another appliance (modernized scale-out is more appliances).
     */
    static void applianceLoad(Facts f, Findings out, Profile.Modernized p, VmwareSite s, ReplicationAppliance a, List<Machine> carried) {
        String profile = f.profiles.modernized().name();
        if (carried.size() > p.appliance().maxMachines()) {
            out.report("RCM-APPLIANCE-MACHINES", Severity.ERROR, "appliance " + a.name(), key(s, a), "replication appliance " + a.name() + " carries "
                    + carried.size() + " machines (limit " + p.appliance().maxMachines() + ", profile " + profile + ") — deploy another appliance and name it in some of its groups");
        }
        DataSize churn = churn(carried);
        if (churn.compareTo(p.appliance().maxChurn()) > 0) {
            out.report("RCM-APPLIANCE-CHURN", Severity.ERROR, "appliance " + a.name(), key(s, a), "replication appliance " + a.name() + " carries "
                    + churn.human() + "/day of churn (limit " + p.appliance().maxChurn().human() + "/day per process server, profile " + profile
                    + ") — deploy another appliance and name it in some of its groups");
        }
    }

    /**
     * RCM-FAILBACK-DISKS: an appliance that reprotects machines back to on-premises has at most 60 disks attached;
     * the machines failing back through one appliance should not have more (use a separate failback appliance).
     */
    static void failbackDisks(Facts f, Findings out, Profile.Modernized p, VmwareSite s) {
        Map<String, Integer> disks = new LinkedHashMap<>();
        for (Machine m : f.protectedMachinesOf(s.name())) {
            if (!f.modernized(m)) continue;
            ProtectionGroup g = f.groupOf(m).orElseThrow();
            String agent = g.failbackAppliance() != null ? g.failbackAppliance() : g.appliance();
            if (agent != null) disks.merge(agent, m.disks().size(), Integer::sum);
        }
        disks.forEach((name, n) -> {
            if (n <= p.failbackApplianceMaxDisks()) return;
            ReplicationAppliance a = s.appliances().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (a == null) return;
            out.report("RCM-FAILBACK-DISKS", Severity.WARNING, "appliance " + name, key(s, a), "replication appliance " + name + " would fail back machines with "
                    + n + " disks in all; an appliance has at most " + p.failbackApplianceMaxDisks() + " disks attached (profile " + f.profiles.modernized().name()
                    + ") — name a separate failbackAppliance in some groups, or fail back plan by plan");
        });
    }

    /**
     * RCM-FAILBACK-APPLIANCE / RCM-FAILBACK-DATASTORE: a machine running in Azure fails back through an appliance
     * registered with the vault and healthy (the reprotect agent: the group's failbackAppliance, else its appliance),
     * into a datastore that appliance reaches: the group's failbackDatastore (alternate location) or the machine's own
     * (original location). A physical server fails back as a VMware VM, so it needs a failbackDatastore. The vCenter
     * account must be read-write (FB-VCENTER-RW) as in the classic architecture.
     */
    static void failback(Facts f, Findings out, Machine m) {
        ProtectionGroup g = f.groupOf(m).orElseThrow();
        VmwareSite s = f.vmwareSite(m.site()).orElse(null);
        if (s == null) return;
        String agent = g.failbackAppliance() != null ? g.failbackAppliance() : g.appliance();
        // The group's vault: a site may also have a classic vault, with its configuration server and no appliance.
        var fabric = f.discovered.vault(g.target()).flatMap(v -> v.fabric(s.name()))
                .or(() -> f.discovered.vaults().stream().map(v -> v.fabric(s.name()).orElse(null)).filter(java.util.Objects::nonNull).findFirst());
        var registered = fabric.flatMap(fb -> fb.server(siteplan.planner.state.ServerForm.APPLIANCE_ROLE, agent));
        if (registered.isEmpty()) {
            out.report("RCM-FAILBACK-APPLIANCE", Severity.ERROR, m.name(), Address.protectionGroup(g.name()), m.name() + " fails back through replication appliance " + agent
                    + ", which is not registered with the vault — deploy and register it before reprotecting");
        } else if (!"healthy".equals(registered.get().health())) {
            out.report("RCM-FAILBACK-APPLIANCE", Severity.ERROR, m.name(), Address.protectionGroup(g.name()), m.name() + " fails back through replication appliance " + agent
                    + ", which is " + registered.get().health() + "; Site Recovery reprotects and fails back only through a healthy appliance");
        }
        String datastore = g.failbackDatastore() != null ? g.failbackDatastore() : m.datastore();
        if (datastore == null) {
            out.report("RCM-FAILBACK-DATASTORE", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " fails back as a VMware VM and names no datastore to fail back into"
                    + (m.kind() == MachineKind.PHYSICAL ? " (a physical server comes back as a VM)" : "") + " — add to protection group " + g.name() + ": failbackDatastore '…'");
        } else if (f.discovered.vcenter(s.name()).map(v -> v.datastores().stream().noneMatch(d -> d.name().equals(datastore))).orElse(false)) {
            out.report("RCM-FAILBACK-DATASTORE", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " fails back into datastore " + datastore
                    + ", which vCenter " + s.vcenter().address() + " does not have");
        }
        FailbackRules.vcenterAccess(f, out, s);
    }

    /**
     * RCM-OS-DISK: the OS disk is at most 2 TB on a machine that fails over as a generation 1 VM (BIOS) and 4 TB as
     * generation 2 (UEFI).
     */
    static void osDisk(Facts f, Findings out, Profile.Modernized p, Machine m) {
        boolean gen2 = m.firmware() != null && m.firmware().uefi();
        DataSize max = gen2 ? p.osDiskMaxGen2() : p.osDiskMaxGen1();
        for (Disk d : m.disks()) {
            if (d.boot() && d.size().compareTo(max) > 0) {
                out.report("RCM-OS-DISK", Severity.ERROR, m.name(), Address.machine(m.name()).child(Kind.DISK, d.name()), "OS disk " + d.name() + " of " + m.name() + " is "
                        + d.size().human() + " (limit " + max.human() + " for a generation " + (gen2 ? 2 : 1) + " VM, profile " + f.profiles.modernized().name() + ")");
            }
        }
    }

    /** RCM-UEFI: a UEFI machine is protected only with Secure Boot off. */
    static void uefi(Facts f, Findings out, Machine m) {
        if (m.firmware() == Firmware.UEFI_SECURE_BOOT) {
            out.report("RCM-UEFI", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " boots with UEFI Secure Boot, which Site Recovery does not protect"
                    + " (profile " + f.profiles.modernized().name() + ") — turn Secure Boot off on the machine, then declare firmware 'uefi'");
        }
    }

    /**
     * RCM-RESIZE: a protected disk may grow (it keeps replicating, the plan updates it in place) but never shrink: a
     * disk declared smaller than Site Recovery replicates it is refused.
     */
    static void shrink(Facts f, Findings out, Machine m) {
        var item = f.discovered.protectedItem(m.name()).orElse(null);
        if (item == null || item.failedOver()) return;
        for (Disk d : m.disks()) {
            VmDisk was = item.disks().stream().filter(x -> x.name().equals(d.name())).findFirst().orElse(null);
            if (was != null && d.size().compareTo(was.size()) < 0) {
                out.report("RCM-RESIZE", Severity.ERROR, m.name(), Address.machine(m.name()).child(Kind.DISK, d.name()), "disk " + d.name() + " of " + m.name()
                        + " is declared " + d.size().human() + " but replicates at " + was.size().human() + "; a protected disk can grow but not shrink (profile "
                        + f.profiles.modernized().name() + ") — declare its size again, or disable protection and protect it anew");
            }
        }
    }

    /**
     * RCM-POLICY-HISTORY: a modernized policy keeps recovery points at most 15 days, and takes its app-consistent points
     * no more often than its crash-consistent ones.
     */
    static void policies(Facts f, Findings out, Profile.Modernized p) {
        for (ReplicationPolicy pol : f.estate.replicationPolicies()) {
            if (!pol.modernized() || pol.recoveryPointHistory() == null) continue;
            Address at = Address.policy(pol.name());
            if (pol.recoveryPointHistory().compareTo(p.maxRecoveryPointHistory()) > 0) {
                out.report("RCM-POLICY-HISTORY", Severity.ERROR, "policy " + pol.name(), at, "policy " + pol.name() + " keeps recovery points "
                        + Durations.format(pol.recoveryPointHistory()) + " (limit " + Durations.format(p.maxRecoveryPointHistory()) + ", profile " + f.profiles.modernized().name() + ")");
            }
            var crash = pol.crashConsistentFrequency() != null ? pol.crashConsistentFrequency() : p.defaultCrashConsistentFrequency();
            var app = pol.appConsistentFrequency();
            if (app != null && !app.isZero() && app.compareTo(crash) < 0) {
                out.report("RCM-POLICY-HISTORY", Severity.ERROR, "policy " + pol.name(), at, "policy " + pol.name() + " takes app-consistent points every "
                        + Durations.format(app) + ", more often than crash-consistent ones (every " + Durations.format(crash) + ")");
            }
        }
    }

    private static DataSize churn(List<Machine> machines) {
        // DataSize.plus saturates, as the sizing advisor's sum over a process server does.
        return machines.stream().map(Machine::totalChurn).reduce(DataSize.ZERO, DataSize::plus);
    }
}
