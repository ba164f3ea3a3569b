package siteplan.providers.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import siteplan.executor.apply.Credentials;
import siteplan.executor.provider.ChangeOperations;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;
import siteplan.executor.secrets.Secrets;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;
import siteplan.model.Machine;
import siteplan.model.Membership;
import siteplan.model.ProtectionGroup;
import siteplan.planner.diff.Action;

/**
 * The Azure side of `apply`: each step through Site Recovery's REST surface. Writes answer 202 and run as
 * Site Recovery jobs; the step's job is the Azure-AsyncOperation URL, which {@link AzureJobs} polls.
 * The protection of machines is here; the estate around them is in {@link AzureInfrastructureChanges}.
 */
final class AzureChanges implements ChangeOperations {
    private final AzureVault vault;
    private final AzureConnection az;
    private final Estate estate;
    private final AzureTarget target;
    private final Membership membership;
    private final Credentials credentials;
    private final AzureInfrastructureChanges infrastructure;

    AzureChanges(AzureVault vault) {
        this.vault = vault;
        this.az = vault.az();
        this.estate = vault.estate();
        this.target = vault.target();
        this.membership = Membership.of(estate);
        this.credentials = new Credentials(estate);
        this.infrastructure = new AzureInfrastructureChanges(vault);
    }

    @Override public StepResult apply(Step step, Secrets secrets) {
        // Credentials are resolved only inside the step that needs them, to prove they are set.
        credentials.forStep(step).forEach(c -> secrets.resolve(c.ref(), c.purpose()));
        return switch (step.type()) {
            case VAULT -> infrastructure.vaultStep();
            case STORAGE_ACCOUNT -> infrastructure.storageAccount(step);
            case AZURE_NETWORK -> infrastructure.network(step);
            case SITE, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET -> infrastructure.registered(step);
            case VCENTER -> infrastructure.vcenter(step);
            case POLICY -> infrastructure.policy(step);
            case NETWORK_MAPPING -> infrastructure.networkMapping(step);
            case STORAGE_MAPPING -> infrastructure.storageMapping(step);
            case PROTECTION -> protection(step);
            case MOBILITY -> mobility(step);
            case RECOVERY_PLAN -> infrastructure.recoveryPlan(step);
        };
    }

    private StepResult protection(Step s) {
        Machine m = estate.machine(s.name()).orElse(null);
        JsonNode have = vault.itemNode(s.name()).orElse(null);
        if (s.action() == Action.DELETE) {
            if (have == null) return StepResult.already(s.name() + " is not protected");
            return vault.finish(disable(have), "disabled protection of " + s.name() + " (recovery points are deleted)");
        }
        if (m == null) throw new OperationFailed("machine " + s.name() + " is not declared");
        ProtectionGroup g = membership.groupOf(m.name()).orElseThrow(() -> new OperationFailed(m.name() + " is in no protection group"));
        if (s.action() == Action.REPROTECT) {
            if (have == null) throw new OperationFailed(m.name() + " is not protected, so it cannot be reprotected");
            return vault.reprotect(have, m.name());
        }
        if (have != null && (s.action() == Action.RE_REPLICATE || s.action() == Action.REPLACE)) {
            // SRC-RESIZE / a new master target: protection is disabled and enabled again.
            vault.awaitDone(disable(have), "disable protection of " + m.name());
            have = null;
        }
        if (have != null) {
            if (s.action() == Action.CREATE) return StepResult.already(m.name() + " is protected");
            return vault.finish(az.write(HttpMethod.PATCH, have.path("id").asText(), AzureConnection.ASR_API, Map.of("properties", failoverSettings(m))),
                    "updated failover settings of " + m.name());
        }
        if (m.kind() == siteplan.model.MachineKind.HYPERV_VM) return enableHyperV(m, g);
        JsonNode fabric = vault.fabric(m.site()).orElseThrow(() -> vault.notRegistered(m.site()));
        JsonNode custom = fabric.path("properties").path("customDetails");
        JsonNode ps = AzureVault.find(custom.path("processServers"), "friendlyName", g.processServer());
        JsonNode mt = AzureVault.find(custom.path("masterTargetServers"), "name", g.masterTarget());
        if (g.processServer() != null && ps == null) throw new OperationFailed("process server " + g.processServer() + " of group " + g.name() + " is not registered with vault " + target.vault());
        if (g.masterTarget() != null && mt == null) throw new OperationFailed("master target " + g.masterTarget() + " of group " + g.name() + " is not registered with vault " + target.vault());
        String container = vault.container(fabric);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instanceType", "InMageAzureV2");
        details.put("multiVmGroupName", g.name());
        if (ps != null) details.put("processServerId", ps.path("id").asText());
        if (mt != null) details.put("masterTargetId", mt.path("id").asText());
        if (g.storageAccount() != null) details.put("storageAccountId", vault.rg() + "/providers/Microsoft.Storage/storageAccounts/" + g.storageAccount());
        details.put("disksToInclude", m.disks().stream().map(d -> d.name()).toList());
        if (m.failover() != null && m.failover().network() != null) {
            details.put("targetAzureNetworkId", vault.rg() + "/providers/Microsoft.Network/virtualNetworks/" + m.failover().network());
            if (m.failover().subnet() != null) details.put("targetAzureSubnetId", vault.rg() + "/providers/Microsoft.Network/virtualNetworks/" + m.failover().network() + "/subnets/" + m.failover().subnet());
        }
        if (m.failover() != null && m.failover().azureName() != null) details.put("targetAzureVmName", m.failover().azureName());
        Map<String, Object> props = Map.of("policyId", vault.id() + "/replicationPolicies/" + g.policy(),
                "protectableItemId", fabric.path("id").asText() + "/replicationProtectionContainers/" + container + "/replicationProtectableItems/" + m.name(),
                "providerSpecificDetails", details);
        String id = fabric.path("id").asText() + "/replicationProtectionContainers/" + container + "/replicationProtectedItems/" + m.name();
        String detail = "enabled protection of " + m.name() + " with policy " + g.policy() + " (the Mobility service is pushed with the group's account)";
        AzureConnection.Reply enabled = az.write(HttpMethod.PUT, id, AzureConnection.ASR_API, Map.of("properties", props));
        if (m.failover() == null || (m.failover().vmSize() == null && m.failover().ip() == null)) return vault.finish(enabled, detail);
        // Size and address are set on the protected item once it exists, as in the portal.
        vault.awaitDone(enabled, "enable protection of " + m.name());
        return vault.finish(az.write(HttpMethod.PATCH, id, AzureConnection.ASR_API, Map.of("properties", failoverSettings(m))), detail + "; failover settings set");
    }

    /** Seed 003: a Hyper-V VM in its group's source cloud, replicated by Hyper-V Replica under the group's policy. */
    private StepResult enableHyperV(Machine m, ProtectionGroup g) {
        JsonNode fabric = vault.fabric(m.site()).orElseThrow(() -> vault.notRegistered(m.site()));
        String container = fabric.path("id").asText() + "/replicationProtectionContainers/" + g.sourceCloud();
        Map<String, Object> props = Map.of("policyId", vault.id() + "/replicationPolicies/" + g.policy(),
                "protectableItemId", container + "/replicationProtectableItems/" + m.name(),
                "providerSpecificDetails", Map.of("instanceType", "HyperVReplica2012R2"));
        return vault.finish(az.write(HttpMethod.PUT, container + "/replicationProtectedItems/" + m.name(), AzureConnection.ASR_API, Map.of("properties", props)),
                "enabled protection of " + m.name() + " from cloud " + g.sourceCloud() + " to " + g.targetCloud() + " with policy " + g.policy());
    }

    /** Disable protection: Site Recovery stops replicating the item and deletes its recovery points. */
    private AzureConnection.Reply disable(JsonNode item) {
        return az.write(HttpMethod.POST, item.path("id").asText() + "/remove", AzureConnection.ASR_API, Map.of("properties", Map.of("disableProtectionReason", "NotSpecified")));
    }

    private Map<String, Object> failoverSettings(Machine m) {
        Map<String, Object> p = new LinkedHashMap<>();
        var f = m.failover();
        if (f == null) return p;
        if (f.azureName() != null) p.put("recoveryAzureVMName", f.azureName());
        if (f.vmSize() != null) p.put("recoveryAzureVMSize", f.vmSize());
        if (f.network() != null) p.put("selectedRecoveryAzureNetworkId", vault.rg() + "/providers/Microsoft.Network/virtualNetworks/" + f.network());
        Map<String, Object> nic = new LinkedHashMap<>();
        nic.put("nicId", "nic0");
        if (f.subnet() != null) nic.put("selectedSubnetName", f.subnet());
        if (f.ip() != null) nic.put("replicaNicStaticIPAddress", f.ip());
        p.put("vmNics", List.of(nic));
        return p;
    }

    private StepResult mobility(Step s) {
        JsonNode item = vault.itemNode(s.name()).orElseThrow(() -> new OperationFailed(s.name() + " is not protected yet; the Mobility service is pushed when protection is enabled"));
        Machine m = estate.machine(s.name()).orElseThrow();
        String have = item.path("properties").path("providerSpecificDetails").path("agentVersion").asText(null);
        if (m.mobility() == null || m.mobility().version() == null || m.mobility().version().equals(have)) return StepResult.already("Mobility service of " + s.name() + " is " + have);
        return vault.finish(az.write(HttpMethod.POST, item.path("id").asText() + "/updateMobilityService", AzureConnection.ASR_API, Map.of("properties", Map.of("runAsAccountId", "push"))),
                "updating the Mobility service of " + s.name() + " from " + have + " to " + m.mobility().version());
    }
}
