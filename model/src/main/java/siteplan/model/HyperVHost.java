package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("A Hyper-V host server in a VMM host group.")
public record HyperVHost(
        @Required @JsonPropertyDescription("Host name.") String name,
        @Required @JsonPropertyDescription("Host group the host belongs to.") String hostGroup,
        @Required @JsonPropertyDescription("Windows Server version, e.g. 2012 R2 (POL-HV-HOSTOS, POL-HV-AUTH).") String windowsServer,
        @JsonPropertyDescription("Failover cluster the host belongs to, if any.") String cluster) {}
