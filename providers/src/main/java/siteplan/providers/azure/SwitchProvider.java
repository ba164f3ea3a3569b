package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.StepResult;
import siteplan.model.Machine;
import siteplan.model.ProtectionGroup;

/**
 * Site Recovery's move of a classic item (InMageAzureV2) into a modernized vault (MOVE-*):
 * ReplicationProtectedItems_SwitchProvider on the classic item, with InMageAzureV2SwitchProviderInput naming the
 * modernized vault, its fabric and the appliance that takes the machine over, as the published example and
 * azure-cli's {@code az site-recovery protected-item switch-provider} send it. The appliance is named by its
 * process server's id in the modernized fabric, the id azure-powershell's Start-AzRecoveryServicesAsrSwitchAppliance
 * sends as targetApplianceId (the contract says only "the target appliance Id"). Site Recovery then moves the
 * item with the classic vault's resources and copies its policy; the classic item stays failover-able until its
 * recovery points expire.
 */
final class SwitchProvider {
    private final AzureVault from;
    private final AzureVault to;

    SwitchProvider(AzureVault from, AzureVault to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Asks Site Recovery to move the machine; the move's job (its first recovery point in the modernized vault) is the
     * caller's to wait for, as the executor waits for any job.
     */
    StepResult start(Machine m, ProtectionGroup g, JsonNode item) {
        String provider = AzureVault.provider(item);
        if (!provider.equals("InMageAzureV2")) {
            throw new OperationFailed(m.name() + " replicates in vault " + from.target().vault() + " with provider " + provider
                    + ": Site Recovery moves only a classic VMware/physical item (InMageAzureV2) to a modernized vault; nothing was sent");
        }
        JsonNode fabric = to.fabric(m.site()).orElseThrow(() -> new OperationFailed("site " + m.site() + " has no replication appliance registered with vault "
                + to.target().vault() + ": deploy appliance " + g.appliance() + " and register it with the vault's key, then apply again"));
        if (!RcmFabric.is(fabric)) {
            throw new OperationFailed("site " + m.site() + " is registered with vault " + to.target().vault() + " the classic way: a move needs a modernized vault; nothing was sent");
        }
        JsonNode appliance = RcmProtection.processServer(fabric, g.appliance(), m.site());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instanceType", "InMageAzureV2");
        details.put("targetVaultID", to.id());
        details.put("targetFabricID", fabric.path("id").asText());
        details.put("targetApplianceID", appliance.path("id").asText());
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("targetInstanceType", "InMageRcm");
        props.put("providerSpecificDetails", details);
        return from.finish(from.post(item, "switchProvider", AzureVault.properties(props)), "moved " + m.name() + " from vault " + from.target().vault()
                + " to vault " + to.target().vault() + " through replication appliance " + g.appliance() + " (switch provider)");
    }

    /** A job running on a classic item: its URL to poll, and whether it is a move (its scenario names the switch). */
    record Running(String url, boolean move) {}

    /**
     * The job Site Recovery runs on an item, from its currentScenario (the contract: "ARM Id of the job being executed"),
     * as a URL to poll; null when the item is idle. An apply that stopped while the machine moved finds its move here;
     * another job (a reprotect, an agent update) is waited for too, but is not taken for the move.
     */
    static Running runningJob(AzureVault vault, JsonNode item) {
        JsonNode scenario = item.path("properties").path("currentScenario");
        String name = scenario.path("scenarioName").asText("None");
        String job = scenario.path("jobId").asText("");
        if (name.isBlank() || name.equalsIgnoreCase("None") || job.isBlank() || job.equalsIgnoreCase("None")) return null;
        return new Running(vault.url(job), name.toLowerCase(java.util.Locale.ROOT).contains("switch"));
    }
}
