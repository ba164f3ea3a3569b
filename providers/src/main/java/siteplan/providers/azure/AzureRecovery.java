package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import siteplan.executor.provider.FailoverType;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.planner.state.ProtectedItem;

/**
 * Test failovers, failovers, commit and reprotect of a real vault's protected items, each a Site Recovery
 * job, in the inputs the contract gives each replication provider:
 * <ul>
 * <li>InMageAzureV2 (VMware/physical → Azure) has no planned-failover input: a planned failover is Site
 *     Recovery's unplanned failover with the source shut down first (sourceSiteOperations Required, RP-UNPLANNED);</li>
 * <li>InMage (failing back to VMware) likewise, with InMage's recovery point types;</li>
 * <li>Hyper-V Replica (VMM → VMM) fails over planned or unplanned with no provider input.</li>
 * </ul>
 */
final class AzureRecovery implements RecoveryOperations {
    private final AzureVault vault;
    private final AzureConnection az;
    private final AzureReprotect reprotect;

    AzureRecovery(AzureVault vault) {
        this.vault = vault;
        this.az = vault.az();
        this.reprotect = new AzureReprotect(vault);
    }

    @Override public String testFailover(String machine, String network, RecoveryPointChoice point) {
        JsonNode item = vault.item(machine);
        if (AzureVault.provider(item).equals("InMageRcmFailback")) {
            throw new OperationFailed("test failover of " + machine + " is not possible while it replicates from Azure back to VMware (InMageRcmFailback): drill after failback and reprotect to Azure");
        }
        if (AzureVault.provider(item).equals("InMage")) {
            // Microsoft's client refuses it too (UnsupportedReplicationProviderForTestFailover).
            throw new OperationFailed("test failover of " + machine + " is not possible while it replicates from Azure back to VMware (InMage): drill after failback and reprotect to Azure");
        }
        refuseGrouped(item, machine, "test failover");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("failoverDirection", AzureVault.failoverDirection(item));
        props.put("networkType", "VmNetworkAsInput");
        props.put("networkId", testNetwork(item, network));
        Map<String, Object> details;
        if (AzureVault.provider(item).equals("InMageRcm")) {
            // InMageRcmTestFailoverInput: the network again, and the recovery point where one other than the latest is chosen.
            details = new LinkedHashMap<>();
            details.put("instanceType", "InMageRcm");
            details.put("networkId", props.get("networkId"));
            if (point.kind() != RecoveryPointChoice.Kind.LATEST) details.put("recoveryPointId", recoveryPoint(item, point, machine));
        } else {
            details = failoverDetails(item, point, machine);
        }
        if (details != null) props.put("providerSpecificDetails", details);
        return vault.jobOf(vault.post(item, "testFailover", AzureVault.properties(props)), "test failover of " + machine);
    }

    /** An Azure virtual network of the vault's resource group; for VMM → VMM, the target site's VM network as Site Recovery lists it. */
    private String testNetwork(JsonNode item, String network) {
        if (!AzureVault.provider(item).startsWith("HyperVReplica")) return vault.network(network);
        String recoveryFabric = item.path("properties").path("recoveryFabricId").asText(null);
        if (recoveryFabric == null) {
            // Not reported before the clouds' pairing is read back: the machine's group names the target VMM site.
            String machine = item.path("properties").path("friendlyName").asText();
            recoveryFabric = siteplan.model.Membership.of(vault.estate()).groupOf(machine).flatMap(g -> vault.fabric(g.target())).map(f -> f.path("id").asText()).orElse(null);
        }
        if (recoveryFabric != null) {
            for (JsonNode n : az.list(recoveryFabric + "/replicationNetworks", AzureVault.API)) {
                if (network.equalsIgnoreCase(n.path("properties").path("friendlyName").asText())) return n.path("id").asText();
            }
        }
        throw new OperationFailed("VM network " + network + " is not discovered at the recovery VMM site of " + item.path("properties").path("friendlyName").asText()
                + ": check that VMM lists it under that name, then drill again");
    }

    @Override public String cleanupTestFailover(String machine) {
        JsonNode item = vault.itemNode(machine).orElse(null);
        if (item == null || !AsrStates.testFailoverActive(item.path("properties"))) return null;
        return vault.jobOf(vault.post(item, "testFailoverCleanup", AzureVault.properties(Map.of("comments", "siteplan drill cleanup"))), "test failover cleanup of " + machine);
    }

    @Override public String failover(String machine, FailoverType type, RecoveryPointChoice point) {
        JsonNode item = vault.item(machine);
        String provider = AzureVault.provider(item);
        refuseGrouped(item, machine, type.token() + " failover");
        if (provider.equals("InMageRcmFailback")) return failBack(item, machine, type, point);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("failoverDirection", AzureVault.failoverDirection(item));
        String action;
        if (provider.equals("InMageRcm")) {
            // Modernized: failover to Azure is Site Recovery's unplanned failover; a planned one shuts the source down first (performShutdown).
            action = "unplannedFailover";
            props.put("sourceSiteOperations", type == FailoverType.PLANNED ? "Required" : "NotRequired");
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("instanceType", "InMageRcm");
            details.put("performShutdown", type == FailoverType.PLANNED ? "True" : "False");
            if (point.kind() != RecoveryPointChoice.Kind.LATEST) details.put("recoveryPointId", recoveryPoint(item, point, machine));
            props.put("providerSpecificDetails", details);
        } else if (provider.startsWith("HyperVReplica") && type == FailoverType.PLANNED) {
            action = "plannedFailover";
        } else {
            action = "unplannedFailover";
            // A planned failover where Site Recovery has only the unplanned one: the source is shut down first, so no data is lost.
            props.put("sourceSiteOperations", type == FailoverType.PLANNED ? "Required" : "NotRequired");
            Map<String, Object> details = failoverDetails(item, point, machine);
            if (details != null) props.put("providerSpecificDetails", details);
        }
        return vault.jobOf(vault.post(item, action, AzureVault.properties(props)), type.token() + " failover of " + machine);
    }

    /**
     * A modernized machine's failover back to VMware (FB-STAGES stage 2): Site Recovery's planned failover with
     * InMageRcmFailbackPlannedFailoverProviderInput, to the latest crash- or application-consistent point, and no direction
     * (azure-powershell sends none for it). Site Recovery offers no unplanned failback and no point in time for it.
     */
    private String failBack(JsonNode item, String machine, FailoverType type, RecoveryPointChoice point) {
        if (type != FailoverType.PLANNED) {
            throw new OperationFailed(machine + " replicates from Azure back to VMware the modernized way (InMageRcmFailback), which fails back only by a planned failover: run it planned");
        }
        if (point.kind() == RecoveryPointChoice.Kind.TIME) {
            throw new OperationFailed(machine + " fails back to its latest crash- or application-consistent point only (InMageRcmFailback): choose --recovery-point latest or latest-app-consistent");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instanceType", "InMageRcmFailback");
        details.put("recoveryPointType", point.kind() == RecoveryPointChoice.Kind.LATEST_APP_CONSISTENT ? "ApplicationConsistent" : "CrashConsistent");
        return vault.jobOf(vault.post(item, "plannedFailover", AzureVault.properties(Map.of("providerSpecificDetails", details))), "planned failover back of " + machine);
    }

    /**
     * A classic item in a named replication group (multi-VM consistency) fails over, test-fails over and commits only
     * with its group, in a recovery plan Site Recovery runs (azure-powershell refuses the item-level calls, and so does
     * Azure): said before anything is sent. RP-VAULT-GROUP says it at plan time for groups the definition declares; this
     * catches items grouped outside it.
     */
    static void refuseGrouped(JsonNode item, String machine, String what) {
        JsonNode d = item.path("properties").path("providerSpecificDetails");
        String provider = d.path("instanceType").asText("");
        String group = AsrStates.replicationGroup(d);
        if (!(provider.equals("InMageAzureV2") || provider.equals("InMage")) || group == null || group.isEmpty()) return;
        throw new OperationFailed(what + " of " + machine + " is not possible on its own: Site Recovery keeps it in replication group " + group
                + ", whose machines fail over only together, in a recovery plan Site Recovery runs — run the plan from the vault (siteplan keeps it there with its steps)");
    }

    /** The provider input of a (test) failover: the recovery point, in the words each provider takes; none for Hyper-V Replica. */
    private Map<String, Object> failoverDetails(JsonNode item, RecoveryPointChoice point, String machine) {
        String provider = AzureVault.provider(item);
        Map<String, Object> d = new LinkedHashMap<>();
        switch (provider) {
            case "InMageAzureV2" -> {
                d.put("instanceType", provider);
                if (point.kind() != RecoveryPointChoice.Kind.LATEST) d.put("recoveryPointId", recoveryPoint(item, point, machine));
            }
            case "InMage" -> {
                d.put("instanceType", provider);
                switch (point.kind()) {
                    case LATEST -> d.put("recoveryPointType", "LatestTime");
                    case LATEST_APP_CONSISTENT -> d.put("recoveryPointType", "LatestTag");
                    case TIME -> {
                        d.put("recoveryPointType", "Custom");
                        d.put("recoveryPointId", recoveryPoint(item, point, machine));
                    }
                }
            }
            default -> {
                if (!provider.startsWith("HyperVReplica")) throw new OperationFailed("failover of " + machine + ": its replication provider " + provider + " is not one siteplan fails over (InMageAzureV2, InMage, HyperVReplica2012R2)");
                return null;
            }
        }
        return d;
    }

    /** The id of the recovery point a choice names, from the item's recovery points (latest application-consistent, or the latest at or before a time). */
    private String recoveryPoint(JsonNode item, RecoveryPointChoice point, String machine) {
        JsonNode best = null;
        for (JsonNode p : az.list(item.path("id").asText() + "/recoveryPoints", AzureVault.API)) {
            JsonNode pp = p.path("properties");
            if (!pp.hasNonNull("recoveryPointTime")) continue;
            Instant t = OffsetDateTime.parse(pp.get("recoveryPointTime").asText()).toInstant();
            boolean fits = point.kind() == RecoveryPointChoice.Kind.TIME ? !t.isAfter(point.time())
                    : pp.path("recoveryPointType").asText("").toLowerCase(java.util.Locale.ROOT).contains("app");
            if (fits && (best == null || t.isAfter(OffsetDateTime.parse(best.path("properties").path("recoveryPointTime").asText()).toInstant()))) best = p;
        }
        if (best == null) throw new OperationFailed("no recovery point of " + machine + " is " + (point.kind() == RecoveryPointChoice.Kind.TIME ? "at or before " + point.time() : "application-consistent")
                + " in vault " + vault.target().vault() + ": choose another with --recovery-point");
        return best.path("id").asText();
    }

    @Override public String commit(String machine) {
        JsonNode item = vault.item(machine);
        refuseGrouped(item, machine, "commit");
        return vault.jobOf(vault.post(item, "failoverCommit", null), "commit of " + machine);
    }

    /** Starts a reprotect; null when the machine already replicates in the direction a reprotect gives (nothing to do, as in the simulated estate). */
    @Override public String reprotect(String machine) {
        JsonNode item = vault.item(machine);
        var state = AsrStates.state(item.path("properties"));
        if (state == ProtectedItem.ReplicationState.REPROTECTED || state == ProtectedItem.ReplicationState.PROTECTED) return null;
        return reprotect.start(item, machine).jobId();
    }

    /** The RPO Site Recovery last computed for the machine (rpoInSeconds), or the age of Hyper-V Replica's last replication. */
    @Override public Duration recoveryPointAge(String machine, RecoveryPointChoice point) {
        if (point.kind() == RecoveryPointChoice.Kind.TIME) return Duration.between(point.time(), Instant.now()).abs();
        return replicationLag(machine).orElse(Duration.ZERO);
    }

    /** The item's rpoInSeconds (InMageRcm, InMageAzureV2, HyperVReplica2012R2's lastRpoInSeconds… as reported); empty when the item reports none. */
    @Override public java.util.Optional<Duration> replicationLag(String machine) {
        JsonNode d = vault.itemNode(machine).map(i -> i.path("properties").path("providerSpecificDetails")).orElse(null);
        if (d == null) return java.util.Optional.empty();
        if (d.hasNonNull("rpoInSeconds")) return java.util.Optional.of(Duration.ofSeconds(d.get("rpoInSeconds").asLong()));
        if (d.hasNonNull("lastRpoInSeconds")) return java.util.Optional.of(Duration.ofSeconds(d.get("lastRpoInSeconds").asLong()));
        if (d.hasNonNull("lastReplicatedTime")) return java.util.Optional.of(Duration.between(OffsetDateTime.parse(d.get("lastReplicatedTime").asText()).toInstant(), Instant.now()).abs());
        return java.util.Optional.empty();
    }

    @Override public String runbook(String name, String recoveryPlan) {
        throw new OperationFailed("runbook " + name + ": siteplan does not start Azure Automation runbooks itself; the recovery plan in Site Recovery holds it as an action "
                + "(run the plan from the vault to have Site Recovery start it), or drill with a plan without runbooks");
    }

    /**
     * Where the (test) failover VM answers. Site Recovery reports the address configured for it on the item's NIC
     * (ipConfigs[].tfoStaticIPAddress / recoveryStaticIPAddress); else the VM itself is read through Resource Manager:
     * the failed-over VM is the item's targetVmId, the test VM is Site Recovery's "NAME-test" beside it; the address
     * is the private address of the VM's first NIC.
     */
    @Override public InetSocketAddress endpoint(String machine, int port) {
        JsonNode item = vault.item(machine);
        JsonNode p = item.path("properties"), d = p.path("providerSpecificDetails");
        boolean test = AsrStates.testFailoverActive(p);
        if (AzureVault.provider(item).startsWith("HyperVReplica")) {
            // VMM → VMM: the replica runs in the target VMM cloud, where Site Recovery reports no address; the
            // definition's failover address, else its first NIC's (a Hyper-V replica keeps its adapters' settings),
            // else the machine's name as the recovery site's DNS resolves it.
            var m = vault.estate().machine(machine);
            String ip = m.map(x -> x.failover() != null && x.failover().ip() != null ? x.failover().ip()
                    : x.nics().stream().map(n -> n.ip()).filter(a -> a != null).findFirst().orElse(null)).orElse(null);
            return ip != null ? new InetSocketAddress(ip, port) : InetSocketAddress.createUnresolved(machine, port);
        }
        boolean rcm = AzureVault.provider(item).startsWith("InMageRcm");
        JsonNode config = rcm ? RcmItems.primaryNic(d) : d.path("vmNics").path(0).path("ipConfigs").path(0);
        String ip = config.path(rcm ? (test ? "testIPAddress" : "targetIPAddress") : (test ? "tfoStaticIPAddress" : "recoveryStaticIPAddress")).asText(null);
        if (ip == null || ip.isBlank()) {
            // A failback item names the Azure VM it replicates from (InMageRcmFailback azureVirtualMachineId).
            String vm = d.hasNonNull("azureVirtualMachineId") ? d.get("azureVirtualMachineId").asText() : d.path("targetVmId").asText(null);
            String name = d.path(rcm ? "targetVmName" : "recoveryAzureVMName").asText(p.path("friendlyName").asText(machine));
            String group = d.path(rcm ? "targetResourceGroupId" : "recoveryAzureResourceGroupId").asText(vault.rg());
            if (test) vm = group + "/providers/Microsoft.Compute/virtualMachines/" + name + "-test";
            else if (vm == null) vm = group + "/providers/Microsoft.Compute/virtualMachines/" + name;
            ip = privateAddress(vm);
        }
        if (ip == null) throw new OperationFailed("Site Recovery reports no address for the " + (test ? "test " : "") + "failover VM of " + machine + ", and Resource Manager has no VM with a NIC for it");
        return new InetSocketAddress(ip, port);
    }

    private String privateAddress(String vmId) {
        JsonNode vm = az.get(vmId, "2024-07-01");
        String nicId = vm == null ? null : vm.path("properties").path("networkProfile").path("networkInterfaces").path(0).path("id").asText(null);
        JsonNode nic = nicId == null ? null : az.get(nicId, "2024-01-01");
        return nic == null ? null : nic.path("properties").path("ipConfigurations").path(0).path("properties").path("privateIPAddress").asText(null);
    }

    @Override public ProtectedItem item(String machine) {
        return vault.itemNode(machine).map(i -> AzureDiscovery.item(i, Map.of(), Map.of(), Map.of(), false, vault.names())).orElse(null);
    }
}
