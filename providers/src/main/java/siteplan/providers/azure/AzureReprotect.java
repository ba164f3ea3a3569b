package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.StepResult;
import siteplan.model.MasterTarget;
import siteplan.model.ProcessServer;
import siteplan.model.ServerLocation;
import siteplan.model.VmwareSite;

/**
 * Reprotect in the input the item's replication provider takes (as azure-powershell's
 * Update-AzRecoveryServicesAsrProtectionDirection chooses it):
 * <ul>
 * <li>an InMageAzureV2 item, failed over to Azure, is reprotected towards VMware with InMage: the process
 *     server in Azure (FB-PS-AZURE), the on-premises master target, its retention drive and datastore, and
 *     the failback policy (profileId, FB-POLICY);</li>
 * <li>an InMage item, failed back to VMware, is reprotected towards Azure again with InMageAzureV2: the
 *     group's process server, master target and policy;</li>
 * <li>a Hyper-V Replica item (VMM → VMM) takes no provider input.</li>
 * </ul>
 */
final class AzureReprotect {
    private final AzureVault vault;

    AzureReprotect(AzureVault vault) {
        this.vault = vault;
    }

    StepResult start(JsonNode item, String machine) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("failoverDirection", AzureVault.reprotectDirection(item));
        String provider = AzureVault.provider(item);
        if (provider.equals("InMageAzureV2")) props.put("providerSpecificDetails", towardsVmware(item, machine));
        else if (provider.equals("InMage")) props.put("providerSpecificDetails", towardsAzure(item, machine));
        else if (provider.equals("InMageRcm")) props.put("providerSpecificDetails", rcmTowardsVmware(machine));
        else if (provider.equals("InMageRcmFailback")) props.put("providerSpecificDetails", rcmTowardsAzure(machine));
        else if (!provider.startsWith("HyperVReplica")) {
            throw new OperationFailed("reprotect of " + machine + ": its replication provider " + provider + " is not one siteplan reprotects (InMageAzureV2, InMage, InMageRcm, InMageRcmFailback, HyperVReplica2012R2)");
        }
        return vault.finish(vault.post(item, "reProtect", AzureVault.properties(props)), "reprotecting " + machine);
    }

    private VmwareSite site(String machine) {
        String site = vault.estate().machine(machine).map(m -> m.site()).orElse(null);
        return vault.estate().vmwareSites().stream().filter(s -> s.name().equals(site)).findFirst()
                .orElseThrow(() -> new OperationFailed("reprotect of " + machine + ": its VMware site is not declared"));
    }

    private JsonNode fabric(VmwareSite site) {
        return vault.fabric(site.name()).orElseThrow(() -> vault.notRegistered(site.name()));
    }

    /** InMageReprotectInput: Azure → VMware (seed 001). */
    private Map<String, Object> towardsVmware(JsonNode item, String machine) {
        VmwareSite site = site(machine);
        JsonNode fabric = fabric(site);
        ProcessServer ps = site.processServers().stream().filter(p -> p.location() == ServerLocation.AZURE).findFirst()
                .orElseThrow(() -> new OperationFailed("FB-PS-AZURE reprotect of " + machine + " towards " + site.name() + " needs a process server in Azure; declare and deploy one, then run again"));
        MasterTarget mt = site.masterTargets().stream().filter(m -> m.location() == ServerLocation.ON_PREMISES).findFirst()
                .orElseThrow(() -> new OperationFailed("FB-MT-OS reprotect of " + machine + " towards " + site.name() + " needs an on-premises master target; declare and deploy one, then run again"));
        JsonNode psNode = registered(AzureVault.processServer(fabric, ps.name()), "process server " + ps.name(), site);
        JsonNode mtNode = registered(AzureVault.masterTarget(fabric, mt.name()), "master target " + mt.name(), site);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instanceType", "InMage");
        d.put("masterTargetId", mtNode.path("id").asText());
        d.put("processServerId", psNode.path("id").asText());
        d.put("retentionDrive", retentionDrive(mtNode, mt, machine));
        String datastore = datastore(mtNode, mt);
        if (datastore != null) d.put("datastoreName", datastore);
        d.put("profileId", failbackPolicy(fabric, machine));
        // Azure's temporary disk stays behind (Update-AzRecoveryServicesAsrProtectionDirection sends the same).
        d.put("diskExclusionInput", Map.of("volumeOptions", List.of(Map.of("volumeLabel", "Temporary Storage", "onlyExcludeIfSingleVolume", "Yes"))));
        return d;
    }

    /** InMageAzureV2ReprotectInput: VMware → Azure again, after failback (seed 002). */
    private Map<String, Object> towardsAzure(JsonNode item, String machine) {
        VmwareSite site = site(machine);
        JsonNode fabric = fabric(site);
        var group = siteplan.model.Membership.of(vault.estate()).groupOf(machine)
                .orElseThrow(() -> new OperationFailed("reprotect of " + machine + ": it is in no protection group"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instanceType", "InMageAzureV2");
        if (group.processServer() != null) d.put("processServerId", registered(AzureVault.processServer(fabric, group.processServer()), "process server " + group.processServer(), site).path("id").asText());
        if (group.masterTarget() != null) d.put("masterTargetId", registered(AzureVault.masterTarget(fabric, group.masterTarget()), "master target " + group.masterTarget(), site).path("id").asText());
        else if (d.containsKey("processServerId")) d.put("masterTargetId", d.get("processServerId"));
        if (group.storageAccount() != null) d.put("logStorageAccountId", vault.storageAccount(group.storageAccount()));
        d.put("policyId", vault.id() + "/replicationPolicies/" + group.policy());
        return d;
    }

    /**
     * InMageRcmReprotectInput: a modernized machine failed over to Azure replicates back to VMware through its group's failback
     * appliance (its reprotect agent), into the group's failback datastore, logged through the group's log account, under the
     * failback twin of its policy (RCM-FAILBACK-APPLIANCE, RCM-FAILBACK-DATASTORE check the same at plan time).
     */
    private Map<String, Object> rcmTowardsVmware(String machine) {
        VmwareSite site = site(machine);
        JsonNode fabric = fabric(site);
        var group = group(machine);
        String appliance = group.failbackAppliance() != null ? group.failbackAppliance() : group.appliance();
        JsonNode agent = RcmFabric.reprotectAgent(fabric, appliance);
        if (agent == null) {
            throw new OperationFailed("RCM-FAILBACK-APPLIANCE reprotect of " + machine + " towards " + site.name() + ": replication appliance " + appliance
                    + " has no reprotect agent registered with vault " + vault.target().vault() + "; deploy and register it, then run again");
        }
        String datastore = group.failbackDatastore() != null ? group.failbackDatastore()
                : vault.estate().machine(machine).map(m -> m.datastore()).orElse(null);
        if (datastore == null) {
            throw new OperationFailed("RCM-FAILBACK-DATASTORE reprotect of " + machine + " towards " + site.name() + " needs the datastore to fail back into: declare failbackDatastore in group " + group.name());
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instanceType", "InMageRcm");
        d.put("reprotectAgentId", agent.path("id").asText());
        d.put("datastoreName", datastore);
        d.put("logStorageAccountId", new RcmProtection(vault).logAccount(group));
        d.put("policyId", vault.id() + "/replicationPolicies/" + group.policy() + "-failback");
        return d;
    }

    /** InMageRcmFailbackReprotectInput: a modernized machine failed back replicates to Azure again through its group's appliance, under its policy. */
    private Map<String, Object> rcmTowardsAzure(String machine) {
        VmwareSite site = site(machine);
        JsonNode fabric = fabric(site);
        var group = group(machine);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instanceType", "InMageRcmFailback");
        d.put("processServerId", RcmProtection.processServer(fabric, group.appliance(), site.name()).path("id").asText());
        var m = vault.estate().machine(machine).orElseThrow();
        // Failed back, a physical server runs as a VMware VM: its account is found in the VMware discovery site (as azure-powershell's -SiteId).
        String account = new RcmProtection(vault).runAsAccount(fabric, RcmProtection.pushAccount(m, group), m, false);
        if (account != null) d.put("runAsAccountId", account);
        d.put("policyId", vault.id() + "/replicationPolicies/" + group.policy());
        return d;
    }

    private siteplan.model.ProtectionGroup group(String machine) {
        return siteplan.model.Membership.of(vault.estate()).groupOf(machine)
                .orElseThrow(() -> new OperationFailed("reprotect of " + machine + ": it is in no protection group"));
    }

    private JsonNode registered(JsonNode node, String what, VmwareSite site) {
        if (node == null) throw new OperationFailed(what + " of site " + site.name() + " is not registered with vault " + vault.target().vault() + ": register it with the configuration server, then run again");
        return node;
    }

    /** The master target's retention volume as Site Recovery lists it (retentionVolumes[].volumeName), else the declared path. */
    private static String retentionDrive(JsonNode mtNode, MasterTarget mt, String machine) {
        String declared = mt.retention() == null ? null : mt.retention().path();
        JsonNode volumes = mtNode.path("retentionVolumes");
        if (declared != null) {
            JsonNode v = AzureVault.find(volumes, "volumeName", declared);
            if (v != null) return v.path("volumeName").asText();
        }
        if (volumes.size() > 0) return volumes.get(0).path("volumeName").asText();
        if (declared != null) return declared;
        throw new OperationFailed("FB-RETENTION reprotect of " + machine + ": master target " + mt.name() + " reports no retention volume; add one, then run again");
    }

    private static String datastore(JsonNode mtNode, MasterTarget mt) {
        JsonNode stores = mtNode.path("dataStores");
        if (mt.datastore() != null) {
            JsonNode s = AzureVault.find(stores, "symbolicName", mt.datastore());
            return s != null ? s.path("symbolicName").asText() : mt.datastore();
        }
        return stores.size() > 0 ? stores.get(0).path("symbolicName").asText() : null;
    }

    /**
     * The failback policy associated with the configuration server (its container's mapping to an InMage policy), as
     * azure-powershell takes profileId from that mapping; else the group policy's "-failback" twin, else the vault's one failback policy.
     */
    private String failbackPolicy(JsonNode fabric, String machine) {
        List<JsonNode> policies = vault.az().list(vault.id() + "/replicationPolicies", AzureVault.API).stream()
                .filter(x -> "InMage".equals(x.path("properties").path("providerSpecificDetails").path("instanceType").asText())).toList();
        JsonNode container = vault.container(fabric, null);
        for (JsonNode m : vault.az().list(container.path("id").asText() + "/replicationProtectionContainerMappings", AzureVault.API)) {
            String policy = m.path("properties").path("policyId").asText();
            for (JsonNode p : policies) if (p.path("id").asText().equalsIgnoreCase(policy)) return p.path("id").asText();
        }
        String twin = siteplan.model.Membership.of(vault.estate()).groupOf(machine).map(g -> g.policy() + "-failback").orElse(null);
        Optional<JsonNode> p = policies.stream().filter(x -> x.path("name").asText().equalsIgnoreCase(String.valueOf(twin))).findFirst();
        if (p.isEmpty() && policies.size() == 1) p = Optional.of(policies.get(0));
        return p.map(x -> x.path("id").asText())
                .orElseThrow(() -> new OperationFailed("FB-POLICY reprotect of " + machine + ": vault " + vault.target().vault() + " has no failback (InMage) policy associated with the configuration server — apply the VMware policy, which creates and associates it, then run again"));
    }
}
