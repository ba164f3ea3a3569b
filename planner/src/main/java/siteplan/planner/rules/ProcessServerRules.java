package siteplan.planner.rules;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import siteplan.model.*;
import siteplan.model.Address.Kind;
import siteplan.units.DataSize;

/** Process server rules (seed 000 "Process server considerations", Table 2, Step 4). */
final class ProcessServerRules {
    private ProcessServerRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        check(f, out);
        return out.list();
    }

    private static void check(Facts f, Findings out) {
        for (VmwareSite s : f.estate.vmwareSites()) {
            for (ProcessServer p : s.processServers()) {
                Address key = Address.site(s.name()).child(Kind.PROCESS_SERVER, p.name());
                List<Machine> machines = f.machinesOnProcessServer(s.name(), p.name());
                DataSize churn = machines.stream().map(Machine::totalChurn).reduce(DataSize.ZERO, DataSize::plus);
                churn(f, out, p, key, machines, churn);
                sizing(f, out, p, key, churn);
                cache(f, out, p, key);
            }
            discovery(f, out, s);
        }
    }

    /** PS-CHURN: the machines on one process server change at most 1 TB a day together. */
    static void churn(Facts f, Findings out, ProcessServer p, Address key, List<Machine> machines, DataSize churn) {
        DataSize max = f.profile.processServer().maxChurn();
        if (churn.compareTo(max) > 0) {
            String each = machines.stream().sorted(Comparator.comparing(Machine::totalChurn).reversed().thenComparing(Machine::name))
                    .limit(6).map(m -> m.name() + " " + tb(m.totalChurn())).collect(Collectors.joining(", "));
            // Rounded to TB the excess can vanish (1025 GB shows as 1 TB); then say it in GB.
            String load = tb(churn).equals(tb(max))
                    ? churn.bytes() / (1L << 30) + " GB/day (limit " + max.bytes() / (1L << 30) + " GB/day)"
                    : tb(churn) + " TB/day (limit " + tb(max) + " TB/day)";
            out.report("PS-CHURN", Severity.ERROR, p.name(), key, "process server " + p.name() + " carries " + load + ": " + each
                    + (machines.size() > 6 ? ", …" : "") + " — add another process server");
        }
    }

    static String tb(DataSize s) {
        return java.math.BigDecimal.valueOf(s.terabytes()).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** PS-SIZING and PS-BANDWIDTH: the declared server meets its Table 2 band. */
    static void sizing(Facts f, Findings out, ProcessServer p, Address key, DataSize churn) {
        Profile.Band band = f.profile.bandFor(churn);
        if (band == null) return; // PS-CHURN already says another server is needed
        String bandName = "the " + churn.human() + "/day band (up to " + band.upTo().human() + ")";
        if (p.vcpu() != null && p.vcpu() < band.vcpu()) {
            out.report("PS-SIZING", Severity.WARNING, p.name(), key, "process server " + p.name() + " has " + p.vcpu() + " vCPUs; " + bandName + " wants " + band.vcpu());
        }
        if (p.memory() != null && p.memory().compareTo(band.memory()) < 0) {
            out.report("PS-SIZING", Severity.WARNING, p.name(), key, "process server " + p.name() + " has " + p.memory().human() + " memory; " + bandName + " wants " + band.memory().human());
        }
        if (p.uplink() != null && p.uplink().compareTo(band.egress()) < 0) {
            out.report("PS-BANDWIDTH", Severity.WARNING, p.name(), key, "process server " + p.name() + " uplink " + p.uplink() + " is below the " + band.egress()
                    + " egress " + bandName + " needs (30% compression assumed)");
        }
    }

    /** PS-CACHE: a cache drive of at least 600 GB; a separate OS disk of 128 GB recommended. */
    static void cache(Facts f, Findings out, ProcessServer p, Address key) {
        DataSize min = f.profile.processServer().cacheDisk();
        if (p.cacheDisk() == null || p.cacheDisk().compareTo(min) < 0) {
            out.report("PS-CACHE", Severity.ERROR, p.name(), key, "process server " + p.name() + " has " + (p.cacheDisk() == null ? "no cache disk declared" : "a " + p.cacheDisk().human() + " cache disk")
                    + " (at least " + min.human() + ")");
        }
        DataSize os = f.profile.processServer().osDisk();
        if (p.osDisk() != null && p.osDisk().compareTo(os) < 0) {
            out.report("PS-CACHE", Severity.WARNING, p.name(), key, "process server " + p.name() + " has a " + p.osDisk().human() + " OS disk; " + os.human() + " or more is recommended");
        }
    }

    /** PS-VMWARE-DISCOVERY: a process server that discovers the vCenter has vSphere CLI 5.5.0 and shares its network. */
    static void discovery(Facts f, Findings out, VmwareSite s) {
        if (s.vcenter() == null || f.protectedMachinesOf(s.name()).isEmpty()) return;
        String cli = f.profile.processServer().vsphereCli();
        List<ProcessServer> onPrem = s.processServers().stream().filter(p -> p.location() != ServerLocation.AZURE).toList();
        if (onPrem.isEmpty()) return;
        boolean ok = onPrem.stream().anyMatch(p -> cli.equals(p.vsphereCli()) && (p.network() == null || s.networks().stream().anyMatch(n -> n.name().equals(p.network()))));
        if (!ok) {
            out.report("PS-VMWARE-DISCOVERY", Severity.ERROR, "site " + s.name(), Address.site(s.name()), "no on-premises process server of site " + s.name()
                    + " can discover vCenter " + s.vcenter().address() + ": one needs vSphere CLI " + cli + " (vsphereCli '" + cli + "') on the vCenter's network");
        }
    }
}
