package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("The vCenter server (or standalone ESXi host) that manages a VMware site.")
public record Vcenter(
        @Required @JsonPropertyDescription("Host name or IP address.") String address,
        @JsonPropertyDescription("HTTPS port; 443 unless declared.") Integer port,
        @JsonPropertyDescription("Reference to the account Site Recovery and siteplan use.") SecretRef credential,
        @JsonPropertyDescription("Rights of that account; read-only lets failover work but reprotection fail (FB-VCENTER-RW).") VcenterAccess access,
        @JsonPropertyDescription("vCenter version, e.g. 5.5 (SRC-VMWARE).") String version,
        @JsonPropertyDescription("simulated (the state folder; the default) or vsphere (discover this vCenter through its API).") ProviderKind provider,
        @JsonPropertyDescription("Account siteplan logs in to vCenter with, when provider is vsphere; its password is the credential.") String user,
        @JsonPropertyDescription("SHA-256 fingerprint of the vCenter's TLS certificate (hex, colons optional), to trust a self-signed certificate; otherwise the JVM's trusted authorities decide.") String thumbprint) {}
