package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import siteplan.units.DataSize;

@JsonClassDescription("A master target server: in Azure it receives replicated disks; on-premises it receives failback data (seeds 000, 001).")
public record MasterTarget(
        @Required @JsonPropertyDescription("Server name.") String name,
        @JsonPropertyDescription("azure (forward protection) or on-premises (failback); azure unless declared.") ServerLocation location,
        @JsonPropertyDescription("Azure size: A4 (15 data disks) or D14 (31 data disks) (MT-SIZE); omit for an explicit shape.") String size,
        @JsonPropertyDescription("Cores, for an explicit shape.") Integer cores,
        @JsonPropertyDescription("Memory, for an explicit shape.") DataSize memory,
        @JsonPropertyDescription("Data-disk slots, for an explicit shape (MT-DATA-DISKS, FB-MT-DISKS).") Integer dataDisks,
        @Required @JsonPropertyDescription("windows or linux (MT-OS).") OsFamily os,
        @JsonPropertyDescription("OS version, e.g. Windows Server 2012 R2 or CentOS 6.6 (FB-MT-OS).") String osVersion,
        @JsonPropertyDescription("Retention volume.") RetentionVolume retention,
        @JsonPropertyDescription("On-premises: the ESXi host the master target VM runs on (FB-VMFS, FB-ORIGINAL).") String esxiHost,
        @JsonPropertyDescription("On-premises: the datastore of the master target VM.") String datastore,
        @JsonPropertyDescription("On-premises: number of snapshots of the VM; must be 0 (FB-MT-VM).") Integer snapshots,
        @JsonPropertyDescription("On-premises: SCSI controller; lsi-logic (FB-MT-VM).") ScsiController scsiController,
        @JsonPropertyDescription("On-premises: the VM's disk.EnableUUID setting; must be true (FB-MT-VM).") Boolean diskEnableUuid,
        @JsonPropertyDescription("On-premises: VMware Tools state; running (FB-MT-VM).") ToolsState tools,
        @JsonPropertyDescription("On-premises: excluded from Storage vMotion (FB-MT-VM).") Boolean storageVmotionExcluded,
        @JsonPropertyDescription("Network the server joins (NET-REGION for Azure).") String network,
        @JsonPropertyDescription("IP address.") String ip) {}
