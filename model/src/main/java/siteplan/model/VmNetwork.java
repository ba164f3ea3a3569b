package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("A VMM VM network, linked to a logical network; the unit of network mapping (MAP-NET).")
public record VmNetwork(
        @Required @JsonPropertyDescription("VM network name, e.g. VMNetwork1-NewYork.") String name,
        @Required @JsonPropertyDescription("Logical network it is linked to.") String logicalNetwork,
        @JsonPropertyDescription("Subnet in CIDR form.") String subnet) {}
