package siteplan.providers.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.Jobs;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.StepResult;
import siteplan.executor.provider.TransientFault;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;

/**
 * The Recovery Services vault as the Azure ports reach it. Site Recovery names what it discovers itself
 * (fabrics by a hash, containers cloud_GUID, protectable items, networks and storage classifications by
 * GUID) and carries the names people know as properties; so everything here is found by listing and
 * matching those properties, never by building a path from a name in the definition. Only what the caller
 * names at creation (policies, recovery plans, mappings, vCenters) has the definition's name in its path.
 */
final class AzureVault {
    static final String API = AzureConnection.ASR_API;
    /** The recovery fabric of a plan or mapping that fails over to Azure, as Site Recovery spells it. */
    static final String AZURE_FABRIC = "Microsoft Azure";

    private final AzureConnection az;
    private final Estate estate;
    private final AzureTarget target;
    private final String id;
    private final AzureJobs jobs;
    private final AsrNames names;

    AzureVault(AzureConnection az, Estate estate, AzureJobs jobs) {
        this.az = az;
        this.estate = estate;
        this.target = az.target();
        this.id = az.vaultId();
        this.jobs = jobs;
        this.names = new AsrNames(estate);
    }

    AzureJobs jobs() { return jobs; }

    AzureConnection az() { return az; }

    Estate estate() { return estate; }

    AzureTarget target() { return target; }

    AsrNames names() { return names; }

    /** The vault's Resource Manager id. */
    String id() { return id; }

    String rg() {
        return "/subscriptions/" + target.subscription() + "/resourceGroups/" + target.resourceGroup();
    }

    /**
     * A storage account's Resource Manager id: in the resource group of the target that declares it (a moved machine's log
     * account stays in the classic vault's group), this vault's group when no target does.
     */
    String storageAccount(String name) {
        AzureTarget owner = estate.storageAccountOwner(name).orElse(target);
        return "/subscriptions/" + owner.subscription() + "/resourceGroups/" + owner.resourceGroup() + "/providers/Microsoft.Storage/storageAccounts/" + name;
    }

    /** The URL of one of this vault's resources by its Resource Manager id (a job named by an item's currentScenario). */
    String url(String id) {
        return az.url(id, API);
    }

    String network(String name) {
        return rg() + "/providers/Microsoft.Network/virtualNetworks/" + name;
    }

    /** The fabric a site registered as: its configuration server (VMware) or a VMM server, matched by name. */
    Optional<JsonNode> fabric(String site) {
        if (site == null) return Optional.empty();
        for (JsonNode f : az.list(id + "/replicationFabrics", API)) {
            if (names.isFabricOf(f, site)) return Optional.of(f);
        }
        return Optional.empty();
    }

    List<JsonNode> containers(JsonNode fabric) {
        return az.list(fabric.path("id").asText() + "/replicationProtectionContainers", API);
    }

    /** A VMM cloud's protection container (friendlyName = the cloud), or a VMware fabric's one container. */
    JsonNode container(JsonNode fabric, String cloud) {
        List<JsonNode> all = containers(fabric);
        String site = names.siteOf(fabric);
        if (cloud != null) {
            for (JsonNode c : all) if (cloud.equalsIgnoreCase(c.path("properties").path("friendlyName").asText())) return c;
            throw new OperationFailed("cloud " + cloud + " of site " + site + " is not discovered by Site Recovery in vault " + target.vault()
                    + ": check that VMM lists it and that the Site Recovery Provider on the VMM server is connected, then apply again");
        }
        if (all.isEmpty()) throw new OperationFailed("site " + site + " has no protection container in vault " + target.vault() + " yet: Site Recovery creates it when the configuration server registers");
        return all.get(0);
    }

    /** The machine as the site's server discovered it (vCenter through the configuration server, or VMM), matched by VM name. */
    JsonNode protectable(JsonNode fabric, JsonNode container, String machine) {
        for (JsonNode p : az.list(container.path("id").asText() + "/replicationProtectableItems", API)) {
            if (machine.equalsIgnoreCase(p.path("properties").path("friendlyName").asText())) return p;
        }
        String server = names.discoveredBy(fabric);
        throw new OperationFailed("vm '" + machine + "' is not discovered by " + server + " yet — Site Recovery protects only machines its server lists; "
                + "check the VM's name and that it runs in the site, wait for the next discovery (every 15 minutes, or refresh the server in the vault), then apply again");
    }

    /** The protected item of a machine, vault-wide, matched by friendlyName. */
    Optional<JsonNode> itemNode(String machine) {
        List<JsonNode> items = az.list(id + "/replicationProtectedItems", API);
        for (JsonNode i : items) {
            if (!provider(i).startsWith("InMageRcm") && machine.equalsIgnoreCase(i.path("properties").path("friendlyName").asText())) return Optional.of(i);
        }
        // A modernized item is named by the target VM's name given at enable: its machine is the one its appliance discovered.
        readDiscoveredFor(items);
        for (JsonNode i : items) {
            if (provider(i).startsWith("InMageRcm") && machine.equalsIgnoreCase(names.machineOf(i))) return Optional.of(full(az, i));
        }
        return Optional.empty();
    }

    /** The machines this vault protects, by name (a modernized item's machine is the one its appliance discovered). */
    java.util.Set<String> protectedMachines() {
        List<JsonNode> items = az.list(id + "/replicationProtectedItems", API);
        readDiscoveredFor(items);
        java.util.Set<String> out = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (JsonNode i : items) {
            String machine = provider(i).startsWith("InMageRcm") ? names.machineOf(i) : i.path("properties").path("friendlyName").asText(null);
            if (machine != null) out.add(machine);
        }
        return out;
    }

    /**
     * A modernized item as Site Recovery reports it alone: its list answer leaves out its disks and NICs
     * (protectedDisks and vmNics empty), which only the item's own GET carries.
     */
    static JsonNode full(AzureConnection az, JsonNode item) {
        if (!provider(item).startsWith("InMageRcm")) return item;
        JsonNode d = item.path("properties").path("providerSpecificDetails");
        if (d.path("protectedDisks").size() > 0 && d.path("vmNics").size() > 0) return item;
        JsonNode one = az.get(item.path("id").asText(), API);
        return one == null ? item : one;
    }

    /** Names the machines of a vault's modernized items by what their appliances discovered, read once, when the vault holds any. */
    void readDiscoveredFor(List<JsonNode> items) {
        names.readDiscoveredFor(az, id, items);
    }

    JsonNode item(String machine) {
        return itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
    }

    /** A replication network (a VMM VM network) of a fabric, matched by friendlyName. */
    Optional<JsonNode> replicationNetwork(JsonNode fabric, String name) {
        for (JsonNode n : az.list(fabric.path("id").asText() + "/replicationNetworks", API)) {
            if (name.equalsIgnoreCase(n.path("properties").path("friendlyName").asText())) return Optional.of(n);
        }
        return Optional.empty();
    }

    /** A storage classification of a fabric, matched by friendlyName. */
    Optional<JsonNode> storageClassification(JsonNode fabric, String name) {
        for (JsonNode n : az.list(fabric.path("id").asText() + "/replicationStorageClassifications", API)) {
            if (name.equalsIgnoreCase(n.path("properties").path("friendlyName").asText())) return Optional.of(n);
        }
        return Optional.empty();
    }

    /** Every storage classification of the vault's fabrics: id (lower-case) → friendlyName. */
    Map<String, String> classificationNames() {
        return classificationNames(az, id);
    }

    /** The same for any vault: discovery reads it without a vault's operations. */
    static Map<String, String> classificationNames(AzureConnection az, String vaultId) {
        Map<String, String> out = new java.util.HashMap<>();
        for (JsonNode c : az.list(vaultId + "/replicationStorageClassifications", API)) {
            out.put(c.path("id").asText().toLowerCase(Locale.ROOT), c.path("properties").path("friendlyName").asText(c.path("name").asText()));
        }
        return out;
    }

    /** A process server registered with a VMware fabric, by friendlyName. */
    static JsonNode processServer(JsonNode fabric, String name) {
        return find(fabric.path("properties").path("customDetails").path("processServers"), "friendlyName", name);
    }

    /** A master target registered with a VMware fabric, by name. */
    static JsonNode masterTarget(JsonNode fabric, String name) {
        return find(fabric.path("properties").path("customDetails").path("masterTargetServers"), "name", name);
    }

    /**
     * The run-as account the configuration server holds for a credential (runAsAccounts[].accountName): Site
     * Recovery takes its accountId, never a secret or its name. Null when the server holds no such account.
     */
    static String runAsAccount(JsonNode fabric, String accountName) {
        if (accountName == null) return null;
        JsonNode a = find(fabric.path("properties").path("customDetails").path("runAsAccounts"), "accountName", accountName);
        return a == null ? null : a.path("accountId").asText(null);
    }

    static List<String> runAsAccountNames(JsonNode fabric) {
        List<String> out = new ArrayList<>();
        fabric.path("properties").path("customDetails").path("runAsAccounts").forEach(a -> out.add(a.path("accountName").asText()));
        return out;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        if (value == null) return null;
        for (JsonNode n : array) if (value.equalsIgnoreCase(n.path(field).asText())) return n;
        return null;
    }

    /**
     * The direction of a failover or test failover. The classic VMware providers each replicate one way
     * (InMageAzureV2 VMware → Azure, InMage Azure → VMware), so their item failovers are always
     * PrimaryToRecovery, as azure-powershell's Start-AzRecoveryServicesAsrUnplannedFailoverJob requires;
     * Hyper-V Replica fails over from where the machine runs.
     */
    static String failoverDirection(JsonNode item) {
        if (provider(item).startsWith("InMage")) return "PrimaryToRecovery";
        return AsrStates.location(item.path("properties")) == siteplan.planner.state.ProtectedItem.ActiveLocation.RECOVERY ? "RecoveryToPrimary" : "PrimaryToRecovery";
    }

    /** The direction of a reprotect: always RecoveryToPrimary for the classic providers (Update-AzRecoveryServicesAsrProtectionDirection); Hyper-V Replica's reverses where the machine runs. */
    static String reprotectDirection(JsonNode item) {
        // A modernized machine failed back replicates from VMware to Azure again (Update-AzRecoveryServicesAsrProtectionDirection -ReplicateVMwareToAzure).
        if (provider(item).equals("InMageRcmFailback")) return "PrimaryToRecovery";
        if (provider(item).startsWith("InMage")) return "RecoveryToPrimary";
        return failoverDirection(item);
    }

    /** The replication provider of an item: InMageAzureV2 (VMware/physical → Azure), InMage (Azure → VMware), HyperVReplica2012R2, … */
    static String provider(JsonNode item) {
        return item.path("properties").path("providerSpecificDetails").path("instanceType").asText("");
    }

    OperationFailed notRegistered(String site) {
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
    StepResult finish(AzureConnection.Reply r, String detail) {
        String job = jobOf(r, detail);
        return job == null ? StepResult.changed(detail) : StepResult.job(job, detail);
    }

    String jobOf(AzureConnection.Reply r, String what) {
        if (r.throttled()) throw new TransientFault(what + ": Resource Manager answered HTTP " + r.status() + (r.retryAfter() == null ? "" : ", Retry-After " + r.retryAfter()));
        if (r.status() == 401 || r.status() == 403) throw new OperationFailed(what + ": Resource Manager refused it (HTTP " + r.status() + ", " + r.error() + ")");
        if (r.status() >= 300) throw new OperationFailed(what + ": " + r.error());
        if (!r.accepted()) return null;
        // Both forms of Resource Manager's asynchronous protocol: Azure-AsyncOperation, else Location.
        String poll = r.asyncOperation() != null ? r.asyncOperation() : r.location();
        if (poll == null) throw new OperationFailed(what + ": Resource Manager accepted it but said nowhere to follow it");
        return poll;
    }

    void awaitDone(AzureConnection.Reply r, String what) {
        String job = jobOf(r, what);
        if (job == null) return;
        try {
            JobStatus s = Jobs.await(jobs, job, () -> false);
            if (s.state() == JobStatus.State.FAILED) throw new OperationFailed(what + " failed: " + s.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailed(what + " was interrupted");
        }
    }

    AzureConnection.Reply post(JsonNode item, String action, Object body) {
        return az.write(HttpMethod.POST, item.path("id").asText() + "/" + action, API, body);
    }

    static Map<String, Object> properties(Object p) {
        return Map.of("properties", p);
    }
}
