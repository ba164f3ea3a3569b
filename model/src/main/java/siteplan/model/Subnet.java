package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("A subnet of an Azure virtual network.")
public record Subnet(
        @Required @JsonPropertyDescription("Subnet name; after failover a replica joins the subnet with its source subnet's name (MAP-SUBNET).") String name,
        @Required @JsonPropertyDescription("Address prefix in CIDR form, e.g. 10.10.1.0/24.") String prefix) {}
