package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;

@JsonClassDescription("A VMware/physical to Azure replication policy (seed 000 step 7, POL-FIELDS).")
public record ReplicationPolicy(
        @Required @JsonPropertyDescription("Policy name.") String name,
        @Required @JsonPropertyDescription("RPO threshold: an alert is raised when replication falls further behind, e.g. 15min.") Duration rpoThreshold,
        @Required @JsonPropertyDescription("How long recovery points are kept, e.g. 24h.") Duration retention,
        @Required @JsonPropertyDescription("How often an application-consistent snapshot is taken, e.g. 60min.") Duration appConsistentFrequency,
        @JsonPropertyDescription("Recover the machines of a group to one consistent point; Windows-only groups (POL-MULTIVM).") boolean multiVmConsistency) {}
