package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.VmDisk;
import siteplan.units.DataSize;

/**
 * A modernized protected item read as the planner's {@link ProtectedItem}: InMageRcmReplicationDetails while it
 * replicates to Azure, InMageRcmFailbackReplicationDetails while it replicates from Azure back to VMware. The
 * appliance stands where a classic item's process server does (its process server, or for failback its reprotect
 * agent, both named for the appliance), the log storage account where a classic item's account does; the target
 * resource group and the replica disks' type are read into the failover settings.
 */
final class RcmItems {
    private RcmItems() {}

    /**
     * @param machine the machine's name: the display name of the machine its appliance discovered where known, else the item's
     *                friendlyName (which is the target VM's name given at enable, not necessarily the machine's)
     */
    static ProtectedItem item(JsonNode i, String machine, String site, boolean managed, AsrNames names) {
        JsonNode p = i.path("properties"), d = p.path("providerSpecificDetails");
        boolean failback = "InMageRcmFailback".equals(d.path("instanceType").asText());
        // A failback item replicates from Azure to VMware and names Azure its primary side (activeLocation Primary while the
        // machine runs in Azure, Recovery once it failed over back): in siteplan's terms the other way round.
        ProtectedItem.ActiveLocation where = AsrStates.location(p);
        if (failback) where = where == ProtectedItem.ActiveLocation.PRIMARY ? ProtectedItem.ActiveLocation.RECOVERY : ProtectedItem.ActiveLocation.PRIMARY;
        List<VmDisk> disks = new ArrayList<>();
        for (JsonNode disk : d.path("protectedDisks")) {
            disks.add(new VmDisk(disk.path("diskName").asText(), new DataSize(disk.path("capacityInBytes").asLong()), null));
        }
        JsonNode first = d.path("protectedDisks").path(0);
        String appliance = failback ? d.path("reprotectAgentName").asText(null) : d.path("processServerName").asText(null);
        String log = AzureDiscovery.last(failback ? d.path("logStorageAccountId").asText(null) : first.path("logStorageAccountId").asText(null));
        ProtectedItem.Failover failover = null;
        if (!failback) {
            JsonNode nic = primaryNic(d);
            failover = new ProtectedItem.Failover(d.path("targetVmName").asText(null), d.path("targetVmSize").asText(null),
                    AzureDiscovery.last(d.path("targetNetworkId").asText(null)), nic.path("targetSubnetName").asText(null), blankToNull(nic.path("targetIPAddress").asText(null)),
                    AzureDiscovery.last(d.path("targetResourceGroupId").asText(null)), RcmFabric.diskType(first.path("diskType").asText(null)));
        }
        JsonNode agent = d.path("mobilityAgentDetails");
        ProtectedItem.Mobility mobility = agent.hasNonNull("version") ? new ProtectedItem.Mobility(agent.get("version").asText(), java.util.Map.of()) : null;
        String tfo = AsrStates.testFailoverActive(p) && d.hasNonNull("testNetworkId") ? AzureDiscovery.last(d.get("testNetworkId").asText()) : null;
        String policy = p.path("policyFriendlyName").asText(null);
        // The definition's group holds the machine; a multi-VM group Site Recovery names is the group of that name.
        String group = names.group(machine, failback ? null : policy);
        if (group == null && d.hasNonNull("multiVmGroupName") && !d.get("multiVmGroupName").asText().equalsIgnoreCase(machine)) group = d.get("multiVmGroupName").asText();
        return new ProtectedItem(machine, site, group, policy, appliance, null, log, AsrStates.state(p, where), p.path("replicationHealth").asText("Normal").toLowerCase(java.util.Locale.ROOT),
                where, disks, failover, mobility, managed, tfo);
    }

    /** The NIC Site Recovery fails over as the primary one (isPrimaryNic "true"), else the first. */
    static JsonNode primaryNic(JsonNode details) {
        for (JsonNode nic : details.path("vmNics")) if ("true".equalsIgnoreCase(nic.path("isPrimaryNic").asText())) return nic;
        return details.path("vmNics").path(0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
