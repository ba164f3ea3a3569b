package siteplan.dsl.load;

import siteplan.model.json.ModelJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import siteplan.diag.Location;
import siteplan.diag.Problem;
import siteplan.diag.SourceMap;
import siteplan.model.*;

/**
 * Reads an estate written as YAML or JSON: syntax, then the schema, then binding to the model, and
 * records where each declared thing is, under the same keys the Groovy DSL uses, so the validator
 * reports the same mistakes the same way whichever form they were written in.
 */
public final class DataFileLoader {
    private DataFileLoader() {}

    public record Result(Estate estate, SourceMap sources, List<Problem> problems) {}

    public static Result load(String file, String text, boolean yaml) {
        LocatedTree tree = LocatedTree.read(file, text, yaml);
        List<Problem> problems = new ArrayList<>(tree.problems());
        if (tree.root() == null) return new Result(Estate.empty(), new SourceMap(), problems);
        if (!tree.root().isObject()) {
            problems.add(new Problem(tree.at(""), "/: an estate file holds an object with keys such as machines and protectionGroups"));
            return new Result(Estate.empty(), new SourceMap(), problems);
        }
        problems.addAll(SchemaCheck.check(tree));
        if (!problems.isEmpty()) return new Result(Estate.empty(), new SourceMap(), problems);
        ObjectNode body = ((ObjectNode) tree.root()).deepCopy();
        body.remove("$schema");
        Estate estate;
        try {
            estate = ModelJson.JSON.treeToValue(body, Estate.class);
        } catch (JsonMappingException e) {
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
            }
            String why = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : e.getOriginalMessage();
            problems.add(new Problem(tree.at(pointer.toString()), LocatedTree.pointer(pointer.toString()) + ": " + why));
            return new Result(Estate.empty(), new SourceMap(), problems);
        } catch (JsonProcessingException e) {
            problems.add(new Problem(new Location(file, 0), e.getOriginalMessage()));
            return new Result(Estate.empty(), new SourceMap(), problems);
        }
        return new Result(estate, sources(tree, body), problems);
    }

    /** Source keys from the file's own order (the model's lists are sorted, the file's may not be). */
    private static SourceMap sources(LocatedTree t, ObjectNode root) {
        SourceMap s = new SourceMap();
        each(t, root, "azure", (p, n) -> {
            String k = "azure:" + n.path("name").asText();
            s.add(k, t.at(p));
            each(t, n, p, "storageAccounts", (p2, n2) -> s.add(k + "/storageAccount:" + n2.path("name").asText(), t.at(p2)));
            each(t, n, p, "networks", (p2, n2) -> {
                String nk = k + "/network:" + n2.path("name").asText();
                s.add(nk, t.at(p2));
                each(t, n2, p2, "subnets", (p3, n3) -> s.add(nk + "/subnet:" + n3.path("name").asText(), t.at(p3)));
            });
        });
        each(t, root, "vmwareSites", (p, n) -> {
            String k = "site:" + n.path("name").asText();
            s.add(k, t.at(p));
            for (String[] c : new String[][] {{"hosts", "host"}, {"datastores", "datastore"}, {"networks", "network"},
                    {"processServers", "processServer"}, {"masterTargets", "masterTarget"}}) {
                each(t, n, p, c[0], (p2, n2) -> s.add(k + "/" + c[1] + ":" + n2.path("name").asText(), t.at(p2)));
            }
        });
        each(t, root, "vmmSites", (p, n) -> {
            String k = "site:" + n.path("name").asText();
            s.add(k, t.at(p));
            for (String[] c : new String[][] {{"servers", "vmmServer"}, {"clouds", "cloud"}, {"hosts", "hyperVHost"},
                    {"logicalNetworks", "logicalNetwork"}, {"vmNetworks", "vmNetwork"}, {"storageClassifications", "storageClassification"}}) {
                each(t, n, p, c[0], (p2, n2) -> s.add(k + "/" + c[1] + ":" + n2.path("name").asText(), t.at(p2)));
            }
        });
        each(t, root, "machines", (p, n) -> {
            String k = "machine:" + n.path("name").asText();
            s.add(k, t.at(p));
            each(t, n, p, "disks", (p2, n2) -> s.add(k + "/disk:" + n2.path("name").asText(), t.at(p2)));
            each(t, n, p, "nics", (p2, n2) -> s.add(k + "/nic:" + n2.path("name").asText(), t.at(p2)));
            if (n.has("failover")) s.add(k + "/failover", t.at(p + "/failover"));
            if (n.has("mobility")) s.add(k + "/mobility", t.at(p + "/mobility"));
        });
        each(t, root, "replicationPolicies", (p, n) -> s.add("policy:" + n.path("name").asText(), t.at(p)));
        each(t, root, "hyperVPolicies", (p, n) -> s.add("policy:" + n.path("name").asText(), t.at(p)));
        each(t, root, "networkMappings", (p, n) -> s.add("networkMapping:" + n.path("source").asText(), t.at(p)));
        each(t, root, "storageMappings", (p, n) -> s.add("storageMapping:" + n.path("source").asText(), t.at(p)));
        each(t, root, "protectionGroups", (p, n) -> s.add("protectionGroup:" + n.path("name").asText(), t.at(p)));
        each(t, root, "recoveryPlans", (p, n) -> {
            String k = "recoveryPlan:" + n.path("name").asText();
            s.add(k, t.at(p));
            each(t, n, p, "groups", (p2, n2) -> {
                each(t, n2, p2, "machines", (p3, n3) -> s.add(k + "/machine:" + n3.path("name").asText(), t.at(p3)));
                // Script steps by their path, so a missing or outside script is reported at its line.
                String group = k + "/group:" + (Integer.parseInt(p2.substring(p2.lastIndexOf('/') + 1)) + 1);
                for (String when : List.of("before", "after")) {
                    each(t, n2, p2, when, (p3, n3) -> {
                        if ("script".equalsIgnoreCase(n3.path("kind").asText().trim())) s.add(group + "/script:" + n3.path("value").asText(), t.at(p3));
                    });
                }
            });
            if (n.has("drill")) s.add(k + "/drill", t.at(p + "/drill"));
        });
        return s;
    }

    private interface Visitor {
        void visit(String pointer, com.fasterxml.jackson.databind.JsonNode node);
    }

    private static void each(LocatedTree t, com.fasterxml.jackson.databind.JsonNode root, String field, Visitor v) {
        each(t, root, "", field, v);
    }

    private static void each(LocatedTree t, com.fasterxml.jackson.databind.JsonNode parent, String parentPointer, String field, Visitor v) {
        com.fasterxml.jackson.databind.JsonNode list = parent.path(field);
        for (int i = 0; i < list.size(); i++) v.visit(parentPointer + "/" + field + "/" + i, list.get(i));
    }
}
