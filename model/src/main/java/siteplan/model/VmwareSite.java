package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("An on-premises VMware or physical site protected to Azure, with its Site Recovery component servers.")
public record VmwareSite(
        @Required @JsonPropertyDescription("Site name.") String name,
        @JsonPropertyDescription("vCenter or ESXi server; omit for a site of physical servers only.") Vcenter vcenter,
        @JsonPropertyDescription("ESXi hosts.") List<EsxiHost> hosts,
        @JsonPropertyDescription("Datastores.") List<Datastore> datastores,
        @JsonPropertyDescription("VM networks (port groups).") List<PortGroup> networks,
        @JsonPropertyDescription("internet, vpn or expressroute; chosen once (SRC-MECHANISM); internet unless declared.") ReplicationMechanism replication,
        @JsonPropertyDescription("Private link for failback: vpn or expressroute-private (FB-LINK); none unless declared.") FailbackConnection failbackConnection,
        @JsonPropertyDescription("The configuration server.") ConfigurationServer configurationServer,
        @JsonPropertyDescription("Process servers, on-premises and in Azure.") List<ProcessServer> processServers,
        @JsonPropertyDescription("Master target servers, in Azure and on-premises.") List<MasterTarget> masterTargets,
        @JsonPropertyDescription("Replication appliances (modernized architecture): they replace the configuration, process and master target servers.") List<ReplicationAppliance> appliances) {
    public VmwareSite {
        hosts = Lists.copy(hosts);
        datastores = Lists.copy(datastores);
        networks = Lists.copy(networks);
        processServers = Lists.copy(processServers);
        masterTargets = Lists.copy(masterTargets);
        appliances = Lists.copy(appliances);
    }
}
