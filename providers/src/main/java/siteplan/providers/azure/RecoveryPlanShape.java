package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What of a recovery plan siteplan declares, to compare what Site Recovery holds with what is wanted: each
 * Boot group's machines (by friendly name) and its start and end actions (name and details). Site Recovery's
 * own Shutdown and Failover groups are not compared.
 */
record RecoveryPlanShape(List<Group> groups) {
    record Group(List<String> machines, List<String> before, List<String> after) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static RecoveryPlanShape of(JsonNode plan, Map<String, JsonNode> items) {
        return ofGroups(plan.path("properties").path("groups"), items);
    }

    static RecoveryPlanShape of(List<Map<String, Object>> groups, Map<String, JsonNode> items) {
        return ofGroups(JSON.valueToTree(groups), items);
    }

    private static RecoveryPlanShape ofGroups(JsonNode groups, Map<String, JsonNode> items) {
        List<Group> out = new ArrayList<>();
        for (JsonNode g : groups) {
            if (!"Boot".equalsIgnoreCase(g.path("groupType").asText())) continue;
            List<String> machines = new ArrayList<>();
            for (JsonNode ref : g.path("replicationProtectedItems")) {
                String id = ref.path("id").asText();
                String name = items.values().stream().filter(i -> i.path("id").asText().equalsIgnoreCase(id)).map(i -> i.path("properties").path("friendlyName").asText())
                        .findFirst().orElse(AzureDiscovery.last(id));
                machines.add(name.toLowerCase(Locale.ROOT));
            }
            out.add(new Group(machines, actions(g.path("startGroupActions")), actions(g.path("endGroupActions"))));
        }
        return new RecoveryPlanShape(out);
    }

    private static List<String> actions(JsonNode actions) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : actions) {
            JsonNode d = a.path("customDetails");
            out.add(a.path("actionName").asText() + "|" + d.path("instanceType").asText() + "|" + d.path("description").asText("") + "|" + d.path("runbookId").asText(""));
        }
        return out;
    }
}
