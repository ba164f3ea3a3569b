package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

/**
 * The modernized architecture's one on-premises component: it discovers the site's machines, pushes the Mobility
 * agent and carries replication with its built-in process server. It replaces the classic configuration, process
 * and master target servers; to scale out, a site adds appliances (each has its own process server).
 */
@JsonClassDescription("An Azure Site Recovery replication appliance (modernized architecture): discovery, agent push and replication for a VMware/physical site.")
public record ReplicationAppliance(
        @Required @JsonPropertyDescription("Appliance name, as registered in the vault (it cannot be renamed once registered).") String name,
        @JsonPropertyDescription("Virtual CPUs (RCM-APPLIANCE-SIZE).") Integer vcpu,
        @JsonPropertyDescription("Memory (RCM-APPLIANCE-SIZE).") DataSize memory,
        @JsonPropertyDescription("Cache disk size (RCM-APPLIANCE-SIZE).") DataSize cacheDisk,
        @JsonPropertyDescription("IP address.") String ip,
        @JsonPropertyDescription("VM network the appliance is on.") String network,
        @JsonPropertyDescription("The vCenter the appliance discovers; the site's vCenter unless declared; none for physical servers only.") String vcenter,
        @JsonPropertyDescription("Upload bandwidth towards Azure, used to estimate initial replication.") DataRate uplink,
        @JsonPropertyDescription("References to the run-as accounts the appliance pushes the Mobility agent with (Windows administrator, Linux root).") List<SecretRef> runAsAccounts,
        @JsonPropertyDescription("Keep the Mobility agents of machines it replicates upgraded by Site Recovery (agent auto-upgrade, InMageRcmUpdateContainerMappingInput); true unless declared. The plan shows a change of it as an update of the appliance.") Boolean agentAutoUpgrade) {
    public ReplicationAppliance {
        runAsAccounts = Lists.copy(runAsAccounts);
    }

    /** Auto-upgrade is Site Recovery's default for modernized container mappings. */
    public boolean autoUpgrade() {
        return agentAutoUpgrade == null || agentAutoUpgrade;
    }
}
