package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("Maps a source network to the network replicas join after failover (MAP-NET).")
public record NetworkMapping(
        @Required @JsonPropertyDescription("Source network: a VMware port group or VMM VM network, as site/name when names repeat.") String source,
        @Required @JsonPropertyDescription("Target network: an Azure virtual network or VMM VM network.") String target) {}
