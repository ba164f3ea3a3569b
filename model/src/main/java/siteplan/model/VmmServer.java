package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("A System Center VMM server registered with the vault.")
public record VmmServer(
        @Required @JsonPropertyDescription("Server name.") String name,
        @JsonPropertyDescription("Host name or address.") String address,
        @JsonPropertyDescription("VMM version; at least System Center 2012 SP1.") String version) {}
