package siteplan.providers.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.StepResult;
import siteplan.model.Machine;
import siteplan.model.MachineKind;
import siteplan.model.ProtectionGroup;
import siteplan.model.SecretRef;
import siteplan.model.TargetDiskType;

/**
 * Protection of a machine the modernized way (provider InMageRcm), in the inputs azure-powershell's
 * New-AzRecoveryServicesAsrReplicationProtectedItem -ReplicateVMwareToAzure and Set-AzRecoveryServicesAsrReplicationProtectedItem send:
 * the machine is named by the id the appliance discovered it under in the vault's discovery site
 * (fabricDiscoveryMachineId: Microsoft.OffAzure/VMwareSites/…/machines/…), never by a protectable item; it is carried by
 * its group's appliance (the appliance's process server); its replica disks are managed disks of the group's type,
 * logged through the group's log storage account; it fails over into the group's resource group, network and subnet.
 */
final class RcmProtection {
    /**
     * The api-version of Azure Migrate's discovery sites (Microsoft.OffAzure) read here: the stable version whose published contract has
     * a VMware site's machines, run-as accounts and vCenters and a server site's machines and run-as accounts alike.
     */
    static final String OFF_AZURE_API = "2023-06-06";

    private final AzureVault vault;
    private final AzureConnection az;

    RcmProtection(AzureVault vault) {
        this.vault = vault;
        this.az = vault.az();
    }

    /** InMageRcmEnableProtectionInput: PUT the protected item under the discovered machine's name. */
    StepResult enable(Machine m, ProtectionGroup g) {
        JsonNode fabric = vault.fabric(m.site()).orElseThrow(() -> vault.notRegistered(m.site()));
        if (!RcmFabric.is(fabric)) {
            throw new OperationFailed("group " + g.name() + " replicates through replication appliance " + g.appliance() + ", but site " + m.site()
                    + " is registered with vault " + vault.target().vault() + " the classic way (a configuration server): a modernized group needs a modernized vault; nothing was sent");
        }
        JsonNode ps = processServer(fabric, g.appliance(), m.site());
        JsonNode container = vault.container(fabric, null);
        JsonNode discovered = discoveredMachine(fabric, m);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instanceType", "InMageRcm");
        d.put("fabricDiscoveryMachineId", discovered.path("id").asText());
        // Every disk the machine has replicates to managed disks of the group's type, logged through its log account (azure-powershell's disksDefault).
        d.put("disksDefault", Map.of("logStorageAccountId", logAccount(g), "diskType", diskType(g)));
        d.put("targetResourceGroupId", resourceGroup(g));
        var failover = siteplan.planner.state.ProtectedItem.failoverOf(m, g);
        if (failover != null && failover.network() != null) d.put("targetNetworkId", vault.network(failover.network()));
        if (failover != null && failover.subnet() != null) d.put("targetSubnetName", failover.subnet());
        d.put("targetVmName", failover != null && failover.azureName() != null ? failover.azureName() : m.name());
        if (failover != null && failover.vmSize() != null) d.put("targetVmSize", failover.vmSize());
        String account = runAsAccount(fabric, enableAccount(m, g), m);
        if (account != null) d.put("runAsAccountId", account);
        d.put("processServerId", ps.path("id").asText());
        // A multi-VM group recovers its machines to common points: Site Recovery groups them by this name.
        if (multiVmConsistency(g)) d.put("multiVmGroupName", g.name());
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("policyId", vault.id() + "/replicationPolicies/" + g.policy());
        props.put("providerSpecificDetails", d);
        String id = container.path("id").asText() + "/replicationProtectedItems/" + discovered.path("name").asText();
        String detail = "enabled protection of " + m.name() + " with policy " + g.policy() + " through replication appliance " + g.appliance()
                + " (the appliance pushes the Mobility agent)";
        AzureConnection.Reply enabled = az.write(HttpMethod.PUT, id, AzureVault.API, AzureVault.properties(props));
        if (failover == null || failover.ip() == null) return vault.finish(enabled, detail);
        // The address is set on the item's NIC once Site Recovery knows the NIC, as in the portal.
        vault.awaitDone(enabled, "enable protection of " + m.name());
        JsonNode item = vault.item(m.name());
        return vault.finish(update(m, g, item), detail + "; failover settings set");
    }

    /**
     * UpdateReplicationProtectedItemInput with InMageRcmUpdateReplicationProtectedItemInput, as azure-powershell sends it for InMageRcm:
     * the target name, size, resource group and network in the provider's input, and every NIC the item lists — the primary
     * with the declared subnet and address, the others as they are.
     */
    AzureConnection.Reply update(Machine m, ProtectionGroup g, JsonNode item) {
        JsonNode have = item.path("properties").path("providerSpecificDetails");
        var failover = siteplan.planner.state.ProtectedItem.failoverOf(m, g);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instanceType", "InMageRcm");
        String name = failover != null && failover.azureName() != null ? failover.azureName() : have.path("targetVmName").asText(m.name());
        d.put("targetVmName", name);
        String size = failover != null && failover.vmSize() != null ? failover.vmSize() : have.path("targetVmSize").asText(null);
        if (size != null) d.put("targetVmSize", size);
        d.put("targetResourceGroupId", resourceGroup(g));
        String network = failover != null && failover.network() != null ? vault.network(failover.network()) : have.path("targetNetworkId").asText(null);
        if (network != null) d.put("targetNetworkId", network);
        List<Map<String, Object>> nics = new ArrayList<>();
        JsonNode primary = RcmItems.primaryNic(have);
        for (JsonNode nic : have.path("vmNics")) {
            if (!nic.hasNonNull("nicId")) continue;
            boolean isPrimary = nic == primary;
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("nicId", nic.get("nicId").asText());
            n.put("isPrimaryNic", String.valueOf(isPrimary));
            n.put("isSelectedForFailover", nic.path("isSelectedForFailover").asText("true"));
            String subnet = isPrimary && failover != null && failover.subnet() != null ? failover.subnet() : nic.path("targetSubnetName").asText(null);
            String address = isPrimary && failover != null && failover.ip() != null ? failover.ip() : nic.path("targetIPAddress").asText(null);
            if (subnet != null) n.put("targetSubnetName", subnet);
            if (address != null && !address.isBlank()) n.put("targetStaticIPAddress", address);
            nics.add(n);
        }
        if (!nics.isEmpty()) d.put("vmNics", nics);
        else if (failover != null && (failover.subnet() != null || failover.ip() != null)) {
            throw new OperationFailed("Site Recovery reports no NIC of " + m.name() + " yet, so its failover subnet and address cannot be set: "
                    + "wait until its appliance has discovered the NICs (initial replication), then apply again");
        }
        return az.write(HttpMethod.PATCH, item.path("id").asText(), AzureVault.API, AzureVault.properties(Map.of("providerSpecificDetails", d)));
    }

    /** The appliance's process server in the site's fabric; refused with what to do when the appliance has not registered. */
    static JsonNode processServer(JsonNode fabric, String appliance, String site) {
        JsonNode ps = RcmFabric.processServer(fabric, appliance);
        if (ps == null) {
            throw new OperationFailed("replication appliance " + appliance + " of site " + site + " is not registered with the vault (registered: "
                    + (RcmFabric.names(fabric).isEmpty() ? "none" : String.join(", ", RcmFabric.names(fabric))) + "): deploy it and register it with the vault's key, then apply again");
        }
        return ps;
    }

    /**
     * The machine as the site's appliances discovered it: a VMware VM in the fabric's VMware discovery site, a physical server in its
     * server site, matched by display name (azure-powershell's Get-AzRecoveryServicesAsrProtectableItem -SiteId reads the same list).
     */
    JsonNode discoveredMachine(JsonNode fabric, Machine m) {
        JsonNode custom = fabric.path("properties").path("customDetails");
        String site = m.kind() == MachineKind.PHYSICAL ? custom.path("physicalSiteId").asText(null) : custom.path("vmwareSiteId").asText(null);
        List<JsonNode> found = new ArrayList<>();
        if (site != null && !site.isBlank()) {
            for (JsonNode machine : az.list(site + "/machines", OFF_AZURE_API)) {
                JsonNode mp = machine.path("properties");
                if (!mp.path("isDeleted").asBoolean(false) && m.name().equalsIgnoreCase(mp.path("displayName").asText())) found.add(machine);
            }
        }
        if (found.size() == 1) return found.get(0);
        if (found.size() > 1) {
            List<String> where = found.stream().map(x -> x.path("properties").path("vCenterFqdn").asText(x.path("name").asText())).toList();
            throw new OperationFailed("the appliances of " + m.site() + " discovered " + found.size() + " machines named '" + m.name() + "' (" + String.join(", ", where)
                    + "): Site Recovery would protect whichever siteplan picked — rename one in vCenter, then apply again");
        }
        throw new OperationFailed((m.kind() == MachineKind.PHYSICAL ? "physical server '" : "vm '") + m.name() + "' is not discovered by " + vault.names().discoveredBy(fabric)
                + " yet — Site Recovery protects only machines an appliance lists; check the machine's name"
                + (m.kind() == MachineKind.PHYSICAL ? " and add the server to the appliance's physical discovery" : " and that it runs in a vCenter the appliance discovers")
                + ", wait for the next discovery, then apply again");
    }

    /** The run-as account an appliance pushes with, by its name in the discovery site (runAsAccounts[].properties.displayName); null: the appliance picks. */
    String runAsAccount(JsonNode fabric, SecretRef ref, Machine m) {
        return runAsAccount(fabric, ref, m, m.kind() == MachineKind.PHYSICAL);
    }

    /** The same in the physical or the VMware discovery site: a physical server failed back is a VMware VM, found in the VMware site. */
    String runAsAccount(JsonNode fabric, SecretRef ref, Machine m, boolean physicalSite) {
        if (ref == null) return null;
        String name = ref.secret() != null ? ref.secret() : ref.env();
        JsonNode custom = fabric.path("properties").path("customDetails");
        String site = physicalSite ? custom.path("physicalSiteId").asText(null) : custom.path("vmwareSiteId").asText(null);
        List<String> held = new ArrayList<>();
        if (site != null && !site.isBlank()) {
            for (JsonNode a : az.list(site + "/runAsAccounts", OFF_AZURE_API)) {
                String display = a.path("properties").path("displayName").asText();
                if (name.equalsIgnoreCase(display)) return a.path("id").asText();
                held.add(display);
            }
        }
        throw new OperationFailed("the replication appliances of " + m.name() + "'s site hold no run-as account named '" + name + "' (they hold: "
                + (held.isEmpty() ? "none" : String.join(", ", held)) + "): add it in the appliance's configuration manager under that name, then apply again — "
                + "Site Recovery takes the account's id, never its password");
    }

    /**
     * The run-as account enable names for the push install, which Site Recovery needs (azure-powershell resolves one for every enable): the
     * machine's or group's push account, else the appliance's only run-as account; with several and none chosen, siteplan cannot know which
     * one fits the machine, and says so before anything is sent.
     */
    SecretRef enableAccount(Machine m, ProtectionGroup g) {
        SecretRef ref = pushAccount(m, g);
        if (ref != null) return ref;
        var accounts = appliance(m, g).map(a -> a.runAsAccounts()).orElse(List.of());
        if (accounts.size() == 1) return accounts.get(0);
        throw new OperationFailed("the Mobility agent of " + m.name() + " is push-installed with a run-as account of replication appliance " + g.appliance()
                + (accounts.isEmpty() ? ", which declares none: add runAsAccount secret('…') to it" : ", which declares " + accounts.size() + ": name the one for it (mobility { account secret('…') })")
                + ", then apply again; nothing was sent");
    }

    /** The replication appliance the machine's group declares, in the machine's site. */
    java.util.Optional<siteplan.model.ReplicationAppliance> appliance(Machine m, ProtectionGroup g) {
        return vault.estate().vmwareSites().stream().filter(v -> v.name().equals(m.site())).flatMap(v -> v.appliances().stream())
                .filter(a -> a.name().equals(g.appliance())).findFirst();
    }

    /** The account the Mobility agent is pushed with: the machine's own, else its group's; null when neither names one. */
    static SecretRef pushAccount(Machine m, ProtectionGroup g) {
        if (m.mobility() != null && m.mobility().account() != null) return m.mobility().account();
        return g.pushAccount();
    }

    String resourceGroup(ProtectionGroup g) {
        if (g.targetResourceGroup() == null) return vault.rg();
        return "/subscriptions/" + vault.target().subscription() + "/resourceGroups/" + g.targetResourceGroup();
    }

    String logAccount(ProtectionGroup g) {
        if (g.logStorageAccount() == null) {
            throw new OperationFailed("group " + g.name() + " names no logStorageAccount: Site Recovery logs modernized replication through a storage account of the vault's region; declare one, then apply again");
        }
        return vault.storageAccount(g.logStorageAccount());
    }

    static String diskType(ProtectionGroup g) {
        return (g.diskType() == null ? TargetDiskType.STANDARD_LRS : g.diskType()).azure();
    }

    private boolean multiVmConsistency(ProtectionGroup g) {
        return vault.estate().replicationPolicies().stream().anyMatch(p -> p.name().equals(g.policy()) && Boolean.TRUE.equals(p.multiVmConsistency()));
    }
}
