package siteplan.providers.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import siteplan.executor.apply.Credentials;
import siteplan.executor.provider.ChangeOperations;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;
import siteplan.executor.secrets.Secrets;
import siteplan.model.Estate;
import siteplan.model.Machine;
import siteplan.model.Membership;
import siteplan.model.ProtectionGroup;
import siteplan.model.SecretRef;
import siteplan.planner.diff.Action;

/**
 * The Azure side of `apply`: each step through Site Recovery's REST surface, in the input types the
 * published contract gives each scenario (VMware/physical → Azure: InMageAzureV2; Hyper-V VMM → VMM: no
 * provider input). Writes answer 202 and run as Site Recovery jobs ({@link AzureJobs}). The protection
 * of machines is here; the estate around them is in {@link AzureInfrastructureChanges}.
 */
final class AzureChanges implements ChangeOperations {
    private final AzureVault vault;
    private final AzureConnection az;
    private final Estate estate;
    private final Membership membership;
    private final Credentials credentials;
    private final AzureInfrastructureChanges infrastructure;
    private final AzureReprotect reprotect;
    private final RcmProtection rcm;

    AzureChanges(AzureVault vault) {
        this.vault = vault;
        this.az = vault.az();
        this.estate = vault.estate();
        this.membership = Membership.of(estate);
        this.credentials = new Credentials(estate);
        this.infrastructure = new AzureInfrastructureChanges(vault);
        this.reprotect = new AzureReprotect(vault);
        this.rcm = new RcmProtection(vault);
    }

    @Override public StepResult apply(Step step, Secrets secrets) {
        // Credentials are resolved only inside the step that needs them, to prove they are set.
        credentials.forStep(step).forEach(c -> secrets.resolve(c.ref(), c.purpose()));
        return switch (step.type()) {
            case VAULT -> infrastructure.vaultStep();
            case STORAGE_ACCOUNT -> infrastructure.storageAccount(step);
            case AZURE_NETWORK -> infrastructure.network(step);
            case SITE, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET, APPLIANCE -> infrastructure.registered(step);
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
            return reprotect.start(have, m.name());
        }
        if (g.appliance() != null) return modernized(s, m, g, have);
        if (have != null && (s.action() == Action.RE_REPLICATE || s.action() == Action.REPLACE)) {
            // SRC-RESIZE / a new master target: protection is disabled and enabled again.
            vault.awaitDone(disable(have), "disable protection of " + m.name());
            have = null;
        }
        if (have != null) {
            if (s.action() == Action.CREATE) return StepResult.already(m.name() + " is protected");
            return vault.finish(az.write(HttpMethod.PATCH, have.path("id").asText(), AzureVault.API, AzureVault.properties(failoverSettings(m, have))),
                    "updated failover settings of " + m.name());
        }
        if (m.kind() == siteplan.model.MachineKind.HYPERV_VM) return enableHyperV(m, g);
        JsonNode fabric = vault.fabric(m.site()).orElseThrow(() -> vault.notRegistered(m.site()));
        JsonNode ps = AzureVault.processServer(fabric, g.processServer());
        JsonNode mt = AzureVault.masterTarget(fabric, g.masterTarget());
        if (g.processServer() != null && ps == null) throw new OperationFailed("process server " + g.processServer() + " of group " + g.name() + " is not registered with vault " + vault.target().vault());
        if (g.masterTarget() != null && mt == null) throw new OperationFailed("master target " + g.masterTarget() + " of group " + g.name() + " is not registered with vault " + vault.target().vault());
        JsonNode container = vault.container(fabric, null);
        JsonNode protectable = vault.protectable(fabric, container, m.name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instanceType", "InMageAzureV2");
        // A named replication group only for multi-VM consistency (POL-MULTIVM): its name and id, the id of the group's
        // earlier machines when there are some, as azure-powershell's New-AzRecoveryServicesAsrReplicationProtectedItem does.
        if (multiVmConsistency(g)) {
            details.put("multiVmGroupName", g.name());
            details.put("multiVmGroupId", groupId(g.name()));
        }
        if (ps != null) details.put("processServerId", ps.path("id").asText());
        // Without a master target of its own the process server's machine receives the disks ("PS and MT are the same").
        if (mt != null || ps != null) details.put("masterTargetId", (mt != null ? mt : ps).path("id").asText());
        String account = runAsAccount(fabric, pushAccount(m, g), m.name());
        if (account != null) details.put("runAsAccountId", account);
        // Replication lands on managed disks; the group's storage account is the log (cache) account (replicating to a
        // storage account was retired in 2019).
        String log = g.storageAccount() == null ? null : vault.storageAccount(g.storageAccount());
        if (log != null) details.put("logStorageAccountId", log);
        details.put("diskType", DISK_TYPE);
        List<Map<String, Object>> disks = disksToInclude(protectable, m, log);
        if (!disks.isEmpty()) details.put("disksToInclude", disks);
        var f = m.failover();
        if (f != null && f.network() != null) {
            details.put("targetAzureNetworkId", vault.network(f.network()));
            // Microsoft's client sends the subnet's name here, whatever the field's name says.
            if (f.subnet() != null) details.put("targetAzureSubnetId", f.subnet());
        }
        details.put("targetAzureVmName", f != null && f.azureName() != null ? f.azureName() : m.name());
        if (f != null && f.vmSize() != null) details.put("targetVmSize", f.vmSize());
        details.put("targetAzureV2ResourceGroupId", vault.rg());
        details.put("enableRdpOnTargetOption", "Never");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("policyId", vault.id() + "/replicationPolicies/" + g.policy());
        props.put("protectableItemId", protectable.path("id").asText());
        props.put("providerSpecificDetails", details);
        // Site Recovery's examples name the protected item as the protectable item: its GUID.
        String id = container.path("id").asText() + "/replicationProtectedItems/" + protectable.path("name").asText();
        String detail = "enabled protection of " + m.name() + " with policy " + g.policy() + " (the Mobility service is pushed with the group's account)";
        AzureConnection.Reply enabled = az.write(HttpMethod.PUT, id, AzureVault.API, AzureVault.properties(props));
        if (f == null || f.ip() == null) return vault.finish(enabled, detail);
        // The address is set on the protected item's NIC once Site Recovery knows the NIC, as in the portal.
        vault.awaitDone(enabled, "enable protection of " + m.name());
        JsonNode item = vault.item(m.name());
        return vault.finish(az.write(HttpMethod.PATCH, item.path("id").asText(), AzureVault.API, AzureVault.properties(failoverSettings(m, item))), detail + "; failover settings set");
    }

    /** A modernized group's machine (InMageRcm): enabled through its appliance, updated in the provider's own input. */
    private StepResult modernized(Step s, Machine m, ProtectionGroup g, JsonNode have) {
        if (have != null && (s.action() == Action.RE_REPLICATE || s.action() == Action.REPLACE)) {
            // A disk added or removed, a new log account or disk type: protection is disabled (the replica is deleted) and enabled again.
            vault.awaitDone(disable(have), "disable protection of " + m.name());
            have = null;
        }
        if (have == null) return rcm.enable(m, g);
        if (s.action() == Action.CREATE) return StepResult.already(m.name() + " is protected");
        return vault.finish(rcm.update(m, g, have), "updated failover settings of " + m.name());
    }

    /** Managed disks of the failed-over VM: standard HDD unless a later definition field says otherwise. */
    static final String DISK_TYPE = "Standard_LRS";

    private boolean multiVmConsistency(ProtectionGroup g) {
        return estate.replicationPolicies().stream().anyMatch(p -> p.name().equals(g.policy()) && Boolean.TRUE.equals(p.multiVmConsistency()));
    }

    /** The id of a replication group: that of an item already in it, else a new one. */
    private String groupId(String name) {
        for (JsonNode i : az.list(vault.id() + "/replicationProtectedItems", AzureVault.API)) {
            JsonNode d = i.path("properties").path("providerSpecificDetails");
            if (name.equals(d.path("multiVmGroupName").asText()) && d.hasNonNull("multiVmGroupId")) return d.get("multiVmGroupId").asText();
        }
        return java.util.UUID.randomUUID().toString();
    }

    /** The disks the definition declares, by the ids the configuration server discovered them under; empty: all of them. */
    private static List<Map<String, Object>> disksToInclude(JsonNode protectable, Machine m, String log) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonNode discovered = protectable.path("properties").path("customDetails").path("diskDetails");
        if (!discovered.isArray() || discovered.isEmpty() || m.disks().isEmpty()) return out;
        for (var d : m.disks()) {
            JsonNode found = AzureVault.find(discovered, "diskName", d.name());
            if (found == null) {
                throw new OperationFailed("disk " + d.name() + " of " + m.name() + " is not among the disks the configuration server discovered ("
                        + String.join(", ", discovered.findValuesAsText("diskName")) + "): correct the definition or refresh the server, then apply again");
            }
            Map<String, Object> disk = new LinkedHashMap<>();
            disk.put("diskId", found.path("diskId").asText());
            if (log != null) disk.put("logStorageAccountId", log);
            disk.put("diskType", DISK_TYPE);
            out.add(disk);
        }
        return out;
    }

    /** Seed 003: a Hyper-V VM in its group's source cloud, replicated by Hyper-V Replica under the group's policy (no provider input exists for VMM → VMM). */
    private StepResult enableHyperV(Machine m, ProtectionGroup g) {
        JsonNode fabric = vault.fabric(m.site()).orElseThrow(() -> vault.notRegistered(m.site()));
        JsonNode container = vault.container(fabric, g.sourceCloud());
        JsonNode protectable = vault.protectable(fabric, container, m.name());
        Map<String, Object> props = Map.of("policyId", vault.id() + "/replicationPolicies/" + g.policy(), "protectableItemId", protectable.path("id").asText());
        return vault.finish(az.write(HttpMethod.PUT, container.path("id").asText() + "/replicationProtectedItems/" + protectable.path("name").asText(), AzureVault.API,
                        AzureVault.properties(props)),
                "enabled protection of " + m.name() + " from cloud " + g.sourceCloud() + " to " + g.targetCloud() + " with policy " + g.policy());
    }

    /** Disable protection: Site Recovery stops replicating the item and deletes its recovery points. */
    private AzureConnection.Reply disable(JsonNode item) {
        return vault.post(item, "remove", AzureVault.properties(Map.of("disableProtectionReason", "NotSpecified")));
    }

    /**
     * UpdateReplicationProtectedItemInput as Microsoft's client sends it: name, size and network always (the
     * definition's, else what the item has), and every NIC the item lists — the first (primary) with the
     * declared subnet and address, marked SelectedByUser; the others as they are.
     */
    private Map<String, Object> failoverSettings(Machine m, JsonNode item) {
        Map<String, Object> p = new LinkedHashMap<>();
        var f = m.failover();
        JsonNode d = item.path("properties").path("providerSpecificDetails");
        String name = f != null && f.azureName() != null ? f.azureName() : d.path("recoveryAzureVMName").asText(null);
        String size = f != null && f.vmSize() != null ? f.vmSize() : d.path("recoveryAzureVMSize").asText(null);
        String network = f != null && f.network() != null ? vault.network(f.network()) : d.path("selectedRecoveryAzureNetworkId").asText(null);
        if (name != null) p.put("recoveryAzureVMName", name);
        if (size != null) p.put("recoveryAzureVMSize", size);
        if (network != null) p.put("selectedRecoveryAzureNetworkId", network);
        List<Map<String, Object>> nics = new ArrayList<>();
        boolean first = true;
        for (JsonNode nic : d.path("vmNics")) {
            if (!nic.hasNonNull("nicId")) continue;
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("nicId", nic.get("nicId").asText());
            List<Map<String, Object>> configs = new ArrayList<>();
            for (JsonNode c : nic.path("ipConfigs")) {
                Map<String, Object> ip = new LinkedHashMap<>();
                if (c.hasNonNull("name")) ip.put("ipConfigName", c.get("name").asText());
                if (c.hasNonNull("isPrimary")) ip.put("isPrimary", c.get("isPrimary").asBoolean());
                boolean declared = first && f != null && (c.path("isPrimary").asBoolean(true));
                String subnet = declared && f.subnet() != null ? f.subnet() : c.path("recoverySubnetName").asText(null);
                String address = declared && f.ip() != null ? f.ip() : c.path("recoveryStaticIPAddress").asText(null);
                if (subnet != null) ip.put("recoverySubnetName", subnet);
                if (address != null) ip.put("recoveryStaticIPAddress", address);
                configs.add(ip);
            }
            if (!configs.isEmpty()) n.put("ipConfigs", configs);
            n.put("selectionType", first && f != null ? "SelectedByUser" : nic.path("selectionType").asText("SelectedByUser"));
            nics.add(n);
            first = false;
        }
        if (!nics.isEmpty()) p.put("vmNics", nics);
        return p;
    }

    private static SecretRef pushAccount(Machine m, ProtectionGroup g) {
        if (m.mobility() != null && m.mobility().account() != null) return m.mobility().account();
        return g == null ? null : g.pushAccount();
    }

    /** The configuration server's run-as account for a credential; refused with what to do when it holds none of that name. */
    private String runAsAccount(JsonNode fabric, SecretRef ref, String machine) {
        if (ref == null) return null;
        String name = ref.secret() != null ? ref.secret() : ref.env();
        String id = AzureVault.runAsAccount(fabric, name);
        if (id == null) {
            List<String> held = AzureVault.runAsAccountNames(fabric);
            throw new OperationFailed("the configuration server of " + machine + "'s site holds no account named '" + name + "' (it holds: "
                    + (held.isEmpty() ? "none" : String.join(", ", held)) + "): add it with the server's account manager (cspsconfigtool) under that name, then apply again — "
                    + "Site Recovery takes the account's id, never its password");
        }
        return id;
    }

    private StepResult mobility(Step s) {
        JsonNode item = vault.itemNode(s.name()).orElseThrow(() -> new OperationFailed(s.name() + " is not protected yet; the Mobility service is pushed when protection is enabled"));
        Machine m = estate.machine(s.name()).orElseThrow();
        JsonNode details = item.path("properties").path("providerSpecificDetails");
        String have = details.hasNonNull("agentVersion") ? details.get("agentVersion").asText() : details.path("mobilityAgentDetails").path("version").asText(null);
        if (m.mobility() == null || m.mobility().version() == null || siteplan.planner.state.MobilityForm.versionSatisfies(have, m.mobility().version())) {
            return StepResult.already("Mobility service of " + s.name() + " is " + have);
        }
        JsonNode fabric = vault.fabric(m.site()).orElseThrow(() -> vault.notRegistered(m.site()));
        ProtectionGroup g = membership.groupOf(m.name()).orElse(null);
        // The item says which design carries it: a classic item whose group now names an appliance has not moved yet.
        if (g != null && g.appliance() != null && AzureVault.provider(item).startsWith("InMageRcm")) return modernizedMobility(item, m, g, fabric, have);
        String account = runAsAccount(fabric, pushAccount(m, g), m.name());
        if (account == null) throw new OperationFailed("the Mobility service of " + m.name() + " is updated with an account the configuration server holds: declare the machine's mobility account or its group's push account");
        return vault.finish(vault.post(item, "updateMobilityService", AzureVault.properties(Map.of("runAsAccountId", account))),
                "updating the Mobility service of " + s.name() + " from " + have + " to " + m.mobility().version());
    }

    /**
     * Seed 004 the modernized way: where the appliance keeps agents upgraded (agent auto-upgrade on the container mapping) Site
     * Recovery upgrades the agent itself; otherwise the upgrade is started with a run-as account the appliances hold.
     */
    private StepResult modernizedMobility(JsonNode item, Machine m, ProtectionGroup g, JsonNode fabric, String have) {
        var appliance = rcm.appliance(m, g);
        JsonNode agent = item.path("properties").path("providerSpecificDetails").path("mobilityAgentDetails");
        List<String> blocking = new ArrayList<>();
        agent.path("reasonsBlockingUpgrade").forEach(r -> blocking.add(r.asText()));
        if (!blocking.isEmpty() && !blocking.contains("None")) {
            throw new OperationFailed("Site Recovery cannot upgrade the Mobility agent of " + m.name() + " from " + have + " now: " + String.join(", ", blocking)
                    + " — resolve that on the machine, then apply again");
        }
        if (appliance.map(a -> a.autoUpgrade()).orElse(true)) {
            return StepResult.already("Mobility agent of " + m.name() + " is " + have + "; Site Recovery upgrades it to " + m.mobility().version()
                    + " itself (agent auto-upgrade of replication appliance " + g.appliance() + ")");
        }
        SecretRef ref = RcmProtection.pushAccount(m, g);
        if (ref == null) ref = appliance.flatMap(a -> a.runAsAccounts().stream().findFirst()).orElse(null);
        String account = rcm.runAsAccount(fabric, ref, m);
        if (account == null) throw new OperationFailed("the Mobility agent of " + m.name() + " is upgraded with a run-as account of replication appliance " + g.appliance() + ": declare one (runAsAccount secret('…'))");
        return vault.finish(vault.post(item, "updateMobilityService", AzureVault.properties(Map.of("runAsAccountId", account))),
                "updating the Mobility agent of " + m.name() + " from " + have + " to " + m.mobility().version());
    }
}
