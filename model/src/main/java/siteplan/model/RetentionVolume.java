package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import siteplan.units.DataSize;

@JsonClassDescription("The retention volume of a master target: the journal of changes for the retention window.")
public record RetentionVolume(
        @Required @JsonPropertyDescription("Capacity (MT-RETENTION-SIZE).") DataSize size,
        @JsonPropertyDescription("File system; not FAT or FAT32 (FB-RETENTION).") String fileSystem,
        @JsonPropertyDescription("Drive or mount point; R: on Windows and /mnt/retention on Linux unless declared.") String path,
        @JsonPropertyDescription("Disks pooled into the volume (MT-RETENTION-DRIVES, MT-RETENTION-1TB); 1 unless declared.") Integer disks,
        @JsonPropertyDescription("What else the volume serves; only dedicated is valid (FB-RETENTION).") RetentionUsage usage,
        @JsonPropertyDescription("True when the volume is locked (FB-RETENTION).") boolean locked) {}
