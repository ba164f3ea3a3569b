package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("The configuration server that coordinates protection of a VMware/physical site (seed 000 step 2).")
public record ConfigurationServer(
        @Required @JsonPropertyDescription("Server name.") String name,
        @Required @JsonPropertyDescription("azure (a Standard A3 VM in the vault's subscription) or on-premises.") ServerLocation location,
        @JsonPropertyDescription("IP address; in Azure not one of the subnet's first four addresses (CS-IP).") String ip,
        @JsonPropertyDescription("Network the server joins: an Azure virtual network or an on-premises VM network.") String network,
        @JsonPropertyDescription("Subnet within that network.") String subnet,
        @JsonPropertyDescription("Reference to the server's registration passphrase (MOB-PASSPHRASE).") SecretRef passphrase,
        @JsonPropertyDescription("Number of NICs; retained IPs on failback need two (FB-CS).") Integer nics,
        @JsonPropertyDescription("Azure VM size; Standard_A3 unless declared (CS-SIZE).") String vmSize) {}
