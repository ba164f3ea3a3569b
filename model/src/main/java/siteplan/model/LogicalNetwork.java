package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("A VMM logical network, associated with clouds.")
public record LogicalNetwork(
        @Required @JsonPropertyDescription("Logical network name, e.g. LogicalNetwork1-NewYork.") String name,
        @JsonPropertyDescription("Clouds the logical network is associated with.") List<String> clouds) {
    public LogicalNetwork {
        clouds = Lists.copy(clouds);
    }
}
