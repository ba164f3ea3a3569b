package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("The vCenter server (or standalone ESXi host) that manages a VMware site.")
public record Vcenter(
        @Required @JsonPropertyDescription("Host name or IP address.") String address,
        @JsonPropertyDescription("HTTPS port; 443 unless declared.") Integer port,
        @JsonPropertyDescription("Reference to the account Site Recovery and siteplan use.") SecretRef credential,
        @JsonPropertyDescription("Rights of that account; read-only lets failover work but reprotection fail (FB-VCENTER-RW).") VcenterAccess access,
        @JsonPropertyDescription("vCenter version, e.g. 5.5 (SRC-VMWARE).") String version) {}
