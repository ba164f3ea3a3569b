package siteplan.providers.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import siteplan.executor.apply.Credentials;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.ChangeOperations;
import siteplan.executor.provider.ExecutionClock;
import siteplan.executor.provider.FailoverType;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.Operations;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;
import siteplan.executor.provider.TransientFault;
import siteplan.executor.secrets.Secrets;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;
import siteplan.model.Machine;
import siteplan.model.Membership;
import siteplan.model.NetworkMapping;
import siteplan.model.ProtectionGroup;
import siteplan.model.RecoveryPlan;
import siteplan.model.ReplicationPolicy;
import siteplan.planner.diff.Action;
import siteplan.planner.state.ProtectedItem;

/**
 * The executor's operations on a real Recovery Services vault, through Site Recovery's REST surface.
 * Writes answer 202 and run as Site Recovery jobs; the step's job is the Azure-AsyncOperation URL, which
 * {@link #job} polls. Every step reads first and answers "already so" when nothing is to be done.
 *
 * <p>What Site Recovery cannot do through Resource Manager is said as such: the configuration server,
 * process servers and master targets register themselves when installed with the vault's registration
 * key (seed 000), so a step that needs one that is not registered fails with what to install.
 * Throttling (429) and 5xx answers are {@link TransientFault}s, which the executor retries.
 */
public final class AzureOperations implements Operations, ChangeOperations, RecoveryOperations, JobOperations {
    @Override public ChangeOperations changes() {
        return this;
    }

    @Override public RecoveryOperations recovery() {
        return this;
    }

    @Override public JobOperations jobs() {
        return this;
    }

    static final String AZURE_FABRIC = "Microsoft Azure";

    private final AzureConnection az;
    private final Estate estate;
    private final AzureTarget target;
    private final Membership membership;
    private final Credentials credentials;
    private final String vault;

    public AzureOperations(AzureConnection az, Estate estate) {
        this.az = az;
        this.estate = estate;
        this.target = az.target();
        this.membership = Membership.of(estate);
        this.credentials = new Credentials(estate);
        this.vault = az.vaultId();
    }

    @Override public String describe() {
        return "Azure vault " + target.vault() + " in " + target.subscription() + "/" + target.resourceGroup();
    }

    @Override public ExecutionClock clock() {
        return WALL;
    }

    static final ExecutionClock WALL = new ExecutionClock() {
        @Override public Instant now() { return Instant.now(); }
        @Override public void sleep(Duration d) throws InterruptedException { Thread.sleep(d.toMillis()); }
    };

    // ------------------------------------------------------------------ apply

    @Override public StepResult apply(Step step, Secrets secrets) {
        // Credentials are resolved only inside the step that needs them, to prove they are set.
        credentials.forStep(step).forEach(c -> secrets.resolve(c.ref(), c.purpose()));
        return switch (step.type()) {
            case VAULT -> vaultStep();
            case STORAGE_ACCOUNT -> storageAccount(step);
            case AZURE_NETWORK -> network(step);
            case SITE, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET -> registered(step);
            case VCENTER -> vcenter(step);
            case POLICY -> policy(step);
            case NETWORK_MAPPING -> networkMapping(step);
            case STORAGE_MAPPING -> storageMapping(step);
            case PROTECTION -> protection(step);
            case MOBILITY -> mobility(step);
            case RECOVERY_PLAN -> recoveryPlan(step);
        };
    }

    private StepResult vaultStep() {
        if (az.get(vault, AzureConnection.VAULT_API) != null) return StepResult.already("vault " + target.vault() + " exists");
        Map<String, Object> body = Map.of("location", target.region(), "sku", Map.of("name", "Standard"),
                "tags", Map.of(AzureDiscovery.MANAGED_TAG, "siteplan"), "properties", Map.of());
        return finish(az.write(HttpMethod.PUT, vault, AzureConnection.VAULT_API, body), "created Recovery Services vault " + target.vault());
    }

    private StepResult storageAccount(Step s) {
        String name = s.name().substring(s.name().indexOf('/') + 1);
        var declared = target.storageAccounts().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new OperationFailed("storage account " + name + " is not declared"));
        String id = rg() + "/providers/Microsoft.Storage/storageAccounts/" + name;
        String sku = "Standard_" + declared.replication().token().toUpperCase(Locale.ROOT).replace("-", "");
        JsonNode have = az.get(id, "2023-05-01");
        if (have != null && sku.equalsIgnoreCase(have.path("sku").path("name").asText())) return StepResult.already("storage account " + name + " is as declared");
        Map<String, Object> body = Map.of("location", declared.region() == null ? target.region() : declared.region(), "kind", "StorageV2", "sku", Map.of("name", sku));
        return finish(az.write(HttpMethod.PUT, id, "2023-05-01", body), "storage account " + name + " (" + sku + ")");
    }

    private StepResult network(Step s) {
        String name = s.name().substring(s.name().indexOf('/') + 1);
        var declared = target.networks().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new OperationFailed("virtual network " + name + " is not declared"));
        String id = rg() + "/providers/Microsoft.Network/virtualNetworks/" + name;
        List<Map<String, Object>> subnets = declared.subnets().stream().map(sn -> Map.<String, Object>of("name", sn.name(), "properties", Map.of("addressPrefix", sn.prefix()))).toList();
        Map<String, Object> body = Map.of("location", declared.region() == null ? target.region() : declared.region(),
                "properties", Map.of("addressSpace", Map.of("addressPrefixes", declared.addressSpace()), "subnets", subnets));
        JsonNode have = az.get(id, "2024-01-01");
        List<String> prefixes = new ArrayList<>();
        if (have != null) have.path("properties").path("addressSpace").path("addressPrefixes").forEach(x -> prefixes.add(x.asText()));
        if (have != null && prefixes.containsAll(declared.addressSpace()) && have.path("properties").path("subnets").size() == subnets.size()) {
            return StepResult.already("virtual network " + name + " is as declared");
        }
        return finish(az.write(HttpMethod.PUT, id, "2024-01-01", body), "virtual network " + name);
    }

    /** Component servers register themselves when installed; siteplan can only check that they did. */
    private StepResult registered(Step s) {
        String site = s.site();
        JsonNode fabric = fabric(site).orElse(null);
        String name = s.name().substring(s.name().indexOf('/') + 1);
        String what = switch (s.type()) {
            case SITE -> "site " + site;
            case CONFIGURATION_SERVER -> "configuration server " + name;
            case PROCESS_SERVER -> "process server " + name;
            case MASTER_TARGET -> "master target " + name;
            default -> throw notSelfRegistering(s);
        };
        boolean present = fabric != null && switch (s.type()) {
            case SITE -> true;
            case CONFIGURATION_SERVER -> name.equalsIgnoreCase(fabric.path("properties").path("customDetails").path("hostName").asText());
            case PROCESS_SERVER -> find(fabric.path("properties").path("customDetails").path("processServers"), "friendlyName", name) != null;
            case MASTER_TARGET -> find(fabric.path("properties").path("customDetails").path("masterTargetServers"), "name", name) != null;
            default -> throw notSelfRegistering(s);
        };
        if (present) return StepResult.already(what + " is registered with vault " + target.vault());
        String how = switch (s.type()) {
            case SITE, CONFIGURATION_SERVER -> "install the configuration server with Site Recovery's unified setup and the vault's registration key "
                    + "(valid 5 days, CS-REG-KEY); it registers the site itself";
            case PROCESS_SERVER -> "install the process server with unified setup and register it with the configuration server's passphrase";
            case MASTER_TARGET -> "deploy the master target and register it with the configuration server's passphrase";
            default -> throw notSelfRegistering(s);
        };
        throw new OperationFailed(what + " is not registered with vault " + target.vault() + " and Resource Manager cannot register it: " + how + ", then apply again");
    }

    /** Only the site and its component servers register themselves; apply() sends no other type here. */
    private static IllegalArgumentException notSelfRegistering(Step s) {
        return new IllegalArgumentException(s.type() + " is not a component that registers itself");
    }

    private StepResult vcenter(Step s) {
        JsonNode fabric = fabric(s.site()).orElseThrow(() -> notRegistered(s.site()));
        String address = s.name().substring(s.name().indexOf('/') + 1);
        String fabricId = fabric.path("id").asText();
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
        // The account is one the configuration server holds; its name, never its password, goes to Azure.
        if (site.vcenter().credential() != null) props.put("runAsAccountId", site.vcenter().credential().secret() != null ? site.vcenter().credential().secret() : site.vcenter().credential().env());
        return finish(az.write(HttpMethod.PUT, fabricId + "/replicationvCenters/" + address, AzureConnection.ASR_API, Map.of("properties", props)), "added vCenter " + address);
    }

    private StepResult policy(Step s) {
        String id = vault + "/replicationPolicies/" + s.name();
        JsonNode have = az.get(id, AzureConnection.ASR_API);
        if (s.action() == Action.DELETE) {
            if (have == null) return StepResult.already("policy " + s.name() + " is gone");
            return finish(az.write(HttpMethod.DELETE, id, AzureConnection.ASR_API, null), "deleted policy " + s.name());
        }
        var hv = estate.hyperVPolicies().stream().filter(x -> x.name().equals(s.name())).findFirst();
        if (hv.isPresent()) return hyperVPolicy(s, id, have, hv.get());
        ReplicationPolicy p = estate.replicationPolicies().stream().filter(x -> x.name().equals(s.name())).findFirst()
                .orElseThrow(() -> new OperationFailed("policy " + s.name() + " is not declared"));
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("instanceType", "InMageAzureV2");
        in.put("recoveryPointThresholdInMinutes", p.rpoThreshold().toMinutes());
        in.put("recoveryPointHistory", p.retention().toMinutes());
        in.put("appConsistentFrequencyInMinutes", p.appConsistentFrequency().toMinutes());
        in.put("crashConsistentFrequencyInMinutes", 5);
        in.put("multiVmSyncStatus", Boolean.TRUE.equals(p.multiVmConsistency()) ? "Enable" : "Disable");
        if (have != null && AzureDiscovery.policy(have, false).settings().equals(siteplan.planner.state.PolicyForm.settings(p))) {
            return StepResult.already("policy " + s.name() + " is as declared");
        }
        return finish(az.write(HttpMethod.PUT, id, AzureConnection.ASR_API, Map.of("properties", Map.of("providerSpecificInput", in))),
                (have == null ? "created" : "updated") + " policy " + s.name() + " (Site Recovery adds its failback policy, FB-POLICY)");
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
            awaitDone(az.write(HttpMethod.PUT, id, AzureConnection.ASR_API, Map.of("properties", Map.of("providerSpecificInput", in))), "policy " + s.name());
            done.add((have == null ? "created" : "updated") + " Hyper-V policy " + s.name());
        }
        for (ProtectionGroup g : estate.protectionGroups()) {
            if (!g.policy().equals(p.name()) || g.sourceCloud() == null || g.targetCloud() == null) continue;
            JsonNode source = fabric(g.source()).orElseThrow(() -> notRegistered(g.source()));
            JsonNode target = fabric(g.target()).orElseThrow(() -> notRegistered(g.target()));
            String mapping = source.path("id").asText() + "/replicationProtectionContainers/" + g.sourceCloud() + "/replicationProtectionContainerMappings/" + p.name() + "-" + g.targetCloud();
            if (az.get(mapping, AzureConnection.ASR_API) != null) continue;
            awaitDone(az.write(HttpMethod.PUT, mapping, AzureConnection.ASR_API, Map.of("properties", Map.of("policyId", id,
                    "targetProtectionContainerId", target.path("id").asText() + "/replicationProtectionContainers/" + g.targetCloud(), "providerSpecificInput", Map.of()))),
                    "pairing cloud " + g.sourceCloud() + " with " + g.targetCloud());
            done.add("paired " + g.sourceCloud() + " with " + g.targetCloud());
        }
        return done.isEmpty() ? StepResult.already("Hyper-V policy " + s.name() + " is as declared and its clouds are paired") : StepResult.changed(String.join("; ", done));
    }

    /** Seed 003: a storage classification of the source VMM site mapped to one of the target's. */
    private StepResult storageMapping(Step s) {
        var m = estate.storageMappings().stream().filter(x -> x.source().equals(s.name())).findFirst().orElse(null);
        JsonNode existing = null;
        for (JsonNode sm : az.list(vault + "/replicationStorageClassificationMappings", AzureConnection.ASR_API)) {
            String[] parts = sm.path("id").asText().split("/");
            if (parts.length >= 3 && s.name().equals(parts[parts.length - 3])) existing = sm;
        }
        if (s.action() == Action.DELETE || m == null) {
            if (existing == null) return StepResult.already("storage mapping " + s.name() + " is gone");
            return finish(az.write(HttpMethod.DELETE, existing.path("id").asText(), AzureConnection.ASR_API, null), "deleted storage mapping " + s.name());
        }
        if (existing != null && m.target().equals(AzureDiscovery.last(existing.path("properties").path("targetStorageClassificationId").asText()))) {
            return StepResult.already("storage mapping " + s.name() + " → " + m.target() + " exists");
        }
        String sourceSite = siteWithClassification(m.source()), targetSite = siteWithClassification(m.target());
        JsonNode source = fabric(sourceSite).orElseThrow(() -> notRegistered(sourceSite));
        JsonNode target = fabric(targetSite).orElseThrow(() -> notRegistered(targetSite));
        String id = source.path("id").asText() + "/replicationStorageClassifications/" + m.source() + "/replicationStorageClassificationMappings/" + m.source() + "-" + m.target();
        return finish(az.write(HttpMethod.PUT, id, AzureConnection.ASR_API, Map.of("properties", Map.of("targetStorageClassificationId",
                target.path("id").asText() + "/replicationStorageClassifications/" + m.target()))), "mapped storage " + m.source() + " to " + m.target());
    }

    private Optional<String> siteWithNetwork(String name) {
        Optional<String> vmware = estate.vmwareSites().stream().filter(v -> v.networks().stream().anyMatch(n -> n.name().equals(name))).map(v -> v.name()).findFirst();
        return vmware.isPresent() ? vmware : estate.vmmSites().stream().filter(v -> v.vmNetworks().stream().anyMatch(n -> n.name().equals(name))).map(v -> v.name()).findFirst();
    }

    private String siteWithClassification(String name) {
        return estate.vmmSites().stream().filter(v -> v.storageClassifications().stream().anyMatch(c -> c.name().equals(name))).map(v -> v.name()).findFirst()
                .orElseThrow(() -> new OperationFailed("storage classification " + name + " is declared in no VMM site"));
    }

    private StepResult networkMapping(Step s) {
        NetworkMapping m = estate.networkMappings().stream().filter(x -> x.source().equals(s.name())).findFirst().orElse(null);
        JsonNode existing = null;
        for (JsonNode nm : az.list(vault + "/replicationNetworkMappings", AzureConnection.ASR_API)) {
            if (s.name().equals(nm.path("properties").path("primaryNetworkFriendlyName").asText())) existing = nm;
        }
        if (s.action() == Action.DELETE || m == null) {
            if (existing == null) return StepResult.already("network mapping " + s.name() + " is gone");
            return finish(az.write(HttpMethod.DELETE, existing.path("id").asText(), AzureConnection.ASR_API, null), "deleted network mapping " + s.name());
        }
        if (existing != null && m.target().equals(existing.path("properties").path("recoveryNetworkFriendlyName").asText())) {
            return StepResult.already("network mapping " + s.name() + " → " + m.target() + " exists");
        }
        String source = siteWithNetwork(m.source()).orElse(estate.vmwareSites().isEmpty() ? null : estate.vmwareSites().get(0).name());
        JsonNode fabric = fabric(source).orElseThrow(() -> notRegistered(source));
        String id = fabric.path("id").asText() + "/replicationNetworks/" + m.source() + "/replicationNetworkMappings/" + m.source() + "-" + m.target();
        // To an Azure virtual network, or (seed 003) to a VM network of the target VMM site.
        Optional<String> vmmTarget = estate.vmmSites().stream().filter(v -> v.vmNetworks().stream().anyMatch(n -> n.name().equals(m.target()))).map(v -> v.name()).findFirst();
        String recoveryFabric = AZURE_FABRIC, network = rg() + "/providers/Microsoft.Network/virtualNetworks/" + m.target(), kind = "VmmToAzure";
        if (vmmTarget.isPresent()) {
            JsonNode target = fabric(vmmTarget.get()).orElseThrow(() -> notRegistered(vmmTarget.get()));
            recoveryFabric = target.path("name").asText();
            network = target.path("id").asText() + "/replicationNetworks/" + m.target();
            kind = "VmmToVmm";
        }
        return finish(az.write(HttpMethod.PUT, id, AzureConnection.ASR_API, Map.of("properties", Map.of("recoveryFabricName", recoveryFabric, "recoveryNetworkId", network,
                "fabricSpecificDetails", Map.of("instanceType", kind)))), "mapped " + m.source() + " to " + m.target());
    }

    private StepResult protection(Step s) {
        Machine m = estate.machine(s.name()).orElse(null);
        JsonNode have = itemNode(s.name()).orElse(null);
        if (s.action() == Action.DELETE) {
            if (have == null) return StepResult.already(s.name() + " is not protected");
            return finish(disable(have), "disabled protection of " + s.name() + " (recovery points are deleted)");
        }
        if (m == null) throw new OperationFailed("machine " + s.name() + " is not declared");
        ProtectionGroup g = membership.groupOf(m.name()).orElseThrow(() -> new OperationFailed(m.name() + " is in no protection group"));
        if (s.action() == Action.REPROTECT) {
            if (have == null) throw new OperationFailed(m.name() + " is not protected, so it cannot be reprotected");
            return reprotectStep(have, m.name());
        }
        if (have != null && (s.action() == Action.RE_REPLICATE || s.action() == Action.REPLACE)) {
            // SRC-RESIZE / a new master target: protection is disabled and enabled again.
            awaitDone(disable(have), "disable protection of " + m.name());
            have = null;
        }
        if (have != null) {
            if (s.action() == Action.CREATE) return StepResult.already(m.name() + " is protected");
            return finish(az.write(HttpMethod.PATCH, have.path("id").asText(), AzureConnection.ASR_API, Map.of("properties", failoverSettings(m))),
                    "updated failover settings of " + m.name());
        }
        if (m.kind() == siteplan.model.MachineKind.HYPERV_VM) return enableHyperV(m, g);
        JsonNode fabric = fabric(m.site()).orElseThrow(() -> notRegistered(m.site()));
        JsonNode custom = fabric.path("properties").path("customDetails");
        JsonNode ps = find(custom.path("processServers"), "friendlyName", g.processServer());
        JsonNode mt = find(custom.path("masterTargetServers"), "name", g.masterTarget());
        if (g.processServer() != null && ps == null) throw new OperationFailed("process server " + g.processServer() + " of group " + g.name() + " is not registered with vault " + target.vault());
        if (g.masterTarget() != null && mt == null) throw new OperationFailed("master target " + g.masterTarget() + " of group " + g.name() + " is not registered with vault " + target.vault());
        String container = container(fabric);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instanceType", "InMageAzureV2");
        details.put("multiVmGroupName", g.name());
        if (ps != null) details.put("processServerId", ps.path("id").asText());
        if (mt != null) details.put("masterTargetId", mt.path("id").asText());
        if (g.storageAccount() != null) details.put("storageAccountId", rg() + "/providers/Microsoft.Storage/storageAccounts/" + g.storageAccount());
        details.put("disksToInclude", m.disks().stream().map(d -> d.name()).toList());
        if (m.failover() != null && m.failover().network() != null) {
            details.put("targetAzureNetworkId", rg() + "/providers/Microsoft.Network/virtualNetworks/" + m.failover().network());
            if (m.failover().subnet() != null) details.put("targetAzureSubnetId", rg() + "/providers/Microsoft.Network/virtualNetworks/" + m.failover().network() + "/subnets/" + m.failover().subnet());
        }
        if (m.failover() != null && m.failover().azureName() != null) details.put("targetAzureVmName", m.failover().azureName());
        Map<String, Object> props = Map.of("policyId", vault + "/replicationPolicies/" + g.policy(),
                "protectableItemId", fabric.path("id").asText() + "/replicationProtectionContainers/" + container + "/replicationProtectableItems/" + m.name(),
                "providerSpecificDetails", details);
        String id = fabric.path("id").asText() + "/replicationProtectionContainers/" + container + "/replicationProtectedItems/" + m.name();
        String detail = "enabled protection of " + m.name() + " with policy " + g.policy() + " (the Mobility service is pushed with the group's account)";
        AzureConnection.Reply enabled = az.write(HttpMethod.PUT, id, AzureConnection.ASR_API, Map.of("properties", props));
        if (m.failover() == null || (m.failover().vmSize() == null && m.failover().ip() == null)) return finish(enabled, detail);
        // Size and address are set on the protected item once it exists, as in the portal.
        awaitDone(enabled, "enable protection of " + m.name());
        return finish(az.write(HttpMethod.PATCH, id, AzureConnection.ASR_API, Map.of("properties", failoverSettings(m))), detail + "; failover settings set");
    }

    /** Seed 003: a Hyper-V VM in its group's source cloud, replicated by Hyper-V Replica under the group's policy. */
    private StepResult enableHyperV(Machine m, ProtectionGroup g) {
        JsonNode fabric = fabric(m.site()).orElseThrow(() -> notRegistered(m.site()));
        String container = fabric.path("id").asText() + "/replicationProtectionContainers/" + g.sourceCloud();
        Map<String, Object> props = Map.of("policyId", vault + "/replicationPolicies/" + g.policy(),
                "protectableItemId", container + "/replicationProtectableItems/" + m.name(),
                "providerSpecificDetails", Map.of("instanceType", "HyperVReplica2012R2"));
        return finish(az.write(HttpMethod.PUT, container + "/replicationProtectedItems/" + m.name(), AzureConnection.ASR_API, Map.of("properties", props)),
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
        if (f.network() != null) p.put("selectedRecoveryAzureNetworkId", rg() + "/providers/Microsoft.Network/virtualNetworks/" + f.network());
        Map<String, Object> nic = new LinkedHashMap<>();
        nic.put("nicId", "nic0");
        if (f.subnet() != null) nic.put("selectedSubnetName", f.subnet());
        if (f.ip() != null) nic.put("replicaNicStaticIPAddress", f.ip());
        p.put("vmNics", List.of(nic));
        return p;
    }

    private StepResult mobility(Step s) {
        JsonNode item = itemNode(s.name()).orElseThrow(() -> new OperationFailed(s.name() + " is not protected yet; the Mobility service is pushed when protection is enabled"));
        Machine m = estate.machine(s.name()).orElseThrow();
        String have = item.path("properties").path("providerSpecificDetails").path("agentVersion").asText(null);
        if (m.mobility() == null || m.mobility().version() == null || m.mobility().version().equals(have)) return StepResult.already("Mobility service of " + s.name() + " is " + have);
        return finish(az.write(HttpMethod.POST, item.path("id").asText() + "/updateMobilityService", AzureConnection.ASR_API, Map.of("properties", Map.of("runAsAccountId", "push"))),
                "updating the Mobility service of " + s.name() + " from " + have + " to " + m.mobility().version());
    }

    private StepResult recoveryPlan(Step s) {
        String id = vault + "/replicationRecoveryPlans/" + s.name();
        JsonNode have = az.get(id, AzureConnection.ASR_API);
        if (s.action() == Action.DELETE) {
            if (have == null) return StepResult.already("recovery plan " + s.name() + " is gone");
            return finish(az.write(HttpMethod.DELETE, id, AzureConnection.ASR_API, null), "deleted recovery plan " + s.name());
        }
        RecoveryPlan plan = estate.recoveryPlans().stream().filter(p -> p.name().equals(s.name())).findFirst()
                .orElseThrow(() -> new OperationFailed("recovery plan " + s.name() + " is not declared"));
        JsonNode fabric = fabric(plan.source()).orElseThrow(() -> notRegistered(plan.source()));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (var group : plan.groups()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (var pm : group.machines()) {
                JsonNode item = itemNode(pm.name()).orElseThrow(() -> new OperationFailed(pm.name() + " of recovery plan " + s.name() + " is not protected yet"));
                items.add(Map.of("id", item.path("id").asText(), "virtualMachineId", pm.name()));
            }
            groups.add(Map.of("groupType", "Boot", "replicationProtectedItems", items, "startGroupActions", List.of(), "endGroupActions", List.of()));
        }
        Map<String, Object> props = Map.of("primaryFabricId", fabric.path("id").asText(), "recoveryFabricId", AZURE_FABRIC,
                "failoverDeploymentModel", "ResourceManager", "groups", groups);
        if (have != null) {
            List<List<String>> wanted = plan.groups().stream().map(g -> g.machines().stream().map(pm -> pm.name()).toList()).toList();
            List<List<String>> existing = new ArrayList<>();
            for (JsonNode g : have.path("properties").path("groups")) {
                if (!"Boot".equalsIgnoreCase(g.path("groupType").asText())) continue;
                List<String> names = new ArrayList<>();
                g.path("replicationProtectedItems").forEach(i -> names.add(AzureDiscovery.last(i.path("id").asText())));
                existing.add(names);
            }
            if (existing.equals(wanted)) return StepResult.already("recovery plan " + s.name() + " is as declared");
        }
        return finish(az.write(HttpMethod.PUT, id, AzureConnection.ASR_API, Map.of("properties", props)),
                (have == null ? "created" : "updated") + " recovery plan " + s.name() + " (" + plan.groups().size() + " groups)");
    }

    // ------------------------------------------------------------------ recovery

    @Override public JobStatus job(String id) {
        AzureConnection.Reply r = az.poll(id);
        if (r.throttled()) throw new TransientFault("Resource Manager is throttling (HTTP " + r.status() + ", Retry-After " + r.retryAfter() + ") while polling " + id);
        if (r.status() == 404) return new JobStatus(id, JobStatus.State.FAILED, 1, null, null, "the operation " + id + " is unknown to Resource Manager");
        String status = r.body().path("status").asText("InProgress");
        JobStatus.State state = switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded" -> JobStatus.State.SUCCEEDED;
            case "failed", "canceled", "cancelled" -> JobStatus.State.FAILED;
            default -> JobStatus.State.RUNNING;
        };
        String error = state == JobStatus.State.FAILED ? r.body().path("error").path("code").asText("Failed") + ": " + r.body().path("error").path("message").asText("") : null;
        return new JobStatus(id, state, state == JobStatus.State.RUNNING ? 0.5 : 1, null, null, error);
    }

    @Override public String testFailover(String machine, String network, RecoveryPointChoice point) {
        JsonNode item = itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        Map<String, Object> props = Map.of("failoverDirection", direction(item), "networkType", "VmNetworkAsInput",
                "networkId", rg() + "/providers/Microsoft.Network/virtualNetworks/" + network,
                "providerSpecificDetails", recoveryPoint(point));
        return jobOf(az.write(HttpMethod.POST, item.path("id").asText() + "/testFailover", AzureConnection.ASR_API, Map.of("properties", props)), "test failover of " + machine);
    }

    @Override public String cleanupTestFailover(String machine) {
        JsonNode item = itemNode(machine).orElse(null);
        if (item == null || "None".equalsIgnoreCase(item.path("properties").path("testFailoverState").asText("None"))) return null;
        return jobOf(az.write(HttpMethod.POST, item.path("id").asText() + "/testFailoverCleanup", AzureConnection.ASR_API,
                Map.of("properties", Map.of("comments", "siteplan drill cleanup"))), "test failover cleanup of " + machine);
    }

    @Override public String failover(String machine, FailoverType type, RecoveryPointChoice point) {
        JsonNode item = itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        String action = type == FailoverType.UNPLANNED ? "unplannedFailover" : "plannedFailover";
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("failoverDirection", direction(item));
        if (type == FailoverType.UNPLANNED) props.put("sourceSiteOperations", "NotRequired");
        props.put("providerSpecificDetails", recoveryPoint(point));
        return jobOf(az.write(HttpMethod.POST, item.path("id").asText() + "/" + action, AzureConnection.ASR_API, Map.of("properties", props)), type.token() + " failover of " + machine);
    }

    @Override public String commit(String machine) {
        JsonNode item = itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        return jobOf(az.write(HttpMethod.POST, item.path("id").asText() + "/failoverCommit", AzureConnection.ASR_API, null), "commit of " + machine);
    }

    @Override public String reprotect(String machine) {
        JsonNode item = itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        return reprotectStep(item, machine).jobId();
    }

    private StepResult reprotectStep(JsonNode item, String machine) {
        Map<String, Object> props = Map.of("failoverDirection", direction(item), "providerSpecificDetails", Map.of("instanceType", "InMageAzureV2"));
        return finish(az.write(HttpMethod.POST, item.path("id").asText() + "/reProtect", AzureConnection.ASR_API, Map.of("properties", props)), "reprotecting " + machine);
    }

    /** The RPO Site Recovery last computed for the machine: how old its latest recovery point is. */
    @Override public Duration recoveryPointAge(String machine, RecoveryPointChoice point) {
        if (point.kind() == RecoveryPointChoice.Kind.TIME) return Duration.between(point.time(), Instant.now()).abs();
        JsonNode d = itemNode(machine).map(i -> i.path("properties").path("providerSpecificDetails")).orElse(null);
        if (d == null || !d.hasNonNull("rpoInSeconds")) return Duration.ZERO;
        return Duration.ofSeconds(d.get("rpoInSeconds").asLong());
    }

    @Override public String runbook(String name, String recoveryPlan) {
        throw new OperationFailed("runbook " + name + ": the Azure provider does not start Azure Automation runbooks yet; run it by hand, or drill with a plan without runbooks");
    }

    /** The address the (test) failover VM has in its network, as Site Recovery reports it on the item's first NIC. */
    @Override public InetSocketAddress endpoint(String machine, int port) {
        JsonNode item = itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        JsonNode nic = item.path("properties").path("providerSpecificDetails").path("vmNics").path(0);
        boolean test = !"None".equalsIgnoreCase(item.path("properties").path("testFailoverState").asText("None"));
        String ip = test ? nic.path("tfoIPAddress").asText(null) : nic.path("replicaNicStaticIPAddress").asText(null);
        if (ip == null && !test) ip = failedOverAddress(item.path("properties").path("providerSpecificDetails").path("recoveryAzureVMName").asText(machine));
        if (ip == null) throw new OperationFailed("Site Recovery reports no address for the " + (test ? "test " : "") + "failover VM of " + machine);
        return new InetSocketAddress(ip, port);
    }

    /** A failed-over VM without a static address: the private address of its first NIC, as Resource Manager has it. */
    private String failedOverAddress(String vmName) {
        JsonNode vm = az.get(rg() + "/providers/Microsoft.Compute/virtualMachines/" + vmName, "2024-07-01");
        String nicId = vm == null ? null : vm.path("properties").path("networkProfile").path("networkInterfaces").path(0).path("id").asText(null);
        JsonNode nic = nicId == null ? null : az.get(nicId, "2024-01-01");
        return nic == null ? null : nic.path("properties").path("ipConfigurations").path(0).path("properties").path("privateIPAddress").asText(null);
    }

    @Override public ProtectedItem item(String machine) {
        return itemNode(machine).map(i -> AzureDiscovery.item(i, Map.of(), Map.of(), false)).orElse(null);
    }

    // ------------------------------------------------------------------ helpers

    private String rg() {
        return "/subscriptions/" + target.subscription() + "/resourceGroups/" + target.resourceGroup();
    }

    private Optional<JsonNode> fabric(String site) {
        for (JsonNode f : az.list(vault + "/replicationFabrics", AzureConnection.ASR_API)) {
            if (site != null && site.equals(f.path("properties").path("friendlyName").asText())) return Optional.of(f);
        }
        return Optional.empty();
    }

    private String container(JsonNode fabric) {
        List<JsonNode> containers = az.list(fabric.path("id").asText() + "/replicationProtectionContainers", AzureConnection.ASR_API);
        if (containers.isEmpty()) throw new OperationFailed("site " + fabric.path("properties").path("friendlyName").asText() + " has no protection container in vault " + target.vault());
        return containers.get(0).path("name").asText();
    }

    private Optional<JsonNode> itemNode(String machine) {
        for (JsonNode i : az.list(vault + "/replicationProtectedItems", AzureConnection.ASR_API)) {
            if (machine.equals(i.path("properties").path("friendlyName").asText())) return Optional.of(i);
        }
        return Optional.empty();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        if (value == null) return null;
        for (JsonNode n : array) if (value.equalsIgnoreCase(n.path(field).asText())) return n;
        return null;
    }

    private static String direction(JsonNode item) {
        return "Recovery".equalsIgnoreCase(item.path("properties").path("activeLocation").asText()) ? "RecoveryToPrimary" : "PrimaryToRecovery";
    }

    private static Map<String, Object> recoveryPoint(RecoveryPointChoice point) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instanceType", "InMageAzureV2");
        d.put("recoveryPointType", switch (point.kind()) {
            case LATEST -> "Latest";
            case LATEST_APP_CONSISTENT -> "LatestApplicationConsistent";
            case TIME -> "Custom";
        });
        if (point.kind() == RecoveryPointChoice.Kind.TIME) d.put("recoveryPointTime", point.time().toString());
        return d;
    }

    private OperationFailed notRegistered(String site) {
        var vmm = estate.vmmSites().stream().filter(v -> v.name().equals(site)).findFirst();
        if (vmm.isPresent()) {
            String server = vmm.get().servers().isEmpty() ? "its VMM server" : "VMM server " + vmm.get().servers().get(0).name();
            return new OperationFailed("site " + site + " is not registered with vault " + target.vault() + ": install the Site Recovery Provider on " + server
                    + " and register it with the vault's registration key (seed 003), then apply again");
        }
        return new OperationFailed("site " + site + " is not registered with vault " + target.vault()
                + ": install its configuration server with the vault's registration key (CS-REG-KEY), then apply again");
    }

    /** A write's outcome as a step result: done now, or the operation to wait on. */
    private StepResult finish(AzureConnection.Reply r, String detail) {
        String job = jobOf(r, detail);
        return job == null ? StepResult.changed(detail) : StepResult.job(job, detail);
    }

    private String jobOf(AzureConnection.Reply r, String what) {
        if (r.throttled()) throw new TransientFault(what + ": Resource Manager answered HTTP " + r.status() + (r.retryAfter() == null ? "" : ", Retry-After " + r.retryAfter()));
        if (r.status() == 401 || r.status() == 403) throw new OperationFailed(what + ": Resource Manager refused it (HTTP " + r.status() + ", " + r.error() + ")");
        if (r.status() >= 300) throw new OperationFailed(what + ": " + r.error());
        if (!r.accepted()) return null;
        String poll = r.asyncOperation() != null ? r.asyncOperation() : r.location();
        if (poll == null) throw new OperationFailed(what + ": Resource Manager accepted it but said nowhere to follow it");
        return poll;
    }

    private void awaitDone(AzureConnection.Reply r, String what) {
        String job = jobOf(r, what);
        if (job == null) return;
        try {
            JobStatus s = siteplan.executor.provider.Jobs.await(this, job, () -> false);
            if (s.state() == JobStatus.State.FAILED) throw new OperationFailed(what + " failed: " + s.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailed(what + " was interrupted");
        }
    }
}
