package siteplan.planner.plan;

import java.util.ArrayList;
import java.util.List;
import siteplan.model.*;
import siteplan.planner.rules.Facts;
import siteplan.planner.rules.Profile;
import siteplan.units.DataSize;

/** What the seed tables imply for the declared estate: shown in every plan beside the findings. */
final class SizingAdvisor {
    private SizingAdvisor() {}

    static List<Plan.Sizing> advise(Facts f) {
        List<Plan.Sizing> out = new ArrayList<>();
        for (VmwareSite s : f.estate.vmwareSites()) {
            for (ProcessServer p : s.processServers()) {
                List<Machine> ms = f.machinesOnProcessServer(s.name(), p.name());
                if (ms.isEmpty()) continue;
                DataSize churn = ms.stream().map(Machine::totalChurn).reduce(DataSize.ZERO, DataSize::plus);
                Profile.Band b = f.profile.bandFor(churn);
                out.add(new Plan.Sizing("process server " + s.name() + "/" + p.name(),
                        b == null ? "more than one process server: " + (int) Math.ceil(churn.bytes() / (double) f.profile.processServer().maxChurn().bytes()) + " needed"
                                : b.vcpu() + " vCPU, " + b.memory().human() + " memory, " + f.profile.processServer().cacheDisk().human() + " cache (" + b.cacheThroughput() + "), "
                                + b.ingress() + " in / " + b.egress() + " out",
                        churn.human() + "/day from " + siteplan.text.Plural.of(ms.size(), "machine") + " (Table 2)"));
            }
            for (MasterTarget mt : s.masterTargets()) {
                if (mt.location() == ServerLocation.ON_PREMISES) continue;
                List<Machine> ms = f.machinesOnMasterTarget(s.name(), mt.name());
                if (ms.isEmpty()) continue;
                long need = 0;
                long iops = 0;
                for (Machine m : ms) {
                    ProtectionGroup g = f.groupOf(m).orElseThrow();
                    double days = f.replicationPolicy(g.policy()).map(pol -> Math.max(1.0, pol.pointsKept().toHours() / 24.0)).orElse(1.0);
                    need = DataSize.saturatingAdd(need, (long) (m.totalChurn().bytes() * days));
                    iops += m.totalIops();
                }
                DataSize churn = ms.stream().map(Machine::totalChurn).reduce(DataSize.ZERO, DataSize::plus);
                int drives = (int) Math.max(1, Math.max(Math.ceil(iops / (double) f.profile.masterTarget().retentionDiskIops()),
                        Math.ceil(churn.bytes() / (double) f.profile.masterTarget().retentionThroughputAt8KB().bytes())));
                int disks = ms.stream().mapToInt(m -> m.disks().size()).sum();
                out.add(new Plan.Sizing("master target " + s.name() + "/" + mt.name(),
                        "retention volume of at least " + new DataSize(need).human() + " striped over " + drives + " drive" + (drives == 1 ? "" : "s") + "; "
                                + disks + " data disks (" + (disks <= 15 ? "A4" : "D14") + " or larger)",
                        churn.human() + "/day x retention window, " + iops + " IOPS (Tables 1 and 3)"));
            }
            for (ReplicationAppliance a : s.appliances()) {
                List<Machine> ms = f.machinesOnAppliance(s.name(), a.name());
                if (ms.isEmpty()) continue;
                Profile.Appliance band = f.profiles.modernized().modernized() == null ? null : f.profiles.modernized().modernized().appliance();
                if (band == null) continue;
                DataSize churn = ms.stream().map(Machine::totalChurn).reduce(DataSize.ZERO, DataSize::plus);
                boolean large = ms.size() >= band.bandFromMachines() || churn.compareTo(band.bandFromChurn()) > 0;
                int appliances = (int) Math.max(Math.ceil(ms.size() / (double) band.maxMachines()), Math.ceil(churn.bytes() / (double) band.maxChurn().bytes()));
                out.add(new Plan.Sizing("replication appliance " + s.name() + "/" + a.name(),
                        appliances > 1 ? "more than one appliance: " + appliances + " needed"
                                : large ? band.bandVcpu() + " vCPU, " + band.bandMemory().human() + " memory, " + band.bandCacheDisk().human() + " cache"
                                : "at least " + band.minVcpu() + " vCPU, " + band.minMemory().human() + " memory, " + band.minCacheDisk().human() + " data disk",
                        churn.human() + "/day from " + siteplan.text.Plural.of(ms.size(), "machine") + ", up to " + band.maxMachines() + " machines and "
                                + band.maxChurn().human() + "/day each (" + f.profiles.modernized().name() + ")"));
            }
            // The classic architecture's configuration server; a modernized site's appliances replace it.
            long sources = f.protectedMachinesOf(s.name()).stream().filter(m -> !f.modernized(m)).count();
            if (sources > 0) {
                int need = (int) Math.ceil(sources / (double) f.profile.configurationServer().maxSources());
                out.add(new Plan.Sizing("configuration servers " + s.name(), need + " (" + f.profile.configurationServer().vmSize() + ")",
                        sources + " protected machines, up to " + f.profile.configurationServer().maxSources() + " each"));
            }
        }
        for (AzureTarget t : f.estate.azure()) {
            if (Architecture.of(t) == Architecture.MODERNIZED) continue;
            long iops = f.iopsToward(t.name());
            if (iops == 0) continue;
            int need = (int) Math.ceil(iops / (double) f.profile.storage().sourceIopsPerAccount());
            out.add(new Plan.Sizing("storage accounts " + t.name(), need + " geo-redundant", iops + " source IOPS, " + f.profile.storage().sourceIopsPerAccount() + " per account"));
        }
        out.sort(java.util.Comparator.comparing(Plan.Sizing::subject));
        return out;
    }
}
