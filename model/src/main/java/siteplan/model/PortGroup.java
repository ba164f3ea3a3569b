package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("A VM network (port group) of a VMware site, or a LAN of physical servers.")
public record PortGroup(
        @Required @JsonPropertyDescription("Network name as vSphere shows it.") String name,
        @JsonPropertyDescription("Subnet of the network in CIDR form.") String subnet) {}
