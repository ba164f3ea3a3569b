package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import siteplan.planner.state.RecoveryVault;
import siteplan.planner.state.ServerForm;

/**
 * A modernized site's fabric as Site Recovery reports it (InMageRcmFabricSpecificDetails). A replication appliance
 * is not one server in the contract but the components it runs, each listed under the appliance's name: its
 * process server (forward replication), replication agent, reprotect agent (failback), RCM proxy, push installer,
 * MARS agent and DRA. siteplan's appliance is that name; its health is the worst of its components'.
 */
final class RcmFabric {
    /** Where each component of an appliance is listed, in the order a person reads them. */
    private static final List<String> COMPONENTS = List.of("processServers", "replicationAgents", "reprotectAgents", "rcmProxies", "pushInstallers", "marsAgents", "dras");

    private RcmFabric() {}

    static boolean is(JsonNode fabric) {
        return "InMageRcm".equalsIgnoreCase(fabric.path("properties").path("customDetails").path("instanceType").asText());
    }

    /**
     * The appliances of a modernized fabric, as registered servers: each name once, its health the worst of its components',
     * and whether Site Recovery keeps its machines' agents upgraded (the
     * site's container mapping; null when no policy is associated yet).
     */
    static List<RecoveryVault.RegisteredServer> appliances(JsonNode custom, String agentAutoUpgrade) {
        Map<String, String> health = new LinkedHashMap<>();
        Map<String, Map<String, String>> properties = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            for (JsonNode c : custom.path(component)) {
                String name = c.path("name").asText(null);
                if (name == null || name.isBlank()) continue;
                String h = AzureDiscovery.health(c.path("health").asText(null), c.path("healthErrors"));
                health.merge(name, h, RcmFabric::worse);
                Map<String, String> p = properties.computeIfAbsent(name, n -> new LinkedHashMap<>());
                // Not its memory: a process server reports what its OS sees (39459409920 bytes of a 40 GB appliance), never the size declared.
                if (agentAutoUpgrade != null) p.put(ServerForm.AGENT_AUTO_UPGRADE, agentAutoUpgrade);
            }
        }
        List<RecoveryVault.RegisteredServer> out = new ArrayList<>();
        health.forEach((name, h) -> out.add(new RecoveryVault.RegisteredServer(ServerForm.APPLIANCE_ROLE, name, h, properties.get(name))));
        return out;
    }

    private static String worse(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(String health) {
        return switch (health) {
            case "healthy" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    /** An appliance's process server (what forward replication and reprotect to Azure name), by the appliance's name. */
    static JsonNode processServer(JsonNode fabric, String appliance) {
        return AzureVault.find(fabric.path("properties").path("customDetails").path("processServers"), "name", appliance);
    }

    /** An appliance's reprotect agent (what reprotect from Azure to VMware names), by the appliance's name. */
    static JsonNode reprotectAgent(JsonNode fabric, String appliance) {
        return AzureVault.find(fabric.path("properties").path("customDetails").path("reprotectAgents"), "name", appliance);
    }

    /** Whether the fabric lists any component under this appliance's name. */
    static boolean registered(JsonNode fabric, String appliance) {
        JsonNode custom = fabric.path("properties").path("customDetails");
        for (String component : COMPONENTS) if (AzureVault.find(custom.path(component), "name", appliance) != null) return true;
        return false;
    }

    /** The names of the appliances a fabric lists, for messages. */
    static List<String> names(JsonNode fabric) {
        List<String> out = new ArrayList<>();
        appliances(fabric.path("properties").path("customDetails"), null).forEach(s -> out.add(s.name()));
        return out;
    }

    /** Standard_LRS → standard-lrs: the managed disk type in the definition's words (TargetDiskType's tokens). */
    static String diskType(String azure) {
        if (azure == null || azure.isBlank()) return null;
        return azure.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
