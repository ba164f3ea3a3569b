package siteplan.providers.azure;

import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.network.models.Network;
import com.azure.resourcemanager.storage.StorageManager;
import com.azure.resourcemanager.storage.models.StorageAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import siteplan.planner.state.AzureSubscription;
import siteplan.planner.state.PolicyForm;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.RecoveryPlanInfo;
import siteplan.planner.state.RecoveryVault;
import siteplan.planner.state.ServerForm;
import siteplan.planner.state.VmDisk;
import siteplan.units.DataSize;
import siteplan.units.Durations;

/**
 * Reads one Azure target: its virtual networks and storage accounts through the management libraries,
 * and its Recovery Services vault through Site Recovery's REST surface (fabrics with their registered
 * servers, protection containers, policies, network and storage mappings, protected items, recovery
 * plans, jobs), into the planner's {@link AzureSubscription} and {@link RecoveryVault}.
 *
 * <p>What Site Recovery does not report is left out rather than guessed: a registered server's sizing
 * (vCPUs, cache disk, uplink), a fabric's replication mechanism, the state of each Mobility service. The
 * differ compares only what discovery reports, so these never show as drift.
 */
public final class AzureDiscovery {
    /** A vault siteplan created carries this tag; only such a vault's contents are siteplan's to delete. */
    public static final String MANAGED_TAG = "managed-by";

    private final AzureConnection az;
    private final AsrNames names;

    /** @param estate the definition: which fabric is which site is read from the names of its servers */
    public AzureDiscovery(AzureConnection az, siteplan.model.Estate estate) {
        this.az = az;
        this.names = new AsrNames(estate);
    }

    public AzureSubscription subscription() {
        var t = az.target();
        String group = "/subscriptions/" + t.subscription() + "/resourceGroups/" + t.resourceGroup();
        if (az.get(group, "2021-04-01") == null) {
            // Nothing exists yet: the plan creates what is declared, in a resource group someone must create first.
            return new AzureSubscription(t.name(), t.subscription(), t.region(), List.of(), List.of());
        }
        NetworkManager network = NetworkManager.authenticate(az.pipeline(), az.profile());
        StorageManager storage = StorageManager.authenticate(az.pipeline(), az.profile());
        List<AzureSubscription.AzureNetwork> networks = new ArrayList<>();
        for (Network n : network.networks().listByResourceGroup(t.resourceGroup())) {
            List<String> subnets = new ArrayList<>();
            n.subnets().forEach((name, s) -> subnets.add(name + "=" + s.addressPrefix()));
            subnets.sort(null);
            networks.add(new AzureSubscription.AzureNetwork(n.name(), n.regionName(), n.addressSpaces(), subnets));
        }
        List<AzureSubscription.AzureStorageAccount> accounts = new ArrayList<>();
        for (StorageAccount a : storage.storageAccounts().listByResourceGroup(t.resourceGroup())) {
            accounts.add(new AzureSubscription.AzureStorageAccount(a.name(), redundancy(a.skuType().name().toString()), a.regionName()));
        }
        List<AzureSubscription.PublicIp> ips = new ArrayList<>();
        network.publicIpAddresses().listByResourceGroup(t.resourceGroup()).forEach(ip -> ips.add(new AzureSubscription.PublicIp(ip.name(), ip.ipAddress(),
                ip.ipAllocationMethod() == null ? null : ip.ipAllocationMethod().toString().toLowerCase(Locale.ROOT), ip.regionName())));
        List<AzureSubscription.AzureVm> vms = new ArrayList<>();
        for (JsonNode vm : az.list(group + "/providers/Microsoft.Compute/virtualMachines", "2024-07-01")) {
            vms.add(new AzureSubscription.AzureVm(vm.path("name").asText(), vm.path("properties").path("hardwareProfile").path("vmSize").asText(null), vm.path("location").asText(null)));
        }
        return new AzureSubscription(t.name(), t.subscription(), t.region(), networks, accounts, vms, ips);
    }

    /** Standard_GRS → grs, Standard_RAGRS → ra-grs: the redundancy, in siteplan's tokens. */
    static String redundancy(String sku) {
        String r = sku.substring(sku.indexOf('_') + 1).toUpperCase(Locale.ROOT);
        return switch (r) {
            case "RAGRS" -> "ra-grs";
            case "RAGZRS" -> "ra-gzrs";
            default -> r.toLowerCase(Locale.ROOT);
        };
    }

    /** The vault, or null when it does not exist yet. */
    public RecoveryVault vault() {
        String v = az.vaultId();
        JsonNode vault = az.get(v, AzureConnection.VAULT_API);
        if (vault == null) return null;
        boolean managed = vault.path("tags").has(MANAGED_TAG);
        String api = AzureConnection.ASR_API;

        Map<String, String> fabricSite = new HashMap<>(), masterTargetNames = new HashMap<>(), processServerNames = new HashMap<>();
        List<RecoveryVault.Fabric> fabrics = new ArrayList<>();
        List<JsonNode> fabricNodes = az.list(v + "/replicationFabrics", api);
        for (JsonNode f : fabricNodes) {
            if (AsrNames.isAzure(f)) continue; // Site Recovery's own fabric for Azure is not a site
            JsonNode p = f.path("properties"), custom = p.path("customDetails");
            String site = names.siteOf(f);
            fabricSite.put(f.path("id").asText().toLowerCase(Locale.ROOT), site);
            String type = custom.path("instanceType").asText("").toLowerCase(Locale.ROOT);
            List<RecoveryVault.RegisteredServer> servers = new ArrayList<>();
            if (type.equals("vmware")) {
                if (custom.hasNonNull("hostName")) servers.add(new RecoveryVault.RegisteredServer("configuration-server", custom.get("hostName").asText(), health(p.path("health").asText(null)), Map.of()));
                for (JsonNode ps : custom.path("processServers")) {
                    processServerNames.put(ps.path("id").asText().toLowerCase(Locale.ROOT), ps.path("friendlyName").asText());
                    servers.add(new RecoveryVault.RegisteredServer("process-server", ps.path("friendlyName").asText(), health(ps.path("health").asText(null), ps.path("healthErrors")), memory(ps)));
                }
                for (JsonNode mt : custom.path("masterTargetServers")) {
                    masterTargetNames.put(mt.path("id").asText().toLowerCase(Locale.ROOT), mt.path("name").asText());
                    servers.add(new RecoveryVault.RegisteredServer("master-target", mt.path("name").asText(), health(null, mt.path("healthErrors")), masterTarget(mt)));
                }
                for (JsonNode vc : az.list(f.path("id").asText() + "/replicationvCenters", api)) {
                    JsonNode vp = vc.path("properties");
                    servers.add(new RecoveryVault.RegisteredServer("vcenter", vp.path("ipAddress").asText(vp.path("friendlyName").asText()), health(null, vp.path("healthErrors")), Map.of()));
                }
            }
            List<String> containers = new ArrayList<>();
            String autoUpgrade = null;
            for (JsonNode c : az.list(f.path("id").asText() + "/replicationProtectionContainers", api)) {
                containers.add(c.path("properties").path("friendlyName").asText(c.path("name").asText()));
                if (RcmFabric.is(f) && autoUpgrade == null) autoUpgrade = agentAutoUpgrade(c);
            }
            if (RcmFabric.is(f)) {
                // A modernized vault has one fabric for all its appliances, whichever VMware site of the definition each serves: each
                // site gets the appliances declared in it (and those it does not know, the first site), its vCenter, the one container.
                for (JsonNode ps : custom.path("processServers")) processServerNames.put(ps.path("id").asText().toLowerCase(Locale.ROOT), ps.path("name").asText());
                List<String> sites = names.sitesOf(f);
                Map<String, List<RecoveryVault.RegisteredServer>> bySite = new LinkedHashMap<>();
                sites.forEach(x -> bySite.put(x, new ArrayList<>()));
                for (RecoveryVault.RegisteredServer a : RcmFabric.appliances(custom, autoUpgrade)) {
                    bySite.get(names.siteOfAppliance(a.name()).filter(bySite::containsKey).orElse(sites.get(0))).add(a);
                }
                // The vCenters the appliances discover are added on them, into the vault's discovery site (Azure Migrate's OffAzure).
                if (custom.hasNonNull("vmwareSiteId")) {
                    for (JsonNode vc : az.list(custom.get("vmwareSiteId").asText() + "/vcenters", RcmProtection.OFF_AZURE_API)) {
                        JsonNode vp = vc.path("properties");
                        String address = vp.path("fqdn").asText(vc.path("name").asText());
                        bySite.get(names.siteOfVcenter(address).filter(bySite::containsKey).orElse(sites.get(0)))
                                .add(new RecoveryVault.RegisteredServer("vcenter", address, health(null, vp.path("errors")), Map.of()));
                    }
                }
                bySite.forEach((x, list) -> fabrics.add(new RecoveryVault.Fabric(x, "vmware", null, list, containers)));
                continue;
            }
            fabrics.add(new RecoveryVault.Fabric(site, type, null, servers, containers));
        }

        List<RecoveryVault.Policy> policies = new ArrayList<>();
        for (JsonNode p : az.list(v + "/replicationPolicies", api)) policies.add(policy(p, managed));

        List<RecoveryVault.Mapping> networkMappings = new ArrayList<>();
        for (JsonNode m : az.list(v + "/replicationNetworkMappings", api)) {
            JsonNode p = m.path("properties");
            networkMappings.add(new RecoveryVault.Mapping(p.path("primaryNetworkFriendlyName").asText(), p.path("recoveryNetworkFriendlyName").asText(), managed));
        }
        Map<String, String> classifications = AzureVault.classificationNames(az, v);
        List<RecoveryVault.Mapping> storageMappings = new ArrayList<>();
        for (JsonNode m : az.list(v + "/replicationStorageClassificationMappings", api)) {
            // …/replicationStorageClassifications/SOURCE/replicationStorageClassificationMappings/NAME: the source is the parent.
            String source = parentOf(m.path("id").asText());
            String target = m.path("properties").path("targetStorageClassificationId").asText();
            storageMappings.add(new RecoveryVault.Mapping(classifications.getOrDefault(source.toLowerCase(Locale.ROOT), last(source)),
                    classifications.getOrDefault(target.toLowerCase(Locale.ROOT), last(target)), managed));
        }

        Map<String, String> itemMachine = new HashMap<>();
        List<ProtectedItem> items = new ArrayList<>();
        java.util.Set<String> perMachine = new java.util.LinkedHashSet<>();
        List<JsonNode> listed = az.list(v + "/replicationProtectedItems", api);
        // The vault's fabrics were read above: the modernized ones name the machines their appliances discovered.
        if (listed.stream().anyMatch(i -> AzureVault.provider(i).startsWith("InMageRcm"))) names.readDiscovered(az, fabricNodes);
        for (JsonNode listedItem : listed) {
            // A modernized item's disks and NICs come only with its own GET (the list leaves them out).
            JsonNode i = AzureVault.full(az, listedItem);
            ProtectedItem item = item(i, fabricSite, masterTargetNames, processServerNames, managed, names);
            itemMachine.put(i.path("id").asText().toLowerCase(Locale.ROOT), item.machine());
            items.add(item);
            // VMware/physical → Azure maps networks per machine: a NIC on a source network fails over into the item's network.
            JsonNode d = i.path("properties").path("providerSpecificDetails");
            if (d.hasNonNull("selectedRecoveryAzureNetworkId")) {
                for (JsonNode nic : d.path("vmNics")) {
                    if (nic.hasNonNull("vMNetworkName")) perMachine.add(nic.get("vMNetworkName").asText() + "\n" + last(d.get("selectedRecoveryAzureNetworkId").asText()));
                }
            }
        }
        for (String m : perMachine) {
            String[] pair = m.split("\n", 2);
            if (networkMappings.stream().noneMatch(x -> x.source().equals(pair[0]))) networkMappings.add(new RecoveryVault.Mapping(pair[0], pair[1], managed));
        }
        networkMappings.sort(java.util.Comparator.comparing(RecoveryVault.Mapping::source));

        List<RecoveryPlanInfo> plans = new ArrayList<>();
        for (JsonNode rp : az.list(v + "/replicationRecoveryPlans", api)) {
            List<List<String>> groups = new ArrayList<>();
            for (JsonNode g : rp.path("properties").path("groups")) {
                if (!"Boot".equalsIgnoreCase(g.path("groupType").asText())) continue; // Shutdown and Failover groups are Site Recovery's own
                List<String> machines = new ArrayList<>();
                for (JsonNode ref : g.path("replicationProtectedItems")) {
                    String id = ref.path("id").asText().toLowerCase(Locale.ROOT);
                    machines.add(itemMachine.getOrDefault(id, last(id)));
                }
                groups.add(machines);
            }
            plans.add(new RecoveryPlanInfo(rp.path("properties").path("friendlyName").asText(rp.path("name").asText()), groups, managed));
        }

        List<RecoveryVault.Job> jobs = new ArrayList<>();
        for (JsonNode j : az.list(v + "/replicationJobs", api)) jobs.add(job(j));

        return new RecoveryVault(az.target().name(), az.target().vault(), vault.path("location").asText(az.target().region()),
                fabrics, policies, networkMappings, storageMappings, items, plans, jobs);
    }

    /**
     * Whether Site Recovery keeps the Mobility agents of a modernized container's machines upgraded: its InMageRcm
     * container mapping's enableAgentAutoUpgrade ("true"/"false"), or null when no policy is associated yet.
     */
    private String agentAutoUpgrade(JsonNode container) {
        for (JsonNode m : az.list(container.path("id").asText() + "/replicationProtectionContainerMappings", AzureConnection.ASR_API)) {
            JsonNode d = m.path("properties").path("providerSpecificDetails");
            // The mappings of the definition's policies: a vault's own (the portal's default policy) says nothing of what is declared.
            if (!names.declaresPolicy(m.path("properties").path("policyFriendlyName").asText())) continue;
            if ("InMageRcm".equals(d.path("instanceType").asText()) && d.hasNonNull("enableAgentAutoUpgrade")) {
                return String.valueOf(Boolean.parseBoolean(d.get("enableAgentAutoUpgrade").asText()));
            }
        }
        return null;
    }

    /** Site Recovery's health words (Normal, Warning, Critical) in the simulated estate's (healthy, warning, critical). */
    static String health(String asr) {
        if (asr == null || asr.isBlank() || asr.equalsIgnoreCase("Normal") || asr.equalsIgnoreCase("None")) return "healthy";
        return asr.toLowerCase(Locale.ROOT);
    }

    /** A server's health: its health word where the contract has one, made worse by its health errors (errorLevel Error → critical, Warning → warning). */
    static String health(String asr, JsonNode errors) {
        String h = health(asr);
        for (JsonNode e : errors) {
            String level = e.path("errorLevel").asText("").toLowerCase(Locale.ROOT);
            if (level.equals("error") || level.equals("critical")) return "critical";
            if (level.equals("warning") && h.equals("healthy")) h = "warning";
        }
        return h;
    }

    private static Map<String, String> memory(JsonNode ps) {
        Map<String, String> m = new LinkedHashMap<>();
        if (ps.hasNonNull("totalMemoryInBytes") && ps.get("totalMemoryInBytes").asLong() > 0) m.put(ServerForm.MEMORY, new DataSize(ps.get("totalMemoryInBytes").asLong()).toString());
        return m;
    }

    private static Map<String, String> masterTarget(JsonNode mt) {
        Map<String, String> m = new LinkedHashMap<>();
        if (mt.hasNonNull("osType")) m.put(ServerForm.OS, mt.get("osType").asText().toLowerCase(Locale.ROOT));
        long retention = 0;
        for (JsonNode r : mt.path("retentionVolumes")) retention += r.path("capacityInBytes").asLong();
        if (retention > 0) m.put(ServerForm.RETENTION, new DataSize(retention).toString());
        return m;
    }

    static RecoveryVault.Policy policy(JsonNode p, boolean managed) {
        JsonNode d = p.path("properties").path("providerSpecificDetails");
        String type = d.path("instanceType").asText();
        String name = p.path("properties").path("friendlyName").asText(p.path("name").asText());
        Map<String, String> s = new TreeMap<>();
        switch (type) {
            case "InMageAzureV2", "InMage" -> {
                minutes(s, PolicyForm.RPO_THRESHOLD, d.path("recoveryPointThresholdInMinutes"));
                minutes(s, PolicyForm.RETENTION, d.path("recoveryPointHistory"));
                minutes(s, PolicyForm.APP_CONSISTENT_FREQUENCY, d.path("appConsistentFrequencyInMinutes"));
                if (d.hasNonNull("multiVmSyncStatus")) s.put(PolicyForm.MULTI_VM_CONSISTENCY, String.valueOf("Enable".equalsIgnoreCase(d.get("multiVmSyncStatus").asText())));
                return new RecoveryVault.Policy(name, type.equals("InMage") ? PolicyForm.FAILBACK : PolicyForm.VMWARE_TO_AZURE, s, managed);
            }
            case "InMageRcm" -> {
                rcmMinutes(s, PolicyForm.RECOVERY_POINT_HISTORY, d.path("recoveryPointHistoryInMinutes"));
                rcmMinutes(s, PolicyForm.CRASH_CONSISTENT_FREQUENCY, d.path("crashConsistentFrequencyInMinutes"));
                rcmMinutes(s, PolicyForm.APP_CONSISTENT_FREQUENCY, d.path("appConsistentFrequencyInMinutes"));
                if (d.hasNonNull("enableMultiVmSync")) s.put(PolicyForm.MULTI_VM_CONSISTENCY, String.valueOf(enabled(d.get("enableMultiVmSync").asText())));
                return new RecoveryVault.Policy(name, PolicyForm.VMWARE_TO_AZURE_MODERNIZED, s, managed);
            }
            case "InMageRcmFailback" -> {
                rcmMinutes(s, PolicyForm.CRASH_CONSISTENT_FREQUENCY, d.path("crashConsistentFrequencyInMinutes"));
                rcmMinutes(s, PolicyForm.APP_CONSISTENT_FREQUENCY, d.path("appConsistentFrequencyInMinutes"));
                return new RecoveryVault.Policy(name, PolicyForm.FAILBACK, s, managed);
            }
            case "HyperVReplica2012R2", "HyperVReplica2012", "HyperVReplicaBasePolicyDetails" -> {
                if (d.hasNonNull("replicationFrequencyInSeconds")) s.put(PolicyForm.COPY_FREQUENCY, Durations.format(Duration.ofSeconds(d.get("replicationFrequencyInSeconds").asLong())));
                if (d.hasNonNull("recoveryPoints")) s.put(PolicyForm.RECOVERY_POINTS, d.get("recoveryPoints").asText());
                if (d.hasNonNull("applicationConsistentSnapshotFrequencyInHours") && d.get("applicationConsistentSnapshotFrequencyInHours").asLong() > 0) {
                    s.put(PolicyForm.APP_CONSISTENT_FREQUENCY, Durations.format(Duration.ofHours(d.get("applicationConsistentSnapshotFrequencyInHours").asLong())));
                }
                if (d.hasNonNull("compression")) s.put(PolicyForm.COMPRESSION, String.valueOf("Enable".equalsIgnoreCase(d.get("compression").asText())));
                if (d.hasNonNull("allowedAuthenticationType")) s.put(PolicyForm.AUTHENTICATION, d.get("allowedAuthenticationType").asInt() == 2 ? "certificate" : "kerberos");
                if (d.hasNonNull("replicationPort")) s.put(PolicyForm.PORT, d.get("replicationPort").asText());
                if (d.hasNonNull("initialReplicationMethod")) s.put(PolicyForm.INITIAL_REPLICATION, "Offline".equalsIgnoreCase(d.get("initialReplicationMethod").asText()) ? "offline" : "network");
                if (d.hasNonNull("replicaDeletionOption")) {
                    String option = d.get("replicaDeletionOption").asText();
                    s.put(PolicyForm.DELETE_REPLICA, String.valueOf("Required".equalsIgnoreCase(option) || "OnRecoveryCloud".equalsIgnoreCase(option)));
                }
                return new RecoveryVault.Policy(name, PolicyForm.HYPERV_TO_VMM, s, managed);
            }
            default -> {
                return new RecoveryVault.Policy(name, type.toLowerCase(Locale.ROOT), s, managed);
            }
        }
    }

    private static void minutes(Map<String, String> s, String key, JsonNode n) {
        if (n != null && !n.isMissingNode() && !n.isNull()) s.put(key, Durations.format(Duration.ofMinutes(n.asLong())));
    }

    /** The same for a modernized policy, where no app-consistent points is 0 minutes, as PolicyForm spells it ("0min"). */
    private static void rcmMinutes(Map<String, String> s, String key, JsonNode n) {
        if (n != null && !n.isMissingNode() && !n.isNull()) s.put(key, n.asLong() == 0 ? "0min" : Durations.format(Duration.ofMinutes(n.asLong())));
    }

    /** Site Recovery's words for a switch: "true"/"True" (InMageRcm) or "Enable" (the classic providers). */
    static boolean enabled(String word) {
        return word.equalsIgnoreCase("true") || word.equalsIgnoreCase("enable") || word.equalsIgnoreCase("enabled");
    }

    static ProtectedItem item(JsonNode i, Map<String, String> fabricSite, Map<String, String> masterTargets, Map<String, String> processServers, boolean managed, AsrNames names) {
        JsonNode p = i.path("properties"), d = p.path("providerSpecificDetails");
        String machine = p.path("friendlyName").asText(i.path("name").asText());
        String site = fabricSite.getOrDefault(fabricOf(i.path("id").asText()), p.path("primaryFabricFriendlyName").asText(null));
        String provider = d.path("instanceType").asText("");
        if (provider.equals("InMageRcm") || provider.equals("InMageRcmFailback")) {
            // One fabric serves every site of a modernized vault: the machine's site is its appliance's.
            String appliance = d.path(provider.equals("InMageRcm") ? "processServerName" : "reprotectAgentName").asText(null);
            String rcmMachine = names.machineOf(i);
            String rcmSite = names.siteOfMachine(rcmMachine).or(() -> appliance == null ? java.util.Optional.empty() : names.siteOfAppliance(appliance)).orElse(site);
            return RcmItems.item(i, rcmMachine, rcmSite, managed, names);
        }
        List<VmDisk> disks = new ArrayList<>();
        for (JsonNode disk : d.path("protectedDisks")) {
            disks.add(new VmDisk(disk.path("diskName").asText(), new DataSize(disk.path("diskCapacityInBytes").asLong()), null));
        }
        for (JsonNode disk : d.path("vMDiskDetails")) { // Hyper-V Replica: the VHDs, sized in MB, named as the definition names the disks
            disks.add(new VmDisk(names.diskName(machine, disk.path("vhdName").asText()), new DataSize(disk.path("maxSizeMB").asLong() * 1024 * 1024), null));
        }
        ProtectedItem.Failover failover = null;
        JsonNode ip = d.path("vmNics").path(0).path("ipConfigs").path(0);
        if (d.hasNonNull("recoveryAzureVMSize") || d.hasNonNull("recoveryAzureVMName") || d.hasNonNull("selectedRecoveryAzureNetworkId")) {
            failover = new ProtectedItem.Failover(d.path("recoveryAzureVMName").asText(null), d.path("recoveryAzureVMSize").asText(null),
                    d.hasNonNull("selectedRecoveryAzureNetworkId") ? last(d.get("selectedRecoveryAzureNetworkId").asText()) : null,
                    ip.path("recoverySubnetName").asText(null), ip.path("recoveryStaticIPAddress").asText(null));
        }
        ProtectedItem.Mobility mobility = d.hasNonNull("agentVersion") ? new ProtectedItem.Mobility(d.get("agentVersion").asText(), Map.of()) : null;
        String tfo = !AsrStates.testFailoverActive(p) || !d.hasNonNull("selectedTfoAzureNetworkId") ? null : last(d.get("selectedTfoAzureNetworkId").asText());
        String ps = d.hasNonNull("processServerName") ? d.get("processServerName").asText()
                : d.hasNonNull("processServerId") ? processServers.getOrDefault(d.get("processServerId").asText().toLowerCase(Locale.ROOT), d.get("processServerId").asText()) : null;
        String mt = d.hasNonNull("masterTargetId") ? masterTargets.getOrDefault(d.get("masterTargetId").asText().toLowerCase(Locale.ROOT), d.get("masterTargetId").asText()) : null;
        // A machine in no named replication group is in no group of the definition's: its group is found from membership.
        String named = AsrStates.replicationGroup(d);
        String group = named != null ? named : names.group(machine, p.path("policyFriendlyName").asText(null));
        return new ProtectedItem(machine, site, group, p.path("policyFriendlyName").asText(null), ps, mt,
                d.hasNonNull("recoveryAzureLogStorageAccountId") ? last(d.get("recoveryAzureLogStorageAccountId").asText())
                        : d.hasNonNull("recoveryAzureStorageAccount") ? last(d.get("recoveryAzureStorageAccount").asText()) : null,
                AsrStates.state(p), p.path("replicationHealth").asText("Normal").toLowerCase(Locale.ROOT), AsrStates.location(p),
                disks, failover, mobility, managed, tfo, moveReadiness(d));
    }

    /**
     * What a classic item (InMageAzureV2) reports that its move to a modernized vault depends on: useManagedDisks ("true"/"false")
     * and switchProviderBlockingErrorDetails, each as "code: message — recommended action". Null for other providers.
     */
    static ProtectedItem.MoveReadiness moveReadiness(JsonNode d) {
        if (!"InMageAzureV2".equals(d.path("instanceType").asText())) return null;
        // A string in the contract: only "true" or "false" says; anything else ("", "NotSpecified") is not reported.
        String managed = d.path("useManagedDisks").asText("");
        Boolean managedDisks = managed.equalsIgnoreCase("true") ? Boolean.TRUE : managed.equalsIgnoreCase("false") ? Boolean.FALSE : null;
        List<String> blockers = new ArrayList<>();
        for (JsonNode b : d.path("switchProviderBlockingErrorDetails")) {
            String code = b.path("errorCode").asText("");
            String message = b.path("errorMessage").asText("");
            String action = b.path("recommendedAction").asText("");
            blockers.add((code.isBlank() ? "" : code + ": ") + (message.isBlank() ? "blocked" : message) + (action.isBlank() ? "" : " — " + action));
        }
        return managedDisks == null && blockers.isEmpty() ? null : new ProtectedItem.MoveReadiness(managedDisks, blockers);
    }

    /** The id of a resource's parent: …/TYPE/PARENT/CHILDTYPE/NAME → …/TYPE/PARENT. */
    static String parentOf(String id) {
        String[] parts = id.split("/");
        return parts.length < 3 ? id : String.join("/", java.util.Arrays.copyOf(parts, parts.length - 2));
    }

    static RecoveryVault.Job job(JsonNode j) {
        JsonNode p = j.path("properties");
        JsonNode err = p.path("errors").path(0).path("serviceErrorDetails");
        return new RecoveryVault.Job(j.path("name").asText(), p.path("scenarioName").asText(null), p.path("targetObjectName").asText(null),
                p.path("state").asText(null), p.path("startTime").asText(null), p.path("endTime").asText(null), err.isMissingNode() ? null : err.path("message").asText(null));
    }

    /** …/replicationFabrics/F/replicationProtectionContainers/C/replicationProtectedItems/I → the fabric's id, lower-case. */
    private static String fabricOf(String itemId) {
        String lower = itemId.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("/replicationprotectioncontainers/");
        return at < 0 ? lower : lower.substring(0, at);
    }

    static String last(String id) {
        if (id == null) return null;
        String s = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
