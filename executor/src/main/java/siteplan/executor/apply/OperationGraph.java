package siteplan.executor.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import siteplan.executor.provider.Step;
import siteplan.model.Estate;
import siteplan.model.Machine;
import siteplan.model.Membership;
import siteplan.model.PlanMachine;
import siteplan.model.ProtectionGroup;
import siteplan.model.RecoveryPlan;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.Change;

/**
 * The order a plan's changes are carried out in: an edge A → B means B waits for A. Creations and
 * updates go down the layers of seed 000 (vault; storage and networks; sites; configuration server;
 * vCenter and process servers; master targets; policies; mappings; protection; Mobility service;
 * recovery plans), which also gives UPD-ORDER (configuration server, process servers, master targets,
 * then Mobility services). A change waits only for the related changes of earlier layers (its site,
 * its target, its group's policy, its machines), so unrelated work runs in parallel. Deletions go the
 * other way: nothing is removed while a later layer still uses it.
 */
public final class OperationGraph {
    /** Layer of each resource type. */
    static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("vault", 0), Map.entry("storage_account", 1), Map.entry("azure_network", 1), Map.entry("site", 2),
            Map.entry("configuration_server", 3), Map.entry("vcenter", 4), Map.entry("process_server", 4), Map.entry("master_target", 5),
            Map.entry("policy", 6), Map.entry("network_mapping", 7), Map.entry("storage_mapping", 7), Map.entry("protection", 8),
            Map.entry("mobility", 9), Map.entry("recovery_plan", 10));

    private final DirectedAcyclicGraph<String, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
    private final Map<String, Step> steps = new HashMap<>();

    private OperationGraph() {}

    /** The graph of every change that is not a no-op. */
    public static OperationGraph of(List<Change> changes, Estate estate) {
        OperationGraph g = new OperationGraph();
        List<Change> work = changes.stream().filter(c -> c.action() != Action.NO_OP).toList();
        Membership membership = Membership.of(estate);
        Map<String, Set<String>> provides = new HashMap<>();
        Map<String, Set<String>> needs = new HashMap<>();
        for (Change c : work) {
            g.steps.put(c.address(), Step.of(c));
            g.graph.addVertex(c.address());
            provides.put(c.address(), provided(c));
            needs.put(c.address(), needed(c, estate, membership));
        }
        // Index providers by key so a protection step finds its dependencies without scanning every change.
        Map<String, List<Change>> byKey = new HashMap<>();
        for (Change c : work) for (String k : provides.get(c.address())) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
        for (Change c : work) {
            int rank = RANK.getOrDefault(c.type(), 5);
            boolean deleting = c.action() == Action.DELETE;
            Set<String> seen = new HashSet<>();
            for (String k : needs.get(c.address())) {
                for (Change other : byKey.getOrDefault(k, List.of())) {
                    if (other == c || !seen.add(other.address())) continue;
                    int r = RANK.getOrDefault(other.type(), 5);
                    boolean otherDeleting = other.action() == Action.DELETE;
                    if (!deleting && !otherDeleting && r < rank) g.edge(other.address(), c.address());
                    if (deleting && r > rank) g.edge(other.address(), c.address()); // users stop first
                }
            }
            if (deleting) {
                // A deletion waits for every change of a later layer (they may still use what goes).
                for (Change other : work) {
                    if (other != c && RANK.getOrDefault(other.type(), 5) > rank && seen.add(other.address())) g.edge(other.address(), c.address());
                }
            }
        }
        return g;
    }

    private void edge(String from, String to) {
        if (!graph.containsEdge(from, to)) graph.addEdge(from, to); // DirectedAcyclicGraph refuses a cycle with IllegalArgumentException
    }

    /** What a change makes available to later layers. */
    private static Set<String> provided(Change c) {
        Set<String> s = new HashSet<>();
        switch (c.type()) {
            case "vault", "storage_account", "azure_network" -> s.add("target:" + c.site());
            case "policy" -> {
                s.add("policy:" + c.name());
                s.add("any-policy");
            }
            case "protection", "mobility" -> s.add("machine:" + c.name());
            case "recovery_plan" -> s.add("plan:" + c.name());
            default -> s.add("site:" + c.site());
        }
        s.add("type:" + c.type());
        return s;
    }

    /** What a change needs from earlier layers. */
    private static Set<String> needed(Change c, Estate e, Membership membership) {
        Set<String> s = new HashSet<>();
        switch (c.type()) {
            case "protection", "mobility" -> {
                s.add("machine:" + c.name());
                s.add("site:" + c.site());
                e.machine(c.name()).map(Machine::site).ifPresent(site -> s.add("site:" + site));
                membership.groupOf(c.name()).ifPresent(g -> {
                    s.add("policy:" + g.policy());
                    s.add("target:" + g.target());
                });
                s.add("type:network_mapping");
                s.add("type:storage_mapping");
            }
            case "recovery_plan" -> {
                e.recoveryPlans().stream().filter(p -> p.name().equals(c.name())).findFirst().ifPresent(p -> planNeeds(p, s));
                s.add("target:" + c.site());
                s.add("site:" + c.site());
            }
            case "policy" -> {
                e.protectionGroups().stream().filter(g -> g.policy().equals(c.name())).map(ProtectionGroup::target).forEach(t -> s.add("target:" + t));
                s.add("target:" + c.site());
            }
            default -> {
                s.add("site:" + c.site());
                s.add("target:" + c.site());
                e.azure().forEach(t -> s.add("target:" + t.name()));
            }
        }
        if (c.action() == Action.DELETE) s.add("any-policy");
        return s;
    }

    private static void planNeeds(RecoveryPlan p, Set<String> s) {
        p.groups().forEach(g -> g.machines().stream().map(PlanMachine::name).forEach(m -> s.add("machine:" + m)));
        s.add("target:" + p.target());
    }

    public Map<String, Step> steps() {
        return steps;
    }

    public Set<String> dependenciesOf(String address) {
        Set<String> s = new HashSet<>();
        graph.incomingEdgesOf(address).forEach(e -> s.add(graph.getEdgeSource(e)));
        return s;
    }

    public Set<String> dependentsOf(String address) {
        Set<String> s = new HashSet<>();
        graph.outgoingEdgesOf(address).forEach(e -> s.add(graph.getEdgeTarget(e)));
        return s;
    }

    /** Every step that (transitively) waits for the address. */
    public Set<String> descendantsOf(String address) {
        return graph.getDescendants(address);
    }

    /** The addresses in one valid order (sorted where the graph leaves a choice). */
    public List<String> order() {
        List<String> out = new ArrayList<>();
        new org.jgrapht.traverse.TopologicalOrderIterator<>(graph, java.util.Comparator.<String>naturalOrder()).forEachRemaining(out::add);
        return out;
    }

    public int size() {
        return steps.size();
    }
}
