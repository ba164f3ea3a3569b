package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("A network adapter of a protected machine.")
public record Nic(
        @Required @JsonPropertyDescription("Adapter name, unique within the machine.") String name,
        @Required @JsonPropertyDescription("Source network: a VMware port group or a VMM VM network (MAP-NET).") String network,
        @JsonPropertyDescription("Source subnet name; a replica joins the target subnet of the same name (MAP-SUBNET).") String subnet,
        @JsonPropertyDescription("IP address.") String ip) {}
