package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("What a machine becomes in Azure after failover.")
public record FailoverSettings(
        @JsonPropertyDescription("Azure VM name; the machine's name unless declared (SRC-NAME).") String azureName,
        @JsonPropertyDescription("Azure VM size, e.g. Standard_A4.") String vmSize,
        @JsonPropertyDescription("Target Azure virtual network.") String network,
        @JsonPropertyDescription("Target subnet.") String subnet,
        @JsonPropertyDescription("Static IP address in the target subnet.") String ip) {}
