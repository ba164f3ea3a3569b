package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import siteplan.units.DataSize;

@JsonClassDescription("A vSphere datastore.")
public record Datastore(
        @Required @JsonPropertyDescription("Datastore name.") String name,
        @Required @JsonPropertyDescription("vmfs or nfs (FB-VMFS).") DatastoreType type,
        @JsonPropertyDescription("Capacity, e.g. 10TB.") DataSize capacity,
        @JsonPropertyDescription("ESXi host that mounts it; omit for a datastore shared by every host.") String host) {}
