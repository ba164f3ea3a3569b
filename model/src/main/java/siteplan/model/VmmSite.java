package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("A Hyper-V site managed by VMM; replicates to a secondary VMM site, or between clouds of one VMM server (seed 003).")
public record VmmSite(
        @Required @JsonPropertyDescription("Site name, e.g. newyork.") String name,
        @JsonPropertyDescription("VMM servers.") List<VmmServer> servers,
        @JsonPropertyDescription("VMM clouds.") List<VmmCloud> clouds,
        @JsonPropertyDescription("Hyper-V hosts.") List<HyperVHost> hosts,
        @JsonPropertyDescription("Logical networks.") List<LogicalNetwork> logicalNetworks,
        @JsonPropertyDescription("VM networks.") List<VmNetwork> vmNetworks,
        @JsonPropertyDescription("Storage classifications.") List<StorageClassification> storageClassifications) {
    public VmmSite {
        servers = Lists.copy(servers);
        clouds = Lists.copy(clouds);
        hosts = Lists.copy(hosts);
        logicalNetworks = Lists.copy(logicalNetworks);
        vmNetworks = Lists.copy(vmNetworks);
        storageClassifications = Lists.copy(storageClassifications);
    }
}
