package siteplan.providers.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import siteplan.executor.provider.FailoverType;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.model.AzureTarget;
import siteplan.planner.state.ProtectedItem;

/** Test failovers, failovers, commit and reprotect of a real vault's protected items, each a Site Recovery job. */
final class AzureRecovery implements RecoveryOperations {
    private final AzureVault vault;
    private final AzureConnection az;
    private final AzureTarget target;

    AzureRecovery(AzureVault vault) {
        this.vault = vault;
        this.az = vault.az();
        this.target = vault.target();
    }

    @Override public String testFailover(String machine, String network, RecoveryPointChoice point) {
        JsonNode item = vault.itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        Map<String, Object> props = Map.of("failoverDirection", AzureVault.direction(item), "networkType", "VmNetworkAsInput",
                "networkId", vault.rg() + "/providers/Microsoft.Network/virtualNetworks/" + network,
                "providerSpecificDetails", recoveryPoint(point));
        return vault.jobOf(az.write(HttpMethod.POST, item.path("id").asText() + "/testFailover", AzureConnection.ASR_API, Map.of("properties", props)), "test failover of " + machine);
    }

    @Override public String cleanupTestFailover(String machine) {
        JsonNode item = vault.itemNode(machine).orElse(null);
        if (item == null || "None".equalsIgnoreCase(item.path("properties").path("testFailoverState").asText("None"))) return null;
        return vault.jobOf(az.write(HttpMethod.POST, item.path("id").asText() + "/testFailoverCleanup", AzureConnection.ASR_API,
                Map.of("properties", Map.of("comments", "siteplan drill cleanup"))), "test failover cleanup of " + machine);
    }

    @Override public String failover(String machine, FailoverType type, RecoveryPointChoice point) {
        JsonNode item = vault.itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        String action = type == FailoverType.UNPLANNED ? "unplannedFailover" : "plannedFailover";
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("failoverDirection", AzureVault.direction(item));
        if (type == FailoverType.UNPLANNED) props.put("sourceSiteOperations", "NotRequired");
        props.put("providerSpecificDetails", recoveryPoint(point));
        return vault.jobOf(az.write(HttpMethod.POST, item.path("id").asText() + "/" + action, AzureConnection.ASR_API, Map.of("properties", props)), type.token() + " failover of " + machine);
    }

    @Override public String commit(String machine) {
        JsonNode item = vault.itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        return vault.jobOf(az.write(HttpMethod.POST, item.path("id").asText() + "/failoverCommit", AzureConnection.ASR_API, null), "commit of " + machine);
    }

    @Override public String reprotect(String machine) {
        JsonNode item = vault.itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        return vault.reprotect(item, machine).jobId();
    }

    /** The RPO Site Recovery last computed for the machine: how old its latest recovery point is. */
    @Override public Duration recoveryPointAge(String machine, RecoveryPointChoice point) {
        if (point.kind() == RecoveryPointChoice.Kind.TIME) return Duration.between(point.time(), Instant.now()).abs();
        JsonNode d = vault.itemNode(machine).map(i -> i.path("properties").path("providerSpecificDetails")).orElse(null);
        if (d == null || !d.hasNonNull("rpoInSeconds")) return Duration.ZERO;
        return Duration.ofSeconds(d.get("rpoInSeconds").asLong());
    }

    @Override public String runbook(String name, String recoveryPlan) {
        throw new OperationFailed("runbook " + name + ": the Azure provider does not start Azure Automation runbooks yet; run it by hand, or drill with a plan without runbooks");
    }

    /** The address the (test) failover VM has in its network, as Site Recovery reports it on the item's first NIC. */
    @Override public InetSocketAddress endpoint(String machine, int port) {
        JsonNode item = vault.itemNode(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected in vault " + target.vault()));
        JsonNode nic = item.path("properties").path("providerSpecificDetails").path("vmNics").path(0);
        boolean test = !"None".equalsIgnoreCase(item.path("properties").path("testFailoverState").asText("None"));
        String ip = test ? nic.path("tfoIPAddress").asText(null) : nic.path("replicaNicStaticIPAddress").asText(null);
        if (ip == null && !test) ip = failedOverAddress(item.path("properties").path("providerSpecificDetails").path("recoveryAzureVMName").asText(machine));
        if (ip == null) throw new OperationFailed("Site Recovery reports no address for the " + (test ? "test " : "") + "failover VM of " + machine);
        return new InetSocketAddress(ip, port);
    }

    /** A failed-over VM without a static address: the private address of its first NIC, as Resource Manager has it. */
    private String failedOverAddress(String vmName) {
        JsonNode vm = az.get(vault.rg() + "/providers/Microsoft.Compute/virtualMachines/" + vmName, "2024-07-01");
        String nicId = vm == null ? null : vm.path("properties").path("networkProfile").path("networkInterfaces").path(0).path("id").asText(null);
        JsonNode nic = nicId == null ? null : az.get(nicId, "2024-01-01");
        return nic == null ? null : nic.path("properties").path("ipConfigurations").path(0).path("properties").path("privateIPAddress").asText(null);
    }

    @Override public ProtectedItem item(String machine) {
        return vault.itemNode(machine).map(i -> AzureDiscovery.item(i, Map.of(), Map.of(), false)).orElse(null);
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
}
