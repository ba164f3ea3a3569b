package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import siteplan.units.DataSize;

@JsonClassDescription("A disk of a protected machine, with the workload figures capacity planning needs.")
public record Disk(
        @Required @JsonPropertyDescription("Disk name, unique within the machine.") String name,
        @Required @JsonPropertyDescription("Size; at most 1023GB (SRC-DISK-SIZE).") DataSize size,
        @JsonPropertyDescription("Daily change (churn); at most 144GB at 8KB writes (SRC-DISK-CHURN).") DataSize churn,
        @JsonPropertyDescription("Source write IOPS; at most 250 (SRC-DISK-IOPS).") Integer iops,
        @JsonPropertyDescription("Average write size; 8KB unless declared (SRC-DISK-CHURN, MT-RETENTION-DRIVES).") DataSize writeSize,
        @JsonPropertyDescription("File system, e.g. NTFS, EXT4, XFS (SRC-LINUX-FS).") String fileSystem,
        @JsonPropertyDescription("Mount point or drive letter, e.g. C: or /var (SRC-ASCII, SRC-UNSUPPORTED).") String mount,
        @JsonPropertyDescription("True when this disk holds the operating system.") boolean boot,
        @JsonPropertyDescription("True for a Windows dynamic disk (SRC-UNSUPPORTED).") boolean dynamic,
        @JsonPropertyDescription("True when BitLocker encrypts a volume on the disk (SRC-UNSUPPORTED).") boolean bitlocker,
        @JsonPropertyDescription("Hyper-V: storage classification the disk lives on (MAP-STORAGE).") String storageClassification) {}
