package siteplan.planner.rules;

import java.util.List;
import siteplan.model.*;
import siteplan.model.Address.Kind;
import siteplan.units.DataSize;

/** Master target and storage rules (seed 000 Tables 1 and 3, "Master target server and storage account considerations"). */
final class MasterTargetRules {
    private MasterTargetRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        check(f, out);
        return out.list();
    }

    private static void check(Facts f, Findings out) {
        for (VmwareSite s : f.estate.vmwareSites()) {
            for (MasterTarget mt : s.masterTargets()) {
                if (mt.location() == ServerLocation.ON_PREMISES) continue; // failback master targets: FailbackRules
                Address key = Address.site(s.name()).child(Kind.MASTER_TARGET, mt.name());
                List<Machine> machines = f.machinesOnMasterTarget(s.name(), mt.name());
                size(f, out, mt, key);
                dataDisks(f, out, mt, key, machines);
                os(f, out, mt, key, machines);
                retention(f, out, mt, key, machines);
                network(f, out, s, mt.name(), mt.network(), key, "master target");
            }
            ConfigurationServer cs = s.configurationServer();
            if (cs != null && cs.location() == ServerLocation.AZURE) {
                network(f, out, s, cs.name(), cs.network(), Address.site(s.name()).child(Kind.CONFIGURATION_SERVER, cs.name()), "configuration server");
            }
        }
        for (AzureTarget t : f.estate.azure()) {
            // A modernized vault replicates to managed disks; its storage account caches logs (LRS is what Site Recovery creates).
            if (Architecture.of(t) == Architecture.MODERNIZED) continue;
            accounts(f, out, t);
            geo(f, out, t);
        }
    }

    /** MT-SIZE: A4 (15 data disks) or D14 (31), or an explicit shape with its data-disk slots. */
    static void size(Facts f, Findings out, MasterTarget mt, Address key) {
        if (f.dataDiskSlots(mt) == null) {
            out.report("MT-SIZE", Severity.ERROR, mt.name(), key, "master target " + mt.name() + (mt.size() == null ? " declares no size" : " has unknown size " + mt.size())
                    + " — use " + String.join(" or ", f.profile.masterTarget().sizes().keySet()) + ", or declare dataDisks");
        }
    }

    /** MT-DATA-DISKS: the disks of all machines on a master target fit its data-disk slots. */
    static void dataDisks(Facts f, Findings out, MasterTarget mt, Address key, List<Machine> machines) {
        Integer slots = f.dataDiskSlots(mt);
        int disks = machines.stream().mapToInt(m -> m.disks().size()).sum();
        if (slots != null && disks > slots) {
            out.report("MT-DATA-DISKS", Severity.ERROR, mt.name(), key, "master target " + mt.name() + " receives " + siteplan.text.Plural.of(disks, "disk") + " from "
                    + siteplan.text.Plural.of(machines.size(), "machine") + "; it has " + slots + " data-disk slots — add a master target or use a larger size");
        }
    }

    /** MT-OS: Windows machines need a Windows master target, Linux machines a Linux one. */
    static void os(Facts f, Findings out, MasterTarget mt, Address key, List<Machine> machines) {
        for (Machine m : machines) {
            if (m.os() != mt.os()) {
                out.report("MT-OS", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " runs " + m.os().token() + " but master target " + mt.name()
                        + " runs " + mt.os().token() + "; " + m.os().token() + " machines need a " + m.os().token() + " master target");
            }
        }
    }

    /** MT-RETENTION-SIZE, MT-RETENTION-DRIVES, MT-RETENTION-1TB: the retention volume holds the churn of the retention window. */
    static void retention(Facts f, Findings out, MasterTarget mt, Address key, List<Machine> machines) {
        if (machines.isEmpty()) return;
        long needBytes = 0;
        long iops = 0;
        double throughputShare = 0;
        for (Machine m : machines) {
            ProtectionGroup g = f.groupOf(m).orElseThrow();
            double days = f.replicationPolicy(g.policy()).map(p -> Math.max(1.0, p.pointsKept().toHours() / 24.0)).orElse(1.0);
            needBytes = DataSize.saturatingAdd(needBytes, (long) (m.totalChurn().bytes() * days));
            iops += m.totalIops();
            for (Disk d : m.disks()) {
                DataSize ws = d.writeSize() == null ? DataSize.kb(8) : d.writeSize();
                double perDiskLimit = f.profile.masterTarget().retentionThroughputAt8KB().bytes() * (ws.bytes() / (double) DataSize.kb(8).bytes());
                throughputShare += f.churnPerDisk(m, d).bytes() / perDiskLimit;
            }
        }
        DataSize need = new DataSize(needBytes);
        RetentionVolume r = mt.retention();
        if (r == null || r.size().compareTo(need) < 0) {
            out.report("MT-RETENTION-SIZE", Severity.ERROR, mt.name(), key, "master target " + mt.name() + " needs " + need.human()
                    + " of retention (daily churn x retention days of its machines); " + (r == null ? "it declares no retention volume" : "its retention volume is " + r.size().human()));
        }
        int drives = (int) Math.max(Math.ceil(iops / (double) f.profile.masterTarget().retentionDiskIops()), Math.ceil(throughputShare));
        int declared = r == null || r.disks() == null ? 1 : r.disks();
        if (drives > declared) {
            out.report("MT-RETENTION-DRIVES", Severity.WARNING, mt.name(), key, "the retention volume of master target " + mt.name() + " should stripe " + drives
                    + " drives (" + iops + " source IOPS / " + f.profile.masterTarget().retentionDiskIops() + ", churn / " + f.profile.masterTarget().retentionThroughputAt8KB().human()
                    + " a day per drive); " + declared + " declared");
        }
        if (r != null && r.size().compareTo(f.profile.masterTarget().retentionSingleDiskMax()) > 0 && declared < 2) {
            out.report("MT-RETENTION-1TB", Severity.WARNING, mt.name(), key, "the " + r.size().human() + " retention volume of master target " + mt.name()
                    + " is over " + f.profile.masterTarget().retentionSingleDiskMax().human() + ": pool several disks (storage spaces) and declare disks");
        }
    }

    /** NET-REGION: the Azure network of the configuration and master target servers is in the vault's region. */
    static void network(Facts f, Findings out, VmwareSite s, String server, String network, Address key, String what) {
        if (network == null) return;
        for (AzureTarget t : f.estate.azure()) {
            boolean targetsThis = f.protects(s.name(), t.name());
            if (!targetsThis) continue;
            VirtualNetwork n = t.networks().stream().filter(x -> x.name().equals(network)).findFirst().orElse(null);
            if (n == null) {
                out.report("NET-REGION", Severity.ERROR, server, key, what + " " + server + " is on network " + network + ", which is not a network of " + t.name()
                        + " (subscription " + t.subscription() + ", " + t.region() + ")");
            } else if (n.region() != null && !n.region().equalsIgnoreCase(t.region())) {
                out.report("NET-REGION", Severity.ERROR, server, key, what + " " + server + " is on network " + network + " in " + n.region() + "; the vault is in " + t.region());
            }
        }
    }

    /** SA-COUNT: storage accounts needed = ceil(total source IOPS / 10,000). */
    static void accounts(Facts f, Findings out, AzureTarget t) {
        long iops = f.iopsToward(t.name());
        int per = f.profile.storage().sourceIopsPerAccount();
        int need = (int) Math.ceil(iops / (double) per);
        if (need > t.storageAccounts().size()) {
            out.report("SA-COUNT", Severity.ERROR, t.name(), Address.azure(t.name()), "machines protected to " + t.name() + " do " + iops + " IOPS: " + need
                    + " storage accounts needed (" + per + " IOPS each), " + t.storageAccounts().size() + " declared");
        }
    }

    /** SA-GEO: storage accounts geo-redundant, in the vault's region and subscription. */
    static void geo(Facts f, Findings out, AzureTarget t) {
        for (StorageAccount a : t.storageAccounts()) {
            Address key = Address.azure(t.name()).child(Kind.STORAGE_ACCOUNT, a.name());
            if (!f.profile.storage().geoRedundant().contains(a.replication().token())) {
                out.report("SA-GEO", Severity.ERROR, a.name(), key, "storage account " + a.name() + " is " + a.replication().token() + "; replication needs geo-redundant storage ("
                        + String.join(" or ", f.profile.storage().geoRedundant()) + ")");
            }
            if (a.region() != null && !a.region().equalsIgnoreCase(t.region())) {
                out.report("SA-GEO", Severity.ERROR, a.name(), key, "storage account " + a.name() + " is in " + a.region() + "; the vault is in " + t.region());
            }
            if (a.subscription() != null && !a.subscription().equals(t.subscription())) {
                out.report("SA-GEO", Severity.ERROR, a.name(), key, "storage account " + a.name() + " is in subscription " + a.subscription() + ", not the vault's " + t.subscription());
            }
        }
    }
}
