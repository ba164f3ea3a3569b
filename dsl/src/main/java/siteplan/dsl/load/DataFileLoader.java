package siteplan.dsl.load;

import siteplan.model.json.ModelJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import siteplan.diag.Location;
import siteplan.diag.Problem;
import siteplan.diag.SourceMap;
import siteplan.model.*;
import siteplan.model.Address.Kind;

/**
 * Reads an estate written as YAML or JSON: syntax, then the schema, then binding to the model, and
 * records where each declared thing is, under the same keys the Groovy DSL uses, so the validator
 * reports the same mistakes the same way whichever form they were written in.
 */
public final class DataFileLoader {
    private DataFileLoader() {}

    /** {@code export}: the file names the estate schema as its $schema, as {@code siteplan export} writes it. */
    public record Result(Estate estate, SourceMap sources, List<Problem> problems, boolean export) {
        Result(Estate estate, SourceMap sources, List<Problem> problems) {
            this(estate, sources, problems, false);
        }
    }

    /** The top-level keys of an estate file, from the model itself. */
    static final List<String> ESTATE_KEYS = java.util.Arrays.stream(Estate.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();

    public static Result load(String file, String text, boolean yaml) {
        LocatedTree tree = LocatedTree.read(file, text, yaml);
        List<Problem> problems = new ArrayList<>(tree.problems());
        if (tree.root() == null) return new Result(Estate.empty(), new SourceMap(), problems);
        if (!tree.root().isObject()) {
            problems.add(new Problem(tree.at(""), "/: an estate file holds an object with keys such as machines and protectionGroups"));
            return new Result(Estate.empty(), new SourceMap(), problems);
        }
        java.util.Set<String> keys = new java.util.TreeSet<>();
        tree.root().fieldNames().forEachRemaining(keys::add);
        keys.remove("$schema");
        if (java.util.Collections.disjoint(keys, ESTATE_KEYS)) {
            // Not a definition with mistakes but another kind of file: one problem, not one per key.
            problems.add(new Problem(tree.at(""), "is not a siteplan definition: " + (keys.isEmpty() ? "it has no keys" : "none of its keys (" + String.join(", ", keys) + ")")
                    + " is one of an estate's (" + String.join(", ", ESTATE_KEYS) + "); move it out of the definition folder, or prefix its name with _ or . so that siteplan skips it"));
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
        boolean export = siteplan.model.json.EstateWriter.ESTATE_SCHEMA_ID.equals(tree.root().path("$schema").asText(null));
        return new Result(estate, sources(tree, body), problems, export);
    }

    /** Source keys from the file's own order (the model's lists are sorted, the file's may not be). */
    private static SourceMap sources(LocatedTree t, ObjectNode root) {
        SourceMap s = new SourceMap();
        each(t, root, "azure", (p, n) -> {
            Address k = Address.azure(n.path("name").asText());
            s.add(k, t.at(p));
            each(t, n, p, "storageAccounts", (p2, n2) -> s.add(k.child(Kind.STORAGE_ACCOUNT, n2.path("name").asText()), t.at(p2)));
            each(t, n, p, "networks", (p2, n2) -> {
                Address nk = k.child(Kind.NETWORK, n2.path("name").asText());
                s.add(nk, t.at(p2));
                each(t, n2, p2, "subnets", (p3, n3) -> s.add(nk.child(Kind.SUBNET, n3.path("name").asText()), t.at(p3)));
            });
        });
        each(t, root, "vmwareSites", (p, n) -> {
            Address k = Address.site(n.path("name").asText());
            s.add(k, t.at(p));
            children(t, n, p, k, List.of(
                    Map.entry("hosts", Kind.HOST),
                    Map.entry("datastores", Kind.DATASTORE),
                    Map.entry("networks", Kind.NETWORK),
                    Map.entry("processServers", Kind.PROCESS_SERVER),
                    Map.entry("masterTargets", Kind.MASTER_TARGET)), s);
        });
        each(t, root, "vmmSites", (p, n) -> {
            Address k = Address.site(n.path("name").asText());
            s.add(k, t.at(p));
            children(t, n, p, k, List.of(
                    Map.entry("servers", Kind.VMM_SERVER),
                    Map.entry("clouds", Kind.CLOUD),
                    Map.entry("hosts", Kind.HYPERV_HOST),
                    Map.entry("logicalNetworks", Kind.LOGICAL_NETWORK),
                    Map.entry("vmNetworks", Kind.VM_NETWORK),
                    Map.entry("storageClassifications", Kind.STORAGE_CLASSIFICATION)), s);
        });
        each(t, root, "machines", (p, n) -> {
            Address k = Address.machine(n.path("name").asText());
            s.add(k, t.at(p));
            each(t, n, p, "disks", (p2, n2) -> s.add(k.child(Kind.DISK, n2.path("name").asText()), t.at(p2)));
            each(t, n, p, "nics", (p2, n2) -> s.add(k.child(Kind.NIC, n2.path("name").asText()), t.at(p2)));
            if (n.has("failover")) s.add(k.child(Kind.FAILOVER), t.at(p + "/failover"));
            if (n.has("mobility")) s.add(k.child(Kind.MOBILITY), t.at(p + "/mobility"));
        });
        each(t, root, "replicationPolicies", (p, n) -> s.add(Address.policy(n.path("name").asText()), t.at(p)));
        each(t, root, "hyperVPolicies", (p, n) -> s.add(Address.policy(n.path("name").asText()), t.at(p)));
        each(t, root, "networkMappings", (p, n) -> s.add(Address.of(Kind.NETWORK_MAPPING, n.path("source").asText()), t.at(p)));
        each(t, root, "storageMappings", (p, n) -> s.add(Address.of(Kind.STORAGE_MAPPING, n.path("source").asText()), t.at(p)));
        each(t, root, "protectionGroups", (p, n) -> s.add(Address.protectionGroup(n.path("name").asText()), t.at(p)));
        each(t, root, "recoveryPlans", (p, n) -> {
            Address k = Address.recoveryPlan(n.path("name").asText());
            s.add(k, t.at(p));
            each(t, n, p, "groups", (p2, n2) -> {
                each(t, n2, p2, "machines", (p3, n3) -> s.add(k.child(Kind.MACHINE, n3.path("name").asText()), t.at(p3)));
                // Script steps by their path, so a missing or outside script is reported at its line.
                Address group = k.child(Kind.GROUP, String.valueOf(Integer.parseInt(p2.substring(p2.lastIndexOf('/') + 1)) + 1));
                for (String when : List.of("before", "after")) {
                    each(t, n2, p2, when, (p3, n3) -> {
                        if ("script".equalsIgnoreCase(n3.path("kind").asText().trim())) s.add(group.child(Kind.SCRIPT, n3.path("value").asText()), t.at(p3));
                    });
                }
            });
            if (n.has("drill")) s.add(k.child(Kind.DRILL), t.at(p + "/drill"));
        });
        if (root.has("objectives")) s.add(Address.objectives(), t.at("/objectives"));
        return s;
    }

    /** Named children of a site, by the list they are in, each under its own kind of address. */
    private static void children(LocatedTree t, com.fasterxml.jackson.databind.JsonNode site, String pointer, Address k, List<Map.Entry<String, Kind>> lists, SourceMap s) {
        for (Map.Entry<String, Kind> l : lists) each(t, site, pointer, l.getKey(), (p2, n2) -> s.add(k.child(l.getValue(), n2.path("name").asText()), t.at(p2)));
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
