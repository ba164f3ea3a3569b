package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import siteplan.units.DataSize;

@JsonClassDescription("A protected machine: a VMware VM, a physical server or a Hyper-V VM.")
public record Machine(
        @Required @JsonPropertyDescription("Machine name, unique in the estate.") String name,
        @Required @JsonPropertyDescription("vmware-vm, physical or hyperv-vm.") MachineKind kind,
        @Required @JsonPropertyDescription("Site the machine runs in.") String site,
        @Required @JsonPropertyDescription("windows or linux.") OsFamily os,
        @Required @JsonPropertyDescription("OS version, e.g. Windows Server 2012 R2 or CentOS 6.5 (SRC-OS).") String osVersion,
        @JsonPropertyDescription("Word size of the OS; 64 unless declared (SRC-OS).") Integer bits,
        @JsonPropertyDescription("bios, uefi or uefi-secure-boot; bios unless declared (classic: SRC-UNSUPPORTED; modernized: RCM-UEFI).") Firmware firmware,
        @JsonPropertyDescription("True for a member of a failover cluster (SRC-UNSUPPORTED).") boolean clustered,
        @JsonPropertyDescription("Host name inside the guest when it differs from the name (SRC-ASCII).") String hostName,
        @JsonPropertyDescription("Physical servers: storage controller (SRC-UNSUPPORTED).") StorageController controller,
        @JsonPropertyDescription("Tags that protection groups select on.") List<String> tags,
        @JsonPropertyDescription("Daily change of the whole machine, when disks do not declare their own (SRC-CHURN).") DataSize churn,
        @JsonPropertyDescription("Source write IOPS of the whole machine, when disks do not declare their own (SRC-IOPS).") Integer iops,
        @JsonPropertyDescription("Disks.") List<Disk> disks,
        @JsonPropertyDescription("Network adapters.") List<Nic> nics,
        @JsonPropertyDescription("VMware VMs: ESXi host.") String esxiHost,
        @JsonPropertyDescription("VMware VMs: datastore.") String datastore,
        @JsonPropertyDescription("VMware VMs: VMware Tools state; running unless declared (SRC-VMWARE).") ToolsState tools,
        @JsonPropertyDescription("VMware VMs: number of snapshots (FB-SNAPSHOTS).") Integer snapshots,
        @JsonPropertyDescription("Hyper-V VMs: host the VM runs on.") String hyperVHost,
        @JsonPropertyDescription("Hyper-V VMs: VMM cloud the VM is in.") String cloud,
        @JsonPropertyDescription("Mobility service desired state (VMware VMs and physical servers).") Mobility mobility,
        @JsonPropertyDescription("Failover settings.") FailoverSettings failover,
        @JsonPropertyDescription("Refuse any plan that would disable this machine's protection (recovery points would be lost).") boolean preventDestroy) {
    public Machine {
        tags = Lists.copy(tags);
        disks = Lists.copy(disks);
        nics = Lists.copy(nics);
    }

    /** The machine's daily change: the sum over disks when any disk declares churn, else the machine's own figure. */
    public DataSize totalChurn() {
        boolean perDisk = disks.stream().anyMatch(d -> d.churn() != null);
        if (!perDisk) return churn == null ? DataSize.ZERO : churn;
        return disks.stream().map(d -> d.churn() == null ? DataSize.ZERO : d.churn()).reduce(DataSize.ZERO, DataSize::plus);
    }

    /** Source write IOPS: the sum over disks when any disk declares IOPS, else the machine's own figure. */
    public int totalIops() {
        boolean perDisk = disks.stream().anyMatch(d -> d.iops() != null);
        if (!perDisk) return iops == null ? 0 : iops;
        return disks.stream().mapToInt(d -> d.iops() == null ? 0 : d.iops()).sum();
    }

    public DataSize totalSize() {
        return disks.stream().map(Disk::size).reduce(DataSize.ZERO, DataSize::plus);
    }
}
