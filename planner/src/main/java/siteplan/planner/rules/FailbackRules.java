package siteplan.planner.rules;

import java.util.List;
import siteplan.model.*;
import siteplan.model.Address.Kind;
import siteplan.planner.state.ProtectedItem;

/**
 * Failback and reprotection rules (seeds 001 and 002). They apply to a site that prepares failback
 * (one with an on-premises master target, a process server in Azure, or a failback connection) and to
 * a site whose machines run at the recovery site, which the plan proposes to reprotect.
 */
public final class FailbackRules {
    private FailbackRules() {}

    static boolean hasProcessServerInAzure(VmwareSite s) {
        return s.processServers().stream().anyMatch(p -> p.location() == ServerLocation.AZURE);
    }

    static boolean hasLink(VmwareSite s) {
        return s.failbackConnection() != null && s.failbackConnection() != FailbackConnection.NONE;
    }

    static boolean preparesFailback(VmwareSite s) {
        return s.masterTargets().stream().anyMatch(m -> m.location() == ServerLocation.ON_PREMISES)
                || s.processServers().stream().anyMatch(p -> p.location() == ServerLocation.AZURE)
                || (s.failbackConnection() != null && s.failbackConnection() != FailbackConnection.NONE);
    }

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        check(f, out);
        return out.list();
    }

    private static void check(Facts f, Findings out) {
        for (VmwareSite s : f.estate.vmwareSites()) {
            // The modernized architecture fails back through an appliance (ModernizedRules, RCM-FAILBACK-*): its
            // machines need no configuration server, master target or process server in Azure.
            List<Machine> machines = f.protectedMachinesOf(s.name()).stream().filter(m -> !f.modernized(m)).toList();
            if (machines.isEmpty() && f.protectedMachinesOf(s.name()).stream().anyMatch(f::modernized)) continue;
            // Machines running at the recovery site are on their way back whether or not the site says it prepares failback.
            if (!preparesFailback(s) && machines.stream().noneMatch(m -> runsAtRecovery(f, m))) continue;
            policy(f, out, s);
            original(f, out, s, machines);
            processServerInAzure(f, out, s, machines);
            stages(f, out, s);
            link(f, out, s);
            configurationServer(f, out, s, machines);
            vcenterAccess(f, out, s);
            List<MasterTarget> onPrem = s.masterTargets().stream().filter(mt -> mt.location() == ServerLocation.ON_PREMISES).toList();
            masterTargetsByOs(f, out, s, onPrem, machines);
            for (MasterTarget mt : onPrem) {
                Address key = Address.site(s.name()).child(Kind.MASTER_TARGET, mt.name());
                masterTargetVm(f, out, mt, key);
                vmfs(f, out, s, mt, key);
                retention(f, out, mt, key);
            }
            for (Machine m : machines) {
                physical(f, out, m);
                freeEsxi(f, out, s, m);
                snapshots(f, out, m);
            }
        }
    }

    /** FB-POLICY: the failback policy is made automatically and cannot be edited; the plan says what it is. */
    static void policy(Facts f, Findings out, VmwareSite s) {
        var p = f.profile.failback().policy();
        out.report("FB-POLICY", Severity.INFO, "site " + s.name(), Address.site(s.name()), "failback from Azure to " + s.name()
                + " uses the automatic failback policy: RPO threshold " + siteplan.units.Durations.format(p.rpoThreshold()) + ", recovery points kept "
                + siteplan.units.Durations.format(p.retention()) + ", app-consistent every " + siteplan.units.Durations.format(p.appConsistentFrequency()));
    }

    /** FB-ORIGINAL: a machine fails back to its original VM when the master target's host sees its datastore, else to a new VM there. */
    static void original(Facts f, Findings out, VmwareSite s, List<Machine> machines) {
        List<MasterTarget> onPrem = s.masterTargets().stream().filter(mt -> mt.location() == ServerLocation.ON_PREMISES).toList();
        if (onPrem.isEmpty()) return;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (MasterTarget mt : onPrem) {
            s.datastores().stream().filter(d -> d.host() == null || d.host().equals(mt.esxiHost())).forEach(d -> seen.add(d.name()));
        }
        List<String> newVms = machines.stream().filter(m -> m.kind() == MachineKind.VMWARE_VM && m.datastore() != null && !seen.contains(m.datastore()))
                .map(Machine::name).toList();
        if (!newVms.isEmpty()) {
            out.report("FB-ORIGINAL", Severity.INFO, "site " + s.name(), Address.site(s.name()), String.join(", ", newVms)
                    + " fail back to new VMs on the master target's host and datastore: no on-premises master target sees their datastores");
        }
    }

    /** FB-PS-AZURE: a process server in Azure, in the network of the failed-over VMs, of the same deployment model. */
    static void processServerInAzure(Facts f, Findings out, VmwareSite s, List<Machine> machines) {
        List<ProcessServer> inAzure = s.processServers().stream().filter(p -> p.location() == ServerLocation.AZURE).toList();
        if (!hasProcessServerInAzure(s)) {
            out.report("FB-PS-AZURE", Severity.ERROR, "site " + s.name(), Address.site(s.name()), "site " + s.name()
                    + " has no process server in Azure to replicate its machines back — add: processServer('…') { location 'azure'; network '…' }");
            return;
        }
        java.util.Set<String> failoverNets = new java.util.TreeSet<>();
        machines.forEach(m -> { if (m.failover() != null && m.failover().network() != null) failoverNets.add(m.failover().network()); });
        for (ProcessServer p : inAzure) {
            Address key = Address.site(s.name()).child(Kind.PROCESS_SERVER, p.name());
            if (!failoverNets.isEmpty() && (p.network() == null || !failoverNets.contains(p.network()))) {
                out.report("FB-PS-AZURE", Severity.ERROR, p.name(), key, "process server " + p.name() + " in Azure is on " + (p.network() == null ? "no declared network" : p.network())
                        + "; the failed-over VMs are on " + String.join(", ", failoverNets));
            }
            var targets = f.estate.protectionGroups().stream().filter(g -> g.source().equals(s.name())).map(ProtectionGroup::target).distinct().toList();
            for (String t : targets) {
                f.azure(t).ifPresent(a -> {
                    DeploymentModel want = a.deploymentModel() == null ? DeploymentModel.RESOURCE_MANAGER : a.deploymentModel();
                    DeploymentModel have = p.deploymentModel() == null ? DeploymentModel.RESOURCE_MANAGER : p.deploymentModel();
                    if (want != have) {
                        out.report("FB-PS-AZURE", Severity.ERROR, p.name(), key, "process server " + p.name() + " is " + have.token() + " but " + a.name() + " is " + want.token()
                                + "; they must use the same deployment model");
                    }
                });
            }
        }
    }

    /** True when the machine's protected item is failed over: it runs at the recovery site. */
    static boolean runsAtRecovery(Facts f, Machine m) {
        return f.discovered.protectedItem(m.name()).map(ProtectedItem::failedOver).orElse(false);
    }

    /** FB-STAGES: the reprotect from Azure replicates to an on-premises master target; without one there is no way back. */
    static void stages(Facts f, Findings out, VmwareSite s) {
        if (s.masterTargets().stream().noneMatch(m -> m.location() == ServerLocation.ON_PREMISES)) {
            out.report("FB-STAGES", Severity.ERROR, "site " + s.name(), Address.site(s.name()), "site " + s.name()
                    + " has no on-premises master target to receive its machines when they are reprotected from Azure — add: masterTarget('…') { location 'on-premises'; … }");
        }
    }

    /** FB-LINK: site-to-site VPN or ExpressRoute private peering between Azure and on-premises. */
    static void link(Facts f, Findings out, VmwareSite s) {
        if (!hasLink(s)) {
            out.report("FB-LINK", Severity.ERROR, "site " + s.name(), Address.site(s.name()), "site " + s.name()
                    + " declares no site-to-site VPN or ExpressRoute private peering to Azure to replicate its machines back — add: failbackConnection 'vpn' (or 'expressroute-private')");
        }
    }

    /** FB-CS: an on-premises configuration server that still knows the VMs; two NICs when IPs are kept. */
    static void configurationServer(Facts f, Findings out, VmwareSite s, List<Machine> machines) {
        ConfigurationServer cs = s.configurationServer();
        if (cs == null) {
            out.report("FB-CS", Severity.ERROR, "site " + s.name(), Address.site(s.name()), "site " + s.name() + " prepares failback but declares no configuration server");
            return;
        }
        boolean retainedIps = machines.stream().anyMatch(m -> m.failover() != null && m.failover().ip() != null);
        int nics = cs.nics() == null ? 1 : cs.nics();
        if (retainedIps && nics < 2) {
            out.report("FB-CS", Severity.ERROR, cs.name(), Address.site(s.name()).child(Kind.CONFIGURATION_SERVER, cs.name()), "machines of " + s.name()
                    + " keep their IP addresses on failover, so configuration server " + cs.name() + " needs two NICs (it declares " + nics + ")");
        }
    }

    /** FB-VCENTER-RW: a read-only vCenter account lets failover work but makes reprotection fail. */
    static void vcenterAccess(Facts f, Findings out, VmwareSite s) {
        if (s.vcenter() != null && s.vcenter().access() == VcenterAccess.READ_ONLY) {
            out.report("FB-VCENTER-RW", Severity.ERROR, "site " + s.name(), Address.site(s.name()).child(Kind.VCENTER, s.vcenter().address()), "the vCenter account of " + s.name()
                    + " is read-only: failover works but reprotection fails — give it read-write rights");
        }
    }

    /**
     * FB-MT-OS and FB-MT-DISKS: machines fail back through an on-premises master target of their own
     * OS family (a replication group is all Windows or all Linux), of the same or a newer version, and
     * each master target holds at most 60 disks.
     */
    static void masterTargetsByOs(Facts f, Findings out, VmwareSite s, List<MasterTarget> onPrem, List<Machine> machines) {
        if (onPrem.isEmpty()) return;
        for (OsFamily os : OsFamily.values()) {
            List<Machine> family = machines.stream().filter(m -> m.os() == os).toList();
            if (family.isEmpty()) continue;
            List<MasterTarget> mts = onPrem.stream().filter(mt -> mt.os() == os).toList();
            if (mts.isEmpty()) {
                String names = family.stream().map(Machine::name).limit(6).collect(java.util.stream.Collectors.joining(", ")) + (family.size() > 6 ? ", …" : "");
                out.report("FB-MT-OS", Severity.ERROR, "site " + s.name(), Address.site(s.name()), "no on-premises master target of site " + s.name() + " runs " + os.token()
                        + ", so " + names + " cannot fail back; a replication group is all Windows or all Linux");
                continue;
            }
            Address key = Address.site(s.name()).child(Kind.MASTER_TARGET, mts.get(0).name());
            int disks = family.stream().mapToInt(m -> m.disks().size()).sum();
            int max = f.profile.failback().masterTargetMaxDisks();
            if (disks > max * mts.size()) {
                out.report("FB-MT-DISKS", Severity.ERROR, mts.get(0).name(), key, (mts.size() == 1 ? "failback master target " + mts.get(0).name() + " would receive "
                        : "the " + mts.size() + " " + os.token() + " failback master targets would receive ") + disks + " disks (limit " + max
                        + (mts.size() == 1 ? "" : " each") + ") — add another on-premises master target");
            }
            Integer newest = mts.stream().map(mt -> year(mt.osVersion())).filter(java.util.Objects::nonNull).max(Integer::compare).orElse(null);
            for (Machine m : family) {
                Integer y = year(m.osVersion());
                if (newest != null && y != null && y > newest) {
                    MasterTarget mt = mts.stream().filter(x -> newest.equals(year(x.osVersion()))).findFirst().orElseThrow();
                    out.report("FB-MT-OS", Severity.ERROR, mt.name(), Address.site(s.name()).child(Kind.MASTER_TARGET, mt.name()), "failback master target " + mt.name() + " runs "
                            + mt.osVersion() + ", older than " + m.name() + " (" + m.osVersion() + ")");
                }
            }
        }
    }

    private static Integer year(String v) {
        if (v == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(20\\d\\d)( R2)?").matcher(v);
        return m.find() ? Integer.parseInt(m.group(1)) * 2 + (m.group(2) != null ? 1 : 0) : null;
    }

    /** FB-MT-VM: no snapshots, LSI Logic SCSI, disk.EnableUUID=true, VMware Tools running, excluded from Storage vMotion. */
    static void masterTargetVm(Facts f, Findings out, MasterTarget mt, Address key) {
        List<String> wrong = new java.util.ArrayList<>();
        if (mt.snapshots() != null && mt.snapshots() > 0) wrong.add("it has " + mt.snapshots() + " snapshots");
        if (mt.scsiController() != null && mt.scsiController() == ScsiController.PARAVIRTUAL) wrong.add("its SCSI controller is paravirtual, not LSI Logic");
        if (!Boolean.TRUE.equals(mt.diskEnableUuid())) wrong.add("disk.EnableUUID is not true");
        if (mt.tools() != null && mt.tools() != ToolsState.RUNNING) wrong.add("VMware Tools are " + mt.tools().token().replace('-', ' '));
        if (!Boolean.TRUE.equals(mt.storageVmotionExcluded())) wrong.add("it is not excluded from Storage vMotion");
        if (!wrong.isEmpty()) {
            out.report("FB-MT-VM", Severity.ERROR, mt.name(), key, "failback master target " + mt.name() + " is not ready: " + String.join("; ", wrong));
        }
    }

    /** FB-VMFS: the master target's ESXi host has at least one VMFS datastore. */
    static void vmfs(Facts f, Findings out, VmwareSite s, MasterTarget mt, Address key) {
        if (mt.esxiHost() == null) {
            out.report("FB-VMFS", Severity.ERROR, mt.name(), key, "failback master target " + mt.name() + " declares no ESXi host — add: esxiHost '…'");
            return;
        }
        boolean vmfs = s.datastores().stream().anyMatch(d -> d.type() == DatastoreType.VMFS && (d.host() == null || d.host().equals(mt.esxiHost())));
        if (!vmfs) {
            out.report("FB-VMFS", Severity.ERROR, mt.name(), key, "ESXi host " + mt.esxiHost() + " of failback master target " + mt.name() + " has no VMFS datastore");
        }
    }

    /** FB-RETENTION: a dedicated, unlocked retention volume that is not the cache volume, not FAT/FAT32, capacity above 0. */
    static void retention(Facts f, Findings out, MasterTarget mt, Address key) {
        RetentionVolume r = mt.retention();
        if (r == null) {
            out.report("FB-RETENTION", Severity.ERROR, mt.name(), key, "failback master target " + mt.name() + " has no retention volume — add: retention { size 1.TB; path '"
                    + (mt.os() == OsFamily.LINUX ? "/mnt/retention" : "R:") + "' }");
            return;
        }
        List<String> wrong = new java.util.ArrayList<>();
        if (r.size().isZero()) wrong.add("its capacity is 0");
        if (r.usage() != null && r.usage() != RetentionUsage.DEDICATED) wrong.add("it is also the " + r.usage().token().replace('-', ' '));
        if (r.locked()) wrong.add("it is locked");
        if (r.fileSystem() != null && (r.fileSystem().equalsIgnoreCase("FAT") || r.fileSystem().equalsIgnoreCase("FAT32"))) wrong.add("it is " + r.fileSystem());
        if (!wrong.isEmpty()) {
            out.report("FB-RETENTION", Severity.ERROR, mt.name(), key, "the retention volume of " + mt.name() + " cannot be used: " + String.join("; ", wrong));
        }
    }

    /** FB-PHYSICAL: a physical server fails back only as a VMware VM; Windows Server 2008 R2 SP1 cannot fail back. */
    static void physical(Facts f, Findings out, Machine m) {
        if (m.kind() != MachineKind.PHYSICAL) return;
        if (f.profile.failback().unsupportedPhysicalOs().stream().anyMatch(o -> o.equalsIgnoreCase(m.osVersion()))) {
            out.report("FB-PHYSICAL", Severity.ERROR, m.name(), Address.machine(m.name()), "physical server " + m.name() + " runs " + m.osVersion() + ", which cannot fail back");
        } else {
            out.report("FB-PHYSICAL", Severity.INFO, m.name(), Address.machine(m.name()), "physical server " + m.name() + " fails back as a new VMware VM, not to the physical machine");
        }
    }

    /** FB-ESXI-FREE: on a free ESXi edition failover works, failback does not. */
    static void freeEsxi(Facts f, Findings out, VmwareSite s, Machine m) {
        if (m.esxiHost() == null) return;
        s.hosts().stream().filter(h -> h.name().equals(m.esxiHost()) && h.edition() != null
                        && f.profile.failback().freeEditions().stream().anyMatch(e -> h.edition().toLowerCase().contains(e)))
                .forEach(h -> out.report("FB-ESXI-FREE", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " runs on " + h.name() + ", a " + h.edition()
                        + " ESXi edition: it can fail over but never fail back"));
    }

    /** FB-SNAPSHOTS: a VM with snapshots cannot be reprotected. */
    static void snapshots(Facts f, Findings out, Machine m) {
        int n = m.snapshots() != null ? m.snapshots()
                : f.discovered.vcenter(m.site()).flatMap(v -> v.vm(m.name())).map(siteplan.planner.state.VmInfo::snapshots).orElse(0);
        if (n > 0) {
            out.report("FB-SNAPSHOTS", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " has " + n + " snapshot" + (n == 1 ? "" : "s") + "; a VM with snapshots cannot be reprotected");
        }
    }
}
