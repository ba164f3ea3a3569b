package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("How initial replication of a Hyper-V VM happens (seed 003).")
public record InitialReplication(
        @Required @JsonPropertyDescription("network or offline (POL-HV-OFFLINE).") InitialReplicationMethod method,
        @JsonPropertyDescription("When network replication starts, HH:MM local time; immediately when omitted.") String startTime,
        @JsonPropertyDescription("Offline: where the source exports the initial copy; not on a Hyper-V host (POL-HV-OFFLINE).") String exportPath,
        @JsonPropertyDescription("Offline: where the replica site imports it from; not on a Hyper-V host (POL-HV-OFFLINE).") String importPath) {}
