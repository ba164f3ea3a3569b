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
import siteplan.planner.diff.ResourceType;

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
    /** Layer of each resource type: a change waits only for changes of lower layers. */
    static int rank(ResourceType type) {
        return switch (type) {
            case VAULT -> 0;
            case STORAGE_ACCOUNT, AZURE_NETWORK -> 1;
            case SITE -> 2;
            case CONFIGURATION_SERVER -> 3;
            case VCENTER, PROCESS_SERVER, APPLIANCE -> 4;
            case MASTER_TARGET -> 5;
            case POLICY -> 6;
            case NETWORK_MAPPING, STORAGE_MAPPING -> 7;
            case PROTECTION -> 8;
            case MOBILITY -> 9;
            case RECOVERY_PLAN -> 10;
        };
    }

    private final DirectedAcyclicGraph<String, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
    private final Map<String, Step> steps = new HashMap<>();

    private OperationGraph() {}

    /** The graph of every change that is not a no-op. */
    public static OperationGraph of(List<Change> changes, Estate estate) {
        OperationGraph g = new OperationGraph();
        List<Change> work = changes.stream().filter(c -> c.action() != Action.NO_OP).toList();
        Membership membership = Membership.of(estate);
        Map<String, Set<ResourceKey>> provides = new HashMap<>();
        Map<String, Set<ResourceKey>> needs = new HashMap<>();
        for (Change c : work) {
            g.steps.put(c.address(), Step.of(c));
            g.graph.addVertex(c.address());
            provides.put(c.address(), provided(c));
            needs.put(c.address(), needed(c, estate, membership));
        }
        // Index providers by key so a protection step finds its dependencies without scanning every change.
        Map<ResourceKey, List<Change>> byKey = new HashMap<>();
        for (Change c : work) for (ResourceKey k : provides.get(c.address())) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
        for (Change c : work) {
            int rank = rank(c.type());
            boolean deleting = c.action() == Action.DELETE;
            Set<String> seen = new HashSet<>();
            for (ResourceKey k : needs.get(c.address())) {
                for (Change other : byKey.getOrDefault(k, List.of())) {
                    if (other == c || !seen.add(other.address())) continue;
                    int r = rank(other.type());
                    boolean otherDeleting = other.action() == Action.DELETE;
                    if (!deleting && !otherDeleting && r < rank) g.edge(other.address(), c.address());
                    if (deleting && r > rank) g.edge(other.address(), c.address()); // users stop first
                }
            }
            if (deleting) {
                // A deletion waits for every change of a later layer (they may still use what goes).
                for (Change other : work) {
                    if (other != c && rank(other.type()) > rank && seen.add(other.address())) g.edge(other.address(), c.address());
                }
            }
        }
        return g;
    }

    private void edge(String from, String to) {
        if (!graph.containsEdge(from, to)) graph.addEdge(from, to); // DirectedAcyclicGraph refuses a cycle with IllegalArgumentException
    }

    /** What a change makes available to later layers. */
    private static Set<ResourceKey> provided(Change c) {
        Set<ResourceKey> s = new HashSet<>(switch (c.type()) {
            case VAULT, STORAGE_ACCOUNT, AZURE_NETWORK -> List.of(ResourceKey.target(c.site()));
            case POLICY -> List.of(ResourceKey.policy(c.name()), ResourceKey.anyPolicy());
            case PROTECTION, MOBILITY -> List.of(ResourceKey.machine(c.name()));
            case RECOVERY_PLAN -> List.of(ResourceKey.recoveryPlan(c.name()));
            case SITE, VCENTER, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET, APPLIANCE, NETWORK_MAPPING, STORAGE_MAPPING -> List.of(ResourceKey.site(c.site()));
        });
        s.add(ResourceKey.type(c.type()));
        return s;
    }

    /** What a change needs from earlier layers. */
    private static Set<ResourceKey> needed(Change c, Estate e, Membership membership) {
        Set<ResourceKey> s = switch (c.type()) {
            case PROTECTION, MOBILITY -> machineNeeds(c, e, membership);
            case RECOVERY_PLAN -> recoveryPlanNeeds(c, e);
            case POLICY -> policyNeeds(c, e);
            case VAULT, STORAGE_ACCOUNT, AZURE_NETWORK, SITE, VCENTER, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET, APPLIANCE,
                    NETWORK_MAPPING, STORAGE_MAPPING -> infrastructureNeeds(c, e);
        };
        if (c.action() == Action.DELETE) s.add(ResourceKey.anyPolicy());
        return s;
    }

    private static Set<ResourceKey> machineNeeds(Change c, Estate e, Membership membership) {
        Set<ResourceKey> s = new HashSet<>();
        s.add(ResourceKey.machine(c.name()));
        s.add(ResourceKey.site(c.site()));
        e.machine(c.name()).map(Machine::site).ifPresent(site -> s.add(ResourceKey.site(site)));
        membership.groupOf(c.name()).ifPresent(g -> {
            s.add(ResourceKey.policy(g.policy()));
            s.add(ResourceKey.target(g.target()));
        });
        s.add(ResourceKey.type(ResourceType.NETWORK_MAPPING));
        s.add(ResourceKey.type(ResourceType.STORAGE_MAPPING));
        return s;
    }

    private static Set<ResourceKey> recoveryPlanNeeds(Change c, Estate e) {
        Set<ResourceKey> s = new HashSet<>();
        e.recoveryPlans().stream().filter(p -> p.name().equals(c.name())).findFirst().ifPresent(p -> planNeeds(p, s));
        s.add(ResourceKey.target(c.site()));
        s.add(ResourceKey.site(c.site()));
        return s;
    }

    private static Set<ResourceKey> policyNeeds(Change c, Estate e) {
        Set<ResourceKey> s = new HashSet<>();
        e.protectionGroups().stream().filter(g -> g.policy().equals(c.name())).map(ProtectionGroup::target).forEach(t -> s.add(ResourceKey.target(t)));
        s.add(ResourceKey.target(c.site()));
        return s;
    }

    private static Set<ResourceKey> infrastructureNeeds(Change c, Estate e) {
        Set<ResourceKey> s = new HashSet<>();
        s.add(ResourceKey.site(c.site()));
        s.add(ResourceKey.target(c.site()));
        e.azure().forEach(t -> s.add(ResourceKey.target(t.name())));
        return s;
    }

    private static void planNeeds(RecoveryPlan p, Set<ResourceKey> s) {
        p.groups().forEach(g -> g.machines().stream().map(PlanMachine::name).forEach(m -> s.add(ResourceKey.machine(m))));
        s.add(ResourceKey.target(p.target()));
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
