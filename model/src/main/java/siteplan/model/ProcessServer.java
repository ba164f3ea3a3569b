package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

@JsonClassDescription("A process server: caches, compresses and encrypts replication data and pushes the Mobility service (seed 000 Table 2).")
public record ProcessServer(
        @Required @JsonPropertyDescription("Server name.") String name,
        @JsonPropertyDescription("on-premises (forward replication) or azure (failback, FB-PS-AZURE); on-premises unless declared.") ServerLocation location,
        @JsonPropertyDescription("Virtual CPUs (PS-SIZING).") Integer vcpu,
        @JsonPropertyDescription("Memory (PS-SIZING).") DataSize memory,
        @JsonPropertyDescription("Cache disk size; at least 600GB (PS-CACHE).") DataSize cacheDisk,
        @JsonPropertyDescription("Separate OS disk; 128GB or more recommended (PS-CACHE).") DataSize osDisk,
        @JsonPropertyDescription("Upload bandwidth towards Azure (PS-BANDWIDTH) used to estimate initial replication.") DataRate uplink,
        @JsonPropertyDescription("IP address.") String ip,
        @JsonPropertyDescription("Network the server is on; to discover a vCenter it must share its network (PS-VMWARE-DISCOVERY).") String network,
        @JsonPropertyDescription("Installed vSphere CLI version; 5.5.0 needed to discover a vCenter (PS-VMWARE-DISCOVERY).") String vsphereCli,
        @JsonPropertyDescription("For a process server in Azure: the deployment model of its network (FB-PS-AZURE).") DeploymentModel deploymentModel) {}
