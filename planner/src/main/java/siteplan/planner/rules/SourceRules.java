package siteplan.planner.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import siteplan.model.*;
import siteplan.model.Address.Kind;
import siteplan.planner.state.VcenterInventory;
import siteplan.planner.state.VmInfo;
import siteplan.units.DataSize;

/** Rules on each protected source machine (seed 000 "Considerations for the source environment", "Before you start"). */
final class SourceRules {
    private static final Pattern AZURE_NAME = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$");

    private SourceRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        check(f, out);
        return out.list();
    }

    private static void check(Facts f, Findings out) {
        for (Machine m : f.protectedMachines()) {
            ProtectionGroup g = f.groupOf(m).orElseThrow();
            boolean toAzure = f.azure(g.target()).isPresent();
            if (toAzure) {
                diskSize(f, out, m);
                diskCount(f, out, m);
                totalSize(f, out, m, g);
                churn(f, out, m);
                diskChurn(f, out, m);
                diskIops(f, out, m);
                iops(f, out, m);
                name(f, out, m);
                unsupported(f, out, m);
                os(f, out, m);
                linuxFs(f, out, m);
                vmwareTools(f, out, m);
            }
            ascii(f, out, m);
        }
        vmwareVersions(f, out);
    }

    private static Address key(Machine m) {
        return Address.machine(m.name());
    }

    /** SRC-DISK-SIZE: every replicated disk is at most 1023 GB (Azure's largest data disk). */
    static void diskSize(Facts f, Findings out, Machine m) {
        DataSize max = f.profileOf(m).source().diskMaxSize();
        if (max == null) return;
        for (Disk d : m.disks()) {
            if (d.size().compareTo(max) > 0) {
                out.report("SRC-DISK-SIZE", Severity.ERROR, m.name(), key(m).child(Kind.DISK, d.name()),
                        "disk " + d.name() + " of " + m.name() + " is " + d.size().human() + " (limit " + max.human() + f.profileNote(f.profileOf(m)) + ")");
            }
        }
    }

    /** SRC-DISK-COUNT: at most 31 disks on one protected machine. */
    static void diskCount(Facts f, Findings out, Machine m) {
        Integer max = f.profileOf(m).source().diskMaxCount();
        if (max != null && m.disks().size() > max) {
            out.report("SRC-DISK-COUNT", Severity.ERROR, m.name(), key(m), m.name() + " has " + m.disks().size() + " disks (limit " + max + ")");
        }
    }

    /** SRC-TOTAL-SIZE: at most 31 TB, and its disks fit the data slots of its one master target. */
    static void totalSize(Facts f, Findings out, Machine m, ProtectionGroup g) {
        DataSize max = f.profileOf(m).source().machineMaxSize();
        if (max != null && m.totalSize().compareTo(max) > 0) {
            out.report("SRC-TOTAL-SIZE", Severity.ERROR, m.name(), key(m), m.name() + " holds " + m.totalSize().human() + " (limit " + max.human() + ")");
        }
        if (g.masterTarget() == null) return;
        f.vmwareSite(m.site()).flatMap(s -> s.masterTargets().stream().filter(t -> t.name().equals(g.masterTarget())).findFirst()).ifPresent(mt -> {
            Integer slots = f.dataDiskSlots(mt);
            if (slots != null && m.disks().size() > slots) {
                out.report("SRC-TOTAL-SIZE", Severity.ERROR, m.name(), key(m), m.name() + " has " + m.disks().size() + " disks but master target " + mt.name()
                        + " (" + (mt.size() == null ? "explicit shape" : mt.size()) + ") has " + slots + " data-disk slots; a source never spans master targets"
                        + (slots < f.profile.masterTarget().sizes().getOrDefault(f.profile.masterTarget().largeSourceSize(), new Profile.MtSize(0, null, 0)).dataDisks()
                        ? " — use a " + f.profile.masterTarget().largeSourceSize() : ""));
            }
        });
    }

    /**
     * SRC-CHURN: daily change of one machine at most 1 TB, because a source never spans process servers (classic); in
     * the modernized architecture a peak rate across the machine's disks, which its daily average cannot exceed either.
     */
    static void churn(Facts f, Findings out, Machine m) {
        Profile.Source src = f.profileOf(m).source();
        DataSize max = src.machineMaxChurn();
        if (max != null && m.totalChurn().compareTo(max) > 0) {
            out.report("SRC-CHURN", Severity.ERROR, m.name(), key(m), m.name() + " changes " + m.totalChurn().human() + "/day (limit " + max.human() + "/day)");
        }
        DataSize peak = src.machinePeakChurnPerSecond();
        if (peak != null && m.totalChurn().compareTo(DataSize.scaled(peak.bytes(), 86_400, 1)) > 0) {
            double perSecond = m.totalChurn().bytes() / 86_400.0 / (1 << 20);
            out.report("SRC-CHURN", Severity.ERROR, m.name(), key(m), m.name() + " changes " + m.totalChurn().human() + "/day, on average "
                    + String.format(Locale.ROOT, "%.1f", perSecond) + " MB/s: above the " + peak.human() + "/s a machine may write at its peak (profile "
                    + f.profileOf(m).name() + ") — split its data over machines, or protect it another way");
        }
    }

    /**
     * SRC-DISK-CHURN: churn per disk at most 144 GB/day at 8 KB writes, scaling linearly with write size (classic); in the
     * modernized architecture by the replica disk's type and tier and the write size, as the profile's table gives it.
     */
    static void diskChurn(Facts f, Findings out, Machine m) {
        Profile p = f.profileOf(m);
        if (p.modernized() != null) {
            TargetDiskType type = f.groupOf(m).map(ProtectionGroup::diskType).orElse(null);
            if (type == null) type = TargetDiskType.STANDARD_LRS;
            for (Disk d : m.disks()) {
                DataSize writeSize = d.writeSize() == null ? DataSize.kb(8) : d.writeSize();
                Profile.DiskChurn row = p.modernized().churnFor(type, d.size());
                if (row == null) continue; // no published figure for this disk type and size
                DataSize limit = row.limitAt(writeSize);
                DataSize churn = f.churnPerDisk(m, d);
                if (limit != null && churn.compareTo(limit) > 0) {
                    out.report("SRC-DISK-CHURN", Severity.ERROR, m.name(), key(m).child(Kind.DISK, d.name()), "disk " + d.name() + " of " + m.name() + " changes "
                            + churn.human() + "/day (limit " + limit.human() + "/day for a " + type.token() + " replica disk, tier " + row.tier() + ", at "
                            + writeSize.human() + " writes; profile " + p.name() + ")" + (type == TargetDiskType.PREMIUM_LRS ? "" : " — a premium-lrs replica takes more (diskType in the protection group)"));
                }
            }
            return;
        }
        if (p.source().diskChurnAt8KB() == null) return;
        for (Disk d : m.disks()) {
            DataSize writeSize = d.writeSize() == null ? DataSize.kb(8) : d.writeSize();
            DataSize limit = DataSize.scaled(p.source().diskChurnAt8KB().bytes(), writeSize.bytes(), DataSize.kb(8).bytes());
            DataSize churn = f.churnPerDisk(m, d);
            if (churn.compareTo(limit) > 0) {
                out.report("SRC-DISK-CHURN", Severity.ERROR, m.name(), key(m).child(Kind.DISK, d.name()), "disk " + d.name() + " of " + m.name() + " changes "
                        + churn.human() + "/day (limit " + limit.human() + "/day at " + writeSize.human() + " writes)");
            }
        }
    }

    /** SRC-DISK-IOPS: each source IO costs two on the 500-IOPS target disk, so at most 250 source IOPS per disk. */
    static void diskIops(Facts f, Findings out, Machine m) {
        if (f.profileOf(m).source().targetDiskIops() == null || f.profileOf(m).source().targetIosPerSourceIo() == null) return;
        Profile.Source src = f.profileOf(m).source();
        int limit = src.targetDiskIops() / src.targetIosPerSourceIo();
        for (Disk d : m.disks()) {
            int iops = f.iopsPerDisk(m, d);
            if (iops > limit) {
                out.report("SRC-DISK-IOPS", Severity.ERROR, m.name(), key(m).child(Kind.DISK, d.name()), "disk " + d.name() + " of " + m.name() + " does " + iops
                        + " IOPS (limit " + limit + ": " + src.targetIosPerSourceIo() + " target IOs each, " + src.targetDiskIops() + " per target disk)");
            }
        }
    }

    /** SRC-IOPS: one machine at most 10,000 IOPS, because a source never spans storage accounts. */
    static void iops(Facts f, Findings out, Machine m) {
        Integer limit = f.profileOf(m).source().machineMaxIops();
        if (limit != null && m.totalIops() > limit) {
            out.report("SRC-IOPS", Severity.ERROR, m.name(), key(m), m.name() + " does " + m.totalIops() + " IOPS (limit " + limit + " per machine)");
        }
    }

    /** SRC-NAME: the Azure name is 1-63 letters, digits and hyphens, starting and ending with a letter or digit. */
    static void name(Facts f, Findings out, Machine m) {
        String n = m.failover() != null && m.failover().azureName() != null ? m.failover().azureName() : m.name();
        int max = f.profileOf(m).source().nameMaxLength() == null ? 63 : f.profileOf(m).source().nameMaxLength();
        if (n.isEmpty() || n.length() > max || !AZURE_NAME.matcher(n).matches()) {
            out.report("SRC-NAME", Severity.ERROR, m.name(), key(m), "Azure name '" + n + "' of " + m.name()
                    + " must be 1-" + max + " letters, digits and hyphens, starting and ending with a letter or digit" + (m.failover() == null || m.failover().azureName() == null ? " — set failover { azureName '…' }" : ""));
        }
    }

    /**
     * SRC-UNSUPPORTED: clustered, UEFI, BitLocker, Windows dynamic disks, Windows OS not on C:, HP CCISS on physical Linux.
     * A profile may allow UEFI (then RCM-UEFI checks Secure Boot) and dynamic data disks (the OS disk stays basic).
     */
    static void unsupported(Facts f, Findings out, Machine m) {
        Profile.Source src = f.profileOf(m).source();
        if (m.clustered()) report(f, out, m, "it is a cluster member");
        if (m.firmware() != null && m.firmware().uefi() && !src.uefiProtectable()) report(f, out, m, "it boots with UEFI/EFI");
        for (Disk d : m.disks()) {
            if (d.bitlocker()) report(f, out, m, "disk " + d.name() + " is BitLocker-encrypted");
            if (d.dynamic() && m.os() == OsFamily.WINDOWS && (d.boot() || !src.dynamicDataDisksAllowed())) {
                report(f, out, m, "disk " + d.name() + " is a Windows dynamic disk" + (d.boot() && src.dynamicDataDisksAllowed() ? " holding the OS, which must be on a basic disk" : ""));
            }
            if (d.boot() && m.os() == OsFamily.WINDOWS && d.mount() != null && !d.mount().equalsIgnoreCase("C:") && !d.mount().equalsIgnoreCase("C:\\")) {
                report(f, out, m, "Windows is on " + d.mount() + ", not C:\\");
            }
        }
        if (m.kind() == MachineKind.PHYSICAL && m.os() == OsFamily.LINUX && m.controller() == StorageController.HP_CCISS) {
            report(f, out, m, "its storage is on an HP CCISS controller");
        }
    }

    private static void report(Facts f, Findings out, Machine m, String why) {
        out.report("SRC-UNSUPPORTED", Severity.ERROR, m.name(), key(m), m.name() + " cannot be protected: " + why);
    }

    /** SRC-OS: 64-bit Windows Server 2012 R2/2012/2008 R2 SP1, CentOS 6.4-6.6, Oracle Linux 6.4/6.5, SLES 11 SP3. */
    static void os(Facts f, Findings out, Machine m) {
        List<String> supportedOs = f.profileOf(m).source().supportedOs();
        if (supportedOs == null) return;
        boolean supported = supportedOs.stream().anyMatch(s -> s.equalsIgnoreCase(m.osVersion()));
        if (m.bits() != null && m.bits() != 64) {
            out.report("SRC-OS", Severity.ERROR, m.name(), key(m), m.name() + " runs a " + m.bits() + "-bit OS; only 64-bit systems are protected");
        } else if (!supported) {
            out.report("SRC-OS", Severity.ERROR, m.name(), key(m), m.name() + " runs " + m.osVersion() + ", which is not supported; supported: "
                    + String.join(", ", supportedOs) + f.profileAside(f.profileOf(m)));
        }
    }

    /** SRC-LINUX-FS: Linux file systems EXT3, EXT4, ReiserFS, XFS. */
    static void linuxFs(Facts f, Findings out, Machine m) {
        if (m.os() != OsFamily.LINUX || f.profileOf(m).source().linuxFileSystems() == null) return;
        for (Disk d : m.disks()) {
            if (d.fileSystem() != null && !f.profileOf(m).source().linuxFileSystems().contains(d.fileSystem().toLowerCase(Locale.ROOT))) {
                out.report("SRC-LINUX-FS", Severity.ERROR, m.name(), key(m).child(Kind.DISK, d.name()), "disk " + d.name() + " of " + m.name() + " uses "
                        + d.fileSystem() + "; supported: " + String.join(", ", f.profileOf(m).source().linuxFileSystems()));
            }
        }
    }

    /** SRC-VMWARE (VM part): VMware Tools installed and running on each protected VM. */
    static void vmwareTools(Facts f, Findings out, Machine m) {
        if (m.kind() != MachineKind.VMWARE_VM) return;
        String state = m.tools() != null ? m.tools().token()
                : f.discovered.vcenter(m.site()).flatMap(v -> v.vm(m.name())).map(VmInfo::tools).orElse("running");
        if (!"running".equals(state)) {
            out.report("SRC-VMWARE", Severity.ERROR, m.name(), key(m), "VMware Tools on " + m.name() + " are " + state.replace('-', ' ') + "; they must be installed and running");
        }
    }

    /** SRC-VMWARE (site part): vCenter and ESXi hosts at 5.1 or 5.5. */
    static void vmwareVersions(Facts f, Findings out) {
        for (VmwareSite s : f.estate.vmwareSites()) {
            // A site in the middle of a move is checked against each architecture it protects toward.
            for (Profile p : f.protectedMachinesOf(s.name()).stream().map(f::profileOf).distinct().toList()) {
                if (p.source().vmwareVersions() != null) vmwareVersions(f, out, s, p);
            }
        }
    }

    private static void vmwareVersions(Facts f, Findings out, VmwareSite s, Profile p) {
        var allowed = p.source().vmwareVersions();
        String profile = f.profileAside(p);
        {
            String vc = s.vcenter() == null ? null : s.vcenter().version();
            if (vc == null && s.vcenter() != null) vc = f.discovered.vcenter(s.name()).map(VcenterInventory::version).orElse(null);
            if (vc != null && !allowed.contains(vc)) {
                out.report("SRC-VMWARE", Severity.ERROR, "site " + s.name(), Address.site(s.name()).child(Kind.VCENTER, s.vcenter().address()),
                        "vCenter " + s.vcenter().address() + " is version " + vc + "; supported: " + String.join(", ", allowed) + profile);
            }
            for (EsxiHost h : s.hosts()) {
                if (!allowed.contains(h.version())) {
                    out.report("SRC-VMWARE", Severity.ERROR, "host " + h.name(), Address.site(s.name()).child(Kind.HOST, h.name()),
                            "ESXi host " + h.name() + " is version " + h.version() + "; supported: " + String.join(", ", allowed) + profile);
                }
            }
        }
    }

    /** SRC-ASCII: host name, mount points and device names in ASCII only. */
    static void ascii(Facts f, Findings out, Machine m) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        texts.add(m.hostName() != null ? m.hostName() : m.name());
        m.disks().forEach(d -> {
            texts.add(d.name());
            if (d.mount() != null) texts.add(d.mount());
        });
        for (String t : texts) {
            if (!t.chars().allMatch(c -> c < 128)) {
                out.report("SRC-ASCII", Severity.ERROR, m.name(), key(m), "'" + t + "' on " + m.name() + " is not plain ASCII; host names, mount points and device names must be");
            }
        }
    }
}
