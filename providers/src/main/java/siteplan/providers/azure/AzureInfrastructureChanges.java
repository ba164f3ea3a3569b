package siteplan.providers.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;
import siteplan.model.NetworkMapping;
import siteplan.model.ProtectionGroup;
import siteplan.model.RecoveryPlan;
import siteplan.model.ReplicationPolicy;
import siteplan.planner.diff.Action;

/**
 * The steps that build the estate around its machines in a real vault: the vault, storage accounts and
 * networks, the self-registering sites and servers (checked, never registered), vCenters, policies,
 * mappings and recovery plans. Each reads first and answers "already so" when nothing is to be done.
 */
final class AzureInfrastructureChanges {
    private final AzureVault vault;
    private final AzureConnection az;
    private final Estate estate;
    private final AzureTarget target;

    AzureInfrastructureChanges(AzureVault vault) {
        this.vault = vault;
        this.az = vault.az();
        this.estate = vault.estate();
        this.target = vault.target();
    }

    StepResult vaultStep() {
        if (az.get(vault.id(), AzureConnection.VAULT_API) != null) return StepResult.already("vault " + target.vault() + " exists");
        Map<String, Object> body = Map.of("location", target.region(), "sku", Map.of("name", "Standard"),
                "tags", Map.of(AzureDiscovery.MANAGED_TAG, "siteplan"), "properties", Map.of());
        return vault.finish(az.write(HttpMethod.PUT, vault.id(), AzureConnection.VAULT_API, body), "created Recovery Services vault " + target.vault());
    }

    StepResult storageAccount(Step s) {
        String name = s.name().substring(s.name().indexOf('/') + 1);
        var declared = target.storageAccounts().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new OperationFailed("storage account " + name + " is not declared"));
        String id = vault.rg() + "/providers/Microsoft.Storage/storageAccounts/" + name;
        String sku = "Standard_" + declared.replication().token().toUpperCase(Locale.ROOT).replace("-", "");
        JsonNode have = az.get(id, "2023-05-01");
        if (have != null && sku.equalsIgnoreCase(have.path("sku").path("name").asText())) return StepResult.already("storage account " + name + " is as declared");
        Map<String, Object> body = Map.of("location", declared.region() == null ? target.region() : declared.region(), "kind", "StorageV2", "sku", Map.of("name", sku));
        return vault.finish(az.write(HttpMethod.PUT, id, "2023-05-01", body), "storage account " + name + " (" + sku + ")");
    }

    StepResult network(Step s) {
        String name = s.name().substring(s.name().indexOf('/') + 1);
        var declared = target.networks().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new OperationFailed("virtual network " + name + " is not declared"));
        String id = vault.rg() + "/providers/Microsoft.Network/virtualNetworks/" + name;
        List<Map<String, Object>> subnets = declared.subnets().stream().map(sn -> Map.<String, Object>of("name", sn.name(), "properties", Map.of("addressPrefix", sn.prefix()))).toList();
        Map<String, Object> body = Map.of("location", declared.region() == null ? target.region() : declared.region(),
                "properties", Map.of("addressSpace", Map.of("addressPrefixes", declared.addressSpace()), "subnets", subnets));
        JsonNode have = az.get(id, "2024-01-01");
        List<String> prefixes = new ArrayList<>();
        if (have != null) have.path("properties").path("addressSpace").path("addressPrefixes").forEach(x -> prefixes.add(x.asText()));
        if (have != null && prefixes.containsAll(declared.addressSpace()) && have.path("properties").path("subnets").size() == subnets.size()) {
            return StepResult.already("virtual network " + name + " is as declared");
        }
        return vault.finish(az.write(HttpMethod.PUT, id, "2024-01-01", body), "virtual network " + name);
    }

    /** Component servers register themselves when installed; siteplan can only check that they did. */
    StepResult registered(Step s) {
        String site = s.site();
        JsonNode fabric = vault.fabric(site).orElse(null);
        String name = s.name().substring(s.name().indexOf('/') + 1);
        String what = switch (s.type()) {
            case SITE -> "site " + site;
            case CONFIGURATION_SERVER -> "configuration server " + name;
            case PROCESS_SERVER -> "process server " + name;
            case MASTER_TARGET -> "master target " + name;
            case APPLIANCE -> "replication appliance " + name;
            default -> throw notSelfRegistering(s);
        };
        boolean present = fabric != null && switch (s.type()) {
            case SITE -> true;
            case CONFIGURATION_SERVER -> name.equalsIgnoreCase(fabric.path("properties").path("customDetails").path("hostName").asText());
            case PROCESS_SERVER -> AzureVault.find(fabric.path("properties").path("customDetails").path("processServers"), "friendlyName", name) != null;
            case MASTER_TARGET -> AzureVault.find(fabric.path("properties").path("customDetails").path("masterTargetServers"), "name", name) != null;
            // A modernized fabric (InMageRcm) lists each of an appliance's components under the appliance's name.
            case APPLIANCE -> RcmFabric.is(fabric) && RcmFabric.registered(fabric, name);
            default -> throw notSelfRegistering(s);
        };
        if (present && s.type() == siteplan.planner.diff.ResourceType.APPLIANCE) return agentAutoUpgrade(fabric, site, what);
        if (present) return StepResult.already(what + " is registered with vault " + target.vault());
        String how = switch (s.type()) {
            case SITE, CONFIGURATION_SERVER -> "install the configuration server with Site Recovery's unified setup and the vault's registration key "
                    + "(valid 5 days, CS-REG-KEY); it registers the site itself";
            case PROCESS_SERVER -> "install the process server with unified setup and register it with the configuration server's passphrase";
            case MASTER_TARGET -> "deploy the master target and register it with the configuration server's passphrase";
            case APPLIANCE -> "deploy the replication appliance (Site Recovery's OVA or installer on Windows Server 2022) and register it with the vault's sign-in code; appliances register one at a time";
            default -> throw notSelfRegistering(s);
        };
        throw new OperationFailed(what + " is not registered with vault " + target.vault() + " and Resource Manager cannot register it: " + how + ", then apply again");
    }

    /** Only the site and its component servers register themselves; apply() sends no other type here. */
    private static IllegalArgumentException notSelfRegistering(Step s) {
        return new IllegalArgumentException(s.type() + " is not a component that registers itself");
    }

    StepResult vcenter(Step s) {
        JsonNode fabric = vault.fabric(s.site()).orElseThrow(() -> vault.notRegistered(s.site()));
        String address = s.name().substring(s.name().indexOf('/') + 1);
        String fabricId = fabric.path("id").asText();
        if (RcmFabric.is(fabric)) {
            // Modernized: a vCenter is added on a replication appliance (its configuration manager), which reports it into the discovery site.
            String site = fabric.path("properties").path("customDetails").path("vmwareSiteId").asText("");
            for (JsonNode vc : site.isBlank() ? List.<JsonNode>of() : az.list(site + "/vcenters", RcmProtection.OFF_AZURE_API)) {
                if (address.equalsIgnoreCase(vc.path("properties").path("fqdn").asText())) return StepResult.already("vCenter " + address + " is discovered by the appliances of " + s.site());
            }
            throw new OperationFailed("vCenter " + address + " is not added to the replication appliances of site " + s.site() + " and Resource Manager cannot add it: "
                    + "add it in an appliance's configuration manager with a run-as account it holds, then apply again");
        }
        for (JsonNode vc : az.list(fabricId + "/replicationvCenters", AzureConnection.ASR_API)) {
            if (address.equalsIgnoreCase(vc.path("properties").path("ipAddress").asText())) return StepResult.already("vCenter " + address + " is added");
        }
        var site = estate.vmwareSites().stream().filter(v -> v.name().equals(s.site())).findFirst().orElseThrow();
        JsonNode ps = fabric.path("properties").path("customDetails").path("processServers").path(0);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("friendlyName", address);
        props.put("ipAddress", address);
        props.put("port", String.valueOf(site.vcenter().port() == null ? 443 : site.vcenter().port()));
        if (!ps.isMissingNode()) props.put("processServerId", ps.path("id").asText());
        // The account is one the configuration server holds: Site Recovery takes its id (runAsAccounts), never a name or password.
        if (site.vcenter().credential() != null) {
            var ref = site.vcenter().credential();
            String name = ref.secret() != null ? ref.secret() : ref.env();
            String account = AzureVault.runAsAccount(fabric, name);
            if (account == null) {
                throw new OperationFailed("the configuration server of site " + s.site() + " holds no account named '" + name + "' for vCenter " + address
                        + ": add it with the server's account manager (cspsconfigtool) under that name, then apply again");
            }
            props.put("runAsAccountId", account);
        }
        return vault.finish(az.write(HttpMethod.PUT, fabricId + "/replicationvCenters/" + address, AzureConnection.ASR_API, Map.of("properties", props)), "added vCenter " + address);
    }

    StepResult policy(Step s) {
        String id = vault.id() + "/replicationPolicies/" + s.name();
        JsonNode have = az.get(id, AzureConnection.ASR_API);
        if (s.action() == Action.DELETE) {
            if (have == null) return StepResult.already("policy " + s.name() + " is gone");
            return vault.finish(az.write(HttpMethod.DELETE, id, AzureConnection.ASR_API, null), "deleted policy " + s.name());
        }
        var hv = estate.hyperVPolicies().stream().filter(x -> x.name().equals(s.name())).findFirst();
        if (hv.isPresent()) return hyperVPolicy(s, id, have, hv.get());
        ReplicationPolicy p = estate.replicationPolicies().stream().filter(x -> x.name().equals(s.name())).findFirst()
                .orElseThrow(() -> new OperationFailed("policy " + s.name() + " is not declared"));
        if (p.modernized() && siteplan.model.Architecture.of(target) == siteplan.model.Architecture.MODERNIZED) {
            // Machines moved in from a classic vault run under Site Recovery's copy of their policy (MOVE-POLICY): with no policy
            // of the declared name, the copy is the one to keep as declared.
            String copyId = vault.id() + "/replicationPolicies/" + siteplan.planner.state.PolicyForm.moveCopy(s.name(), target);
            JsonNode copy = have == null ? az.get(copyId, AzureConnection.ASR_API) : null;
            if (copy != null) return rcmCopy(s, copyId, copy, p);
            return rcmPolicy(s, id, have, p);
        }
        if (p.modernized()) {
            // Before anything is sent: a classic vault takes InMageAzureV2 policies, and the modernized form has none of their settings.
            throw new OperationFailed("policy " + s.name() + " is of the modernized form (recoveryPointHistory), and vault " + target.vault()
                    + " is classic: declare it with rpoThreshold, retention and appConsistentFrequency, or remove it; nothing was sent");
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("instanceType", "InMageAzureV2");
        in.put("recoveryPointThresholdInMinutes", p.rpoThreshold().toMinutes());
        in.put("recoveryPointHistory", p.retention().toMinutes());
        in.put("appConsistentFrequencyInMinutes", p.appConsistentFrequency().toMinutes());
        in.put("crashConsistentFrequencyInMinutes", 5);
        in.put("multiVmSyncStatus", Boolean.TRUE.equals(p.multiVmConsistency()) ? "Enable" : "Disable");
        List<String> done = new ArrayList<>();
        if (have == null || !AzureDiscovery.policy(have, false).settings().equals(siteplan.planner.state.PolicyForm.settings(p))) {
            vault.awaitDone(az.write(HttpMethod.PUT, id, AzureVault.API, AzureVault.properties(Map.of("providerSpecificInput", in))), "policy " + s.name());
            done.add((have == null ? "created" : "updated") + " policy " + s.name());
        }
        // FB-POLICY: through Resource Manager the failback (InMage) policy and both associations with the configuration
        // server are the caller's to make (the portal makes them itself), as azure-powershell's documented steps do.
        String failback = id + "-failback";
        if (az.get(failback, AzureVault.API) == null) {
            Map<String, Object> fb = new LinkedHashMap<>();
            fb.put("instanceType", "InMage");
            fb.put("recoveryPointThresholdInMinutes", p.rpoThreshold().toMinutes());
            fb.put("recoveryPointHistory", p.retention().toMinutes());
            fb.put("appConsistentFrequencyInMinutes", p.appConsistentFrequency().toMinutes());
            fb.put("multiVmSyncStatus", Boolean.TRUE.equals(p.multiVmConsistency()) ? "Enable" : "Disable");
            vault.awaitDone(az.write(HttpMethod.PUT, failback, AzureVault.API, AzureVault.properties(Map.of("providerSpecificInput", fb))), "failback policy " + s.name() + "-failback");
            done.add("created failback policy " + s.name() + "-failback (FB-POLICY)");
        }
        associateWithSites(s.name(), p, id, failback, "configuration server of ", done);
        return done.isEmpty() ? StepResult.already("policy " + s.name() + " is as declared") : StepResult.changed(String.join("; ", done));
    }

    /**
     * A modernized policy (InMageRcmPolicyCreationInput, as azure-powershell's New-AzRecoveryServicesAsrPolicy -VMwareToAzure builds it for a
     * modernized vault), its failback twin (InMageRcmFailback, which reprotect from Azure names), and both associated with the
     * container of each site whose groups use it (the base container mapping input, towards Azure and towards the site itself).
     */
    private StepResult rcmPolicy(Step s, String id, JsonNode have, ReplicationPolicy p) {
        Map<String, String> wanted = siteplan.planner.state.PolicyForm.settings(p);
        long crash = p.crashConsistentFrequency() == null ? 5 : p.crashConsistentFrequency().toMinutes();
        long app = p.appConsistentFrequency() == null ? 0 : p.appConsistentFrequency().toMinutes();
        List<String> done = new ArrayList<>();
        if (have == null || !AzureDiscovery.policy(have, false).settings().equals(wanted)) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("instanceType", "InMageRcm");
            in.put("recoveryPointHistoryInMinutes", p.recoveryPointHistory().toMinutes());
            in.put("crashConsistentFrequencyInMinutes", crash);
            in.put("appConsistentFrequencyInMinutes", app);
            in.put("enableMultiVmSync", Boolean.TRUE.equals(p.multiVmConsistency()) ? "True" : "False");
            write(id, have, in, "policy " + s.name());
            done.add((have == null ? "created" : "updated") + " policy " + s.name());
        }
        String failback = id + "-failback";
        JsonNode twin = az.get(failback, AzureVault.API);
        JsonNode twinHas = twin == null ? null : twin.path("properties").path("providerSpecificDetails");
        if (twin == null || twinHas.path("crashConsistentFrequencyInMinutes").asLong(-1) != crash || twinHas.path("appConsistentFrequencyInMinutes").asLong(-1) != app) {
            Map<String, Object> fb = new LinkedHashMap<>();
            fb.put("instanceType", "InMageRcmFailback");
            fb.put("crashConsistentFrequencyInMinutes", crash);
            fb.put("appConsistentFrequencyInMinutes", app);
            write(failback, twin, fb, "failback policy " + s.name() + "-failback");
            done.add((twin == null ? "created" : "updated") + " failback policy " + s.name() + "-failback (reprotect from Azure names it)");
        }
        associateWithSites(s.name(), p, id, failback, "the appliances of ", done).forEach((site, fabric) -> {
            StepResult upgrade = agentAutoUpgrade(vault.fabric(site).orElse(fabric), site, "site " + site);
            if (upgrade.outcome() == StepResult.Outcome.CHANGED) done.add(upgrade.detail());
        });
        return done.isEmpty() ? StepResult.already("policy " + s.name() + " is as declared") : StepResult.changed(String.join("; ", done));
    }

    /** Site Recovery's copy of a classic policy, made by a move, given the declared settings (PATCH, as any modernized policy). */
    private StepResult rcmCopy(Step s, String id, JsonNode copy, ReplicationPolicy p) {
        String name = copy.path("properties").path("friendlyName").asText(copy.path("name").asText());
        if (AzureDiscovery.policy(copy, false).settings().equals(siteplan.planner.state.PolicyForm.settings(p))) {
            return StepResult.already("policy " + s.name() + " (Site Recovery's copy '" + name + "') is as declared");
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("instanceType", "InMageRcm");
        in.put("recoveryPointHistoryInMinutes", p.recoveryPointHistory().toMinutes());
        in.put("crashConsistentFrequencyInMinutes", p.crashConsistentFrequency() == null ? 5 : p.crashConsistentFrequency().toMinutes());
        in.put("appConsistentFrequencyInMinutes", p.appConsistentFrequency() == null ? 0 : p.appConsistentFrequency().toMinutes());
        in.put("enableMultiVmSync", Boolean.TRUE.equals(p.multiVmConsistency()) ? "True" : "False");
        write(id, copy, in, "policy " + name);
        return StepResult.changed("updated '" + name + "', Site Recovery's copy of policy " + s.name() + " the moved machines run under (MOVE-POLICY)");
    }

    /**
     * A policy written as azure-powershell writes it: created with PUT (CreatePolicyInput), an existing one updated with PATCH
     * (UpdatePolicyInput, Update-AzRecoveryServicesAsrPolicy's replicationProviderSettings).
     */
    private void write(String id, JsonNode have, Map<String, Object> input, String what) {
        if (have == null) vault.awaitDone(az.write(HttpMethod.PUT, id, AzureVault.API, AzureVault.properties(Map.of("providerSpecificInput", input))), what);
        else vault.awaitDone(az.write(HttpMethod.PATCH, id, AzureVault.API, AzureVault.properties(Map.of("replicationProviderSettings", input))), what);
    }

    /**
     * Seed 004's desired state the modernized way: Site Recovery keeps the Mobility agents of a site's machines upgraded when its
     * InMageRcm container mappings say so (enableAgentAutoUpgrade). Each mapping that says otherwise than the site's appliances
     * declare is updated (InMageRcmUpdateContainerMappingInput).
     */
    private StepResult agentAutoUpgrade(JsonNode fabric, String site, String what) {
        String wanted = String.valueOf(estate.vmwareSites().stream().filter(v -> v.name().equals(site)).flatMap(v -> v.appliances().stream())
                .allMatch(siteplan.model.ReplicationAppliance::autoUpgrade));
        List<String> changed = new ArrayList<>();
        for (JsonNode container : vault.containers(fabric)) {
            for (JsonNode m : az.list(container.path("id").asText() + "/replicationProtectionContainerMappings", AzureVault.API)) {
                JsonNode d = m.path("properties").path("providerSpecificDetails");
                if (!"InMageRcm".equals(d.path("instanceType").asText())) continue;
                // Only the definition's policies' mappings: the vault's own (the portal's default policy) are not siteplan's to change.
                if (!vault.names().declaresPolicy(m.path("properties").path("policyFriendlyName").asText())) continue;
                if (wanted.equals(String.valueOf(Boolean.parseBoolean(d.path("enableAgentAutoUpgrade").asText("false"))))) continue;
                Map<String, Object> in = Map.of("instanceType", "InMageRcm", "enableAgentAutoUpgrade", wanted);
                vault.awaitDone(az.write(HttpMethod.PATCH, m.path("id").asText(), AzureVault.API, AzureVault.properties(Map.of("providerSpecificInput", in))),
                        "agent auto-upgrade of " + m.path("properties").path("policyFriendlyName").asText(m.path("name").asText()));
                changed.add(m.path("properties").path("policyFriendlyName").asText(m.path("name").asText()));
            }
        }
        if (changed.isEmpty()) return StepResult.already(what + " is registered with vault " + target.vault());
        return StepResult.changed("agent auto-upgrade " + (wanted.equals("true") ? "on" : "off") + " for the machines of " + site + " (" + String.join(", ", changed) + ")");
    }

    /**
     * FB-POLICY's associations, both architectures: the policy with each VMware site's container whose groups use it, towards Azure,
     * and its failback twin towards the container itself; what was done is added to {@code done}. Returns each site's fabric.
     */
    private Map<String, JsonNode> associateWithSites(String name, ReplicationPolicy p, String id, String failback, String with, List<String> done) {
        Map<String, JsonNode> fabrics = new LinkedHashMap<>();
        for (String site : estate.protectionGroups().stream().filter(g -> g.policy().equals(p.name())).map(ProtectionGroup::source).distinct().toList()) {
            if (estate.vmwareSites().stream().noneMatch(v -> v.name().equals(site))) continue;
            JsonNode fabric = vault.fabric(site).orElseThrow(() -> vault.notRegistered(site));
            JsonNode container = vault.container(fabric, null);
            List<String> mapped = new ArrayList<>();
            az.list(container.path("id").asText() + "/replicationProtectionContainerMappings", AzureVault.API)
                    .forEach(m -> mapped.add(m.path("properties").path("policyId").asText().toLowerCase(Locale.ROOT)));
            if (!mapped.contains(id.toLowerCase(Locale.ROOT))) {
                associate(container, name, id, AzureVault.AZURE_FABRIC);
                done.add("associated " + name + " with " + with + site);
            }
            if (!mapped.contains(failback.toLowerCase(Locale.ROOT))) {
                associate(container, name + "-failback", failback, container.path("id").asText());
                done.add("associated " + name + "-failback with " + with + site);
            }
            fabrics.put(site, fabric);
        }
        return fabrics;
    }

    /** A protection container mapping: the policy applies to the container's machines, towards Azure or (failback) towards the container itself. */
    private void associate(JsonNode container, String name, String policy, String target) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("policyId", policy);
        props.put("targetProtectionContainerId", target);
        props.put("providerSpecificInput", Map.of("instanceType", "ReplicationProviderSpecificContainerMappingInput"));
        vault.awaitDone(az.write(HttpMethod.PUT, container.path("id").asText() + "/replicationProtectionContainerMappings/" + name, AzureVault.API, AzureVault.properties(props)),
                "associating policy " + name + " with " + container.path("properties").path("friendlyName").asText());
    }

    /**
     * Seed 003: a Hyper-V Replica policy, then the pairing of each protection group's source cloud with its
     * target cloud under it (a protection container mapping), which protection of the group's VMs needs.
     */
    private StepResult hyperVPolicy(Step s, String id, JsonNode have, siteplan.model.HyperVPolicy p) {
        Map<String, String> wanted = siteplan.planner.state.PolicyForm.settings(p);
        List<String> done = new ArrayList<>();
        if (have == null || !AzureDiscovery.policy(have, false).settings().equals(wanted)) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("instanceType", "HyperVReplica2012R2");
            in.put("replicationFrequencyInSeconds", p.copyFrequency().toSeconds());
            in.put("recoveryPoints", p.recoveryPoints() == null ? 0 : p.recoveryPoints());
            in.put("applicationConsistentSnapshotFrequencyInHours", p.appConsistentFrequency() == null ? 0 : p.appConsistentFrequency().toHours());
            in.put("compression", p.compression() ? "Enable" : "Disable");
            in.put("initialReplicationMethod", "offline".equals(wanted.get("initialReplication")) ? "Offline" : "OverNetwork");
            if (p.initialReplication() != null && p.initialReplication().exportPath() != null) in.put("offlineReplicationExportPath", p.initialReplication().exportPath());
            if (p.initialReplication() != null && p.initialReplication().importPath() != null) in.put("offlineReplicationImportPath", p.initialReplication().importPath());
            in.put("allowedAuthenticationType", "certificate".equals(wanted.get("authentication")) ? 2 : 1);
            in.put("replicationPort", Integer.parseInt(wanted.get("port")));
            in.put("replicaDeletion", p.deleteReplica() ? "Required" : "NotRequired");
            vault.awaitDone(az.write(HttpMethod.PUT, id, AzureConnection.ASR_API, Map.of("properties", Map.of("providerSpecificInput", in))), "policy " + s.name());
            done.add((have == null ? "created" : "updated") + " Hyper-V policy " + s.name());
        }
        for (ProtectionGroup g : estate.protectionGroups()) {
            if (!g.policy().equals(p.name()) || g.sourceCloud() == null || g.targetCloud() == null) continue;
            JsonNode source = vault.fabric(g.source()).orElseThrow(() -> vault.notRegistered(g.source()));
            JsonNode target = vault.fabric(g.target()).orElseThrow(() -> vault.notRegistered(g.target()));
            JsonNode from = vault.container(source, g.sourceCloud()), to = vault.container(target, g.targetCloud());
            boolean paired = false;
            for (JsonNode m : az.list(from.path("id").asText() + "/replicationProtectionContainerMappings", AzureVault.API)) {
                JsonNode mp = m.path("properties");
                paired |= to.path("id").asText().equalsIgnoreCase(mp.path("targetProtectionContainerId").asText()) && id.equalsIgnoreCase(mp.path("policyId").asText());
            }
            if (paired) continue;
            // No provider input exists for VMM → VMM: the bare base type, as the published example and azure-powershell send it.
            vault.awaitDone(az.write(HttpMethod.PUT, from.path("id").asText() + "/replicationProtectionContainerMappings/" + p.name() + "-" + g.targetCloud(), AzureVault.API,
                    AzureVault.properties(Map.of("policyId", id, "targetProtectionContainerId", to.path("id").asText(),
                            "providerSpecificInput", Map.of("instanceType", "ReplicationProviderSpecificContainerMappingInput")))), "pairing cloud " + g.sourceCloud() + " with " + g.targetCloud());
            done.add("paired " + g.sourceCloud() + " with " + g.targetCloud());
        }
        return done.isEmpty() ? StepResult.already("Hyper-V policy " + s.name() + " is as declared and its clouds are paired") : StepResult.changed(String.join("; ", done));
    }


    /** Seed 003: a storage classification of the source VMM site mapped to one of the target's, both found by their friendly names. */
    StepResult storageMapping(Step s) {
        var m = estate.storageMappings().stream().filter(x -> x.source().equals(s.name())).findFirst().orElse(null);
        Map<String, String> names = vault.classificationNames();
        JsonNode existing = null;
        for (JsonNode sm : az.list(vault.id() + "/replicationStorageClassificationMappings", AzureVault.API)) {
            if (s.name().equals(names.get(AzureDiscovery.parentOf(sm.path("id").asText()).toLowerCase(Locale.ROOT)))) existing = sm;
        }
        if (s.action() == Action.DELETE || m == null) {
            if (existing == null) return StepResult.already("storage mapping " + s.name() + " is gone");
            return vault.finish(az.write(HttpMethod.DELETE, existing.path("id").asText(), AzureVault.API, null), "deleted storage mapping " + s.name());
        }
        if (existing != null && m.target().equals(names.get(existing.path("properties").path("targetStorageClassificationId").asText().toLowerCase(Locale.ROOT)))) {
            return StepResult.already("storage mapping " + s.name() + " → " + m.target() + " exists");
        }
        String sourceSite = siteWithClassification(m.source()), targetSite = siteWithClassification(m.target());
        JsonNode source = vault.fabric(sourceSite).orElseThrow(() -> vault.notRegistered(sourceSite));
        JsonNode target = vault.fabric(targetSite).orElseThrow(() -> vault.notRegistered(targetSite));
        JsonNode from = vault.storageClassification(source, m.source()).orElseThrow(() -> notDiscovered("storage classification", m.source(), source));
        JsonNode to = vault.storageClassification(target, m.target()).orElseThrow(() -> notDiscovered("storage classification", m.target(), target));
        String id = from.path("id").asText() + "/replicationStorageClassificationMappings/" + m.source() + "-" + m.target();
        return vault.finish(az.write(HttpMethod.PUT, id, AzureVault.API, AzureVault.properties(Map.of("targetStorageClassificationId", to.path("id").asText()))),
                "mapped storage " + m.source() + " to " + m.target());
    }

    private OperationFailed notDiscovered(String what, String name, JsonNode fabric) {
        return new OperationFailed(what + " " + name + " is not discovered by " + vault.names().discoveredBy(fabric) + " yet: check that VMM lists it under that name, then apply again");
    }

    private Optional<String> vmmSiteWithNetwork(String name) {
        return estate.vmmSites().stream().filter(v -> v.vmNetworks().stream().anyMatch(n -> n.name().equals(name))).map(v -> v.name()).findFirst();
    }

    private String siteWithClassification(String name) {
        return estate.vmmSites().stream().filter(v -> v.storageClassifications().stream().anyMatch(c -> c.name().equals(name))).map(v -> v.name()).findFirst()
                .orElseThrow(() -> new OperationFailed("storage classification " + name + " is declared in no VMM site"));
    }

    /**
     * A VM network of a VMM site mapped to one of the target VMM site (VmmToVmm) or to an Azure virtual network
     * (VmmToAzure). A VMware site has no network mapping in Site Recovery: its machines' failover network is
     * set on each protected item (targetAzureNetworkId), which the protection steps do.
     */
    StepResult networkMapping(Step s) {
        NetworkMapping m = estate.networkMappings().stream().filter(x -> x.source().equals(s.name())).findFirst().orElse(null);
        JsonNode existing = null;
        for (JsonNode nm : az.list(vault.id() + "/replicationNetworkMappings", AzureVault.API)) {
            if (s.name().equals(nm.path("properties").path("primaryNetworkFriendlyName").asText())) existing = nm;
        }
        if (s.action() == Action.DELETE || m == null) {
            if (existing == null) return StepResult.already("network mapping " + s.name() + " is gone");
            return vault.finish(az.write(HttpMethod.DELETE, existing.path("id").asText(), AzureVault.API, null), "deleted network mapping " + s.name());
        }
        if (existing != null && m.target().equals(existing.path("properties").path("recoveryNetworkFriendlyName").asText())) {
            return StepResult.already("network mapping " + s.name() + " → " + m.target() + " exists");
        }
        String sourceSite = vmmSiteWithNetwork(m.source()).orElse(null);
        if (sourceSite == null) {
            return StepResult.already("network " + m.source() + " is a VMware site's: Site Recovery maps it per machine (each protected item's failover network), not with a network mapping");
        }
        JsonNode fabric = vault.fabric(sourceSite).orElseThrow(() -> vault.notRegistered(sourceSite));
        JsonNode primary = vault.replicationNetwork(fabric, m.source()).orElseThrow(() -> notDiscovered("VM network", m.source(), fabric));
        Optional<String> vmmTarget = vmmSiteWithNetwork(m.target());
        Map<String, Object> props = new LinkedHashMap<>();
        if (vmmTarget.isPresent()) {
            JsonNode target = vault.fabric(vmmTarget.get()).orElseThrow(() -> vault.notRegistered(vmmTarget.get()));
            JsonNode recovery = vault.replicationNetwork(target, m.target()).orElseThrow(() -> notDiscovered("VM network", m.target(), target));
            props.put("recoveryFabricName", target.path("name").asText());
            props.put("recoveryNetworkId", recovery.path("id").asText());
            props.put("fabricSpecificDetails", Map.of("instanceType", "VmmToVmm"));
        } else {
            throw new OperationFailed("network " + m.source() + " of VMM site " + sourceSite + " maps to " + m.target() + ", which is no VM network of a VMM site: "
                    + "siteplan protects Hyper-V VMs from VMM to VMM (seed 003); map it to a VM network of the target site");
        }
        return vault.finish(az.write(HttpMethod.PUT, primary.path("id").asText() + "/replicationNetworkMappings/" + m.source() + "-" + m.target(), AzureVault.API,
                AzureVault.properties(props)), "mapped " + m.source() + " to " + m.target());
    }

    /**
     * The recovery plan as Site Recovery holds it, so it exists and runs from the portal without siteplan:
     * its groups (Boot groups; Site Recovery adds Shutdown and Failover), and each group's steps as Site
     * Recovery actions — manual steps as manual actions, runbooks as Automation runbook actions, scripts
     * (which siteplan runs from the definition's folder) as manual actions that say which script to run.
     */
    StepResult recoveryPlan(Step s) {
        String id = vault.id() + "/replicationRecoveryPlans/" + s.name();
        JsonNode have = az.get(id, AzureVault.API);
        if (s.action() == Action.DELETE) {
            if (have == null) return StepResult.already("recovery plan " + s.name() + " is gone");
            return vault.finish(az.write(HttpMethod.DELETE, id, AzureVault.API, null), "deleted recovery plan " + s.name());
        }
        RecoveryPlan plan = estate.recoveryPlans().stream().filter(p -> p.name().equals(s.name())).findFirst()
                .orElseThrow(() -> new OperationFailed("recovery plan " + s.name() + " is not declared"));
        JsonNode fabric = vault.fabric(plan.source()).orElseThrow(() -> vault.notRegistered(plan.source()));
        Map<String, JsonNode> items = new LinkedHashMap<>();
        List<JsonNode> listed = az.list(vault.id() + "/replicationProtectedItems", AzureVault.API);
        // A modernized item is named by its target VM: its machine is the one its appliance discovered.
        vault.readDiscoveredFor(listed);
        for (JsonNode i : listed) items.put(vault.names().machineOf(i).toLowerCase(Locale.ROOT), i);
        List<Map<String, Object>> groups = new ArrayList<>();
        int n = 0;
        for (var group : plan.groups()) {
            n++;
            List<Map<String, Object>> members = new ArrayList<>();
            for (var pm : group.machines()) {
                JsonNode item = items.get(pm.name().toLowerCase(Locale.ROOT));
                if (item == null) throw new OperationFailed(pm.name() + " of recovery plan " + s.name() + " is not protected yet");
                String vm = item.path("properties").path("providerSpecificDetails").path("vmId").asText(item.path("name").asText());
                members.add(Map.of("id", item.path("id").asText(), "virtualMachineId", vm));
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("groupType", "Boot");
            g.put("replicationProtectedItems", members);
            g.put("startGroupActions", actions(n, "before", group.before()));
            g.put("endGroupActions", actions(n, "after", group.after()));
            groups.add(g);
        }
        boolean toVmm = estate.vmmSites().stream().anyMatch(v -> v.name().equals(plan.target()));
        String recoveryFabric = AzureVault.AZURE_FABRIC;
        if (toVmm) recoveryFabric = vault.fabric(plan.target()).orElseThrow(() -> vault.notRegistered(plan.target())).path("id").asText();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("primaryFabricId", fabric.path("id").asText());
        props.put("recoveryFabricId", recoveryFabric);
        props.put("failoverDeploymentModel", toVmm ? "NotApplicable" : "ResourceManager");
        props.put("groups", groups);
        if (have == null) {
            return vault.finish(az.write(HttpMethod.PUT, id, AzureVault.API, AzureVault.properties(props)), "created recovery plan " + s.name() + " (" + plan.groups().size() + " groups)");
        }
        if (RecoveryPlanShape.of(have, items).equals(RecoveryPlanShape.of(groups, items))) return StepResult.already("recovery plan " + s.name() + " is as declared");
        // An existing plan is updated as azure-powershell's Edit-AzRecoveryServicesAsrRecoveryPlan does: PATCH its groups
        // (UpdateRecoveryPlanInput), every group sent since the list replaces the stored one — Site Recovery's own Shutdown
        // and Failover groups as the vault holds them, then the declared Boot groups.
        List<Object> all = new ArrayList<>();
        for (JsonNode g : have.path("properties").path("groups")) if (!"Boot".equalsIgnoreCase(g.path("groupType").asText())) all.add(g);
        all.addAll(groups);
        return vault.finish(az.write(HttpMethod.PATCH, id, AzureVault.API, AzureVault.properties(Map.of("groups", all))),
                "updated recovery plan " + s.name() + " (" + plan.groups().size() + " groups)");
    }

    /** A group's steps as RecoveryPlanAction: every failover type and direction, in the declared order. */
    static List<Map<String, Object>> actions(int group, String when, List<siteplan.model.PlanAction> steps) {
        List<Map<String, Object>> out = new ArrayList<>();
        int k = 0;
        for (var a : steps) {
            k++;
            Map<String, Object> details = new LinkedHashMap<>();
            switch (a.kind()) {
                case MANUAL -> {
                    details.put("instanceType", "ManualActionDetails");
                    details.put("description", a.value());
                }
                case RUNBOOK -> {
                    details.put("instanceType", "AutomationRunbookActionDetails");
                    details.put("runbookId", a.value());
                    if (a.timeout() != null) details.put("timeout", a.timeout().toString());
                    details.put("fabricLocation", "Recovery");
                }
                case SCRIPT -> {
                    details.put("instanceType", "ManualActionDetails");
                    details.put("description", "Run the script " + a.value() + " from the estate's definition (siteplan runs it; without siteplan, run it by hand)");
                }
            }
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("actionName", "group" + group + "-" + when + "-" + k);
            action.put("failoverTypes", List.of("PlannedFailover", "UnplannedFailover", "TestFailover"));
            action.put("failoverDirections", List.of("PrimaryToRecovery", "RecoveryToPrimary"));
            action.put("customDetails", details);
            out.add(action);
        }
        return out;
    }
}
