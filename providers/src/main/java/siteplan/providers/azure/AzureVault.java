package siteplan.providers.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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
 * The Recovery Services vault as the Azure ports reach it: its id and resource group, the look-ups they
 * share (sites, containers, protected items), and how a write's reply becomes a step result or a job.
 */
final class AzureVault {
    private final AzureConnection az;
    private final Estate estate;
    private final AzureTarget target;
    private final String id;
    private final AzureJobs jobs;

    AzureVault(AzureConnection az, Estate estate, AzureJobs jobs) {
        this.az = az;
        this.estate = estate;
        this.target = az.target();
        this.id = az.vaultId();
        this.jobs = jobs;
    }

    /** The vault's jobs, which its changes and recovery wait through. */
    AzureJobs jobs() {
        return jobs;
    }

    AzureConnection az() {
        return az;
    }

    Estate estate() {
        return estate;
    }

    AzureTarget target() {
        return target;
    }

    /** The vault's Resource Manager id. */
    String id() {
        return id;
    }

    String rg() {
        return "/subscriptions/" + target.subscription() + "/resourceGroups/" + target.resourceGroup();
    }

    Optional<JsonNode> fabric(String site) {
        for (JsonNode f : az.list(id + "/replicationFabrics", AzureConnection.ASR_API)) {
            if (site != null && site.equals(f.path("properties").path("friendlyName").asText())) return Optional.of(f);
        }
        return Optional.empty();
    }

    String container(JsonNode fabric) {
        List<JsonNode> containers = az.list(fabric.path("id").asText() + "/replicationProtectionContainers", AzureConnection.ASR_API);
        if (containers.isEmpty()) throw new OperationFailed("site " + fabric.path("properties").path("friendlyName").asText() + " has no protection container in vault " + target.vault());
        return containers.get(0).path("name").asText();
    }

    Optional<JsonNode> itemNode(String machine) {
        for (JsonNode i : az.list(id + "/replicationProtectedItems", AzureConnection.ASR_API)) {
            if (machine.equals(i.path("properties").path("friendlyName").asText())) return Optional.of(i);
        }
        return Optional.empty();
    }

    static JsonNode find(JsonNode array, String field, String value) {
        if (value == null) return null;
        for (JsonNode n : array) if (value.equalsIgnoreCase(n.path(field).asText())) return n;
        return null;
    }

    static String direction(JsonNode item) {
        return "Recovery".equalsIgnoreCase(item.path("properties").path("activeLocation").asText()) ? "RecoveryToPrimary" : "PrimaryToRecovery";
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

    /** Starts a reprotect: the step an apply plans (FB-STAGES) and the recovery operation alike. */
    StepResult reprotect(JsonNode item, String machine) {
        Map<String, Object> props = Map.of("failoverDirection", direction(item), "providerSpecificDetails", Map.of("instanceType", "InMageAzureV2"));
        return finish(az.write(HttpMethod.POST, item.path("id").asText() + "/reProtect", AzureConnection.ASR_API, Map.of("properties", props)), "reprotecting " + machine);
    }
}
