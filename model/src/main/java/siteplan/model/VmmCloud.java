package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("A VMM cloud: the unit Site Recovery protects and recovers into (seed 003).")
public record VmmCloud(
        @Required @JsonPropertyDescription("Cloud name, e.g. GoldCloud1.") String name,
        @Required @JsonPropertyDescription("VMM server that owns the cloud.") String server,
        @JsonPropertyDescription("Capacity profile; every cloud needs Hyper-V (MAP-VMM).") String capacityProfile,
        @JsonPropertyDescription("Host groups in the cloud.") List<String> hostGroups) {
    public VmmCloud {
        hostGroups = Lists.copy(hostGroups);
    }
}
