package siteplan.planner.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import siteplan.model.*;
import siteplan.model.Address.Kind;

/** Recovery plan rules (seed 000 step 10, seed 003 "Test your deployment"): members, order, limits. */
final class RecoveryPlanRules {
    private RecoveryPlanRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        check(f, out);
        return out.list();
    }

    private static void check(Facts f, Findings out) {
        for (RecoveryPlan p : f.estate.recoveryPlans()) {
            members(f, out, p);
            order(f, out, p);
            limits(f, out, p);
            health(f, out, p);
            runbooks(f, out, p);
            replicationGroups(f, out, p);
        }
    }

    /**
     * RP-VAULT-GROUP: a recovery plan of a real vault fails over no machine of a Site Recovery replication group
     * (a protection group whose policy has multi-VM consistency): Azure fails those over, test-fails them over and
     * commits them only as a recovery plan that Site Recovery itself runs, while siteplan runs a plan machine by
     * machine (azure-powershell refuses the item-level calls for them, as Azure does).
     */
    static void replicationGroups(Facts f, Findings out, RecoveryPlan p) {
        // Site Recovery runs a modernized (InMageRcm) group's machines one by one (azure-powershell has no group check for it).
        if (!f.realClassicVault(p.target())) return;
        Map<String, List<String>> byGroup = new java.util.LinkedHashMap<>();
        Map<String, String> policyOf = new HashMap<>();
        for (String name : p.machineNames()) {
            Machine m = f.estate.machine(name).orElse(null);
            if (m == null || m.kind() == MachineKind.HYPERV_VM) continue;
            var g = f.groupOf(m);
            if (g.isEmpty() || !g.get().target().equals(p.target())) continue;
            boolean consistent = f.replicationPolicy(g.get().policy()).map(ReplicationPolicy::multiVmConsistency).orElse(false);
            if (!consistent) continue;
            byGroup.computeIfAbsent(g.get().name(), k -> new ArrayList<>()).add(name);
            policyOf.put(g.get().name(), g.get().policy());
        }
        byGroup.forEach((group, machines) -> out.report("RP-VAULT-GROUP", Severity.ERROR, p.name(), Address.recoveryPlan(p.name()),
                "recovery plan " + p.name() + " fails over " + String.join(", ", machines) + " of protection group " + group + ", which vault target " + p.target()
                        + " keeps in one replication group (policy " + policyOf.get(group) + " has multiVmConsistency): Azure fails over, test-fails over and commits"
                        + " the machines of a replication group only in a recovery plan that Site Recovery runs itself, and siteplan runs a plan machine by machine"
                        + " — before they are protected, set multiVmConsistency false in policy " + policyOf.get(group) + " (each machine then keeps recovery points of its own);"
                        + " once grouped in the vault, run the plan from the vault, where siteplan keeps it with its steps"));
    }

    /**
     * RP-RUNBOOK: a runbook step is what Site Recovery can hold in its recovery plan: an Azure Automation runbook
     * runs only in plans that fail over to Azure, and a real vault takes it by its resource id
     * (/subscriptions/…/automationAccounts/ACCOUNT/runbooks/NAME), which a bare name does not give.
     */
    static void runbooks(Facts f, Findings out, RecoveryPlan p) {
        boolean toVmm = f.estate.vmmSites().stream().anyMatch(v -> v.name().equals(p.target()));
        boolean realAzure = f.realVault(p.target());
        int n = 0;
        for (RecoveryGroup g : p.groups()) {
            n++;
            List<PlanAction> steps = new ArrayList<>(g.before());
            steps.addAll(g.after());
            for (PlanAction a : steps) {
                if (a.kind() != ActionKind.RUNBOOK) continue;
                if (toVmm) {
                    out.report("RP-RUNBOOK", Severity.ERROR, p.name(), Address.recoveryPlan(p.name()), "runbook " + a.value() + " in group " + n + " of recovery plan " + p.name()
                            + ": Site Recovery runs Azure Automation runbooks only in plans that fail over to Azure, and " + p.name() + " fails over to VMM site " + p.target()
                            + " — use a script step (it runs on the VMM server) or a manual step");
                } else if (realAzure && !a.value().toLowerCase(java.util.Locale.ROOT).startsWith("/subscriptions/")) {
                    out.report("RP-RUNBOOK", Severity.ERROR, p.name(), Address.recoveryPlan(p.name()), "runbook " + a.value() + " in group " + n + " of recovery plan " + p.name()
                            + ": Site Recovery takes a runbook by its Azure resource id — write runbook '/subscriptions/SUBSCRIPTION/resourceGroups/GROUP/providers/"
                            + "Microsoft.Automation/automationAccounts/ACCOUNT/runbooks/" + a.value() + "'");
                }
            }
        }
    }

    /**
     * RP-HEALTH (preview): a failover needs healthy configuration and master target servers. The
     * executor refuses a failover then; the plan warns as soon as discovery sees it.
     */
    static void health(Facts f, Findings out, RecoveryPlan p) {
        f.discovered.vaults().stream().flatMap(v -> v.fabric(p.source()).stream()).forEach(fabric -> fabric.servers().stream()
                .filter(s -> s.role().equals("configuration-server") || s.role().equals("master-target"))
                .filter(s -> s.health() != null && !s.health().equalsIgnoreCase("healthy"))
                .forEach(s -> out.report("RP-HEALTH", Severity.WARNING, p.name(), Address.recoveryPlan(p.name()), s.role().replace('-', ' ') + " " + s.name()
                        + " is " + s.health() + ": recovery plan " + p.name() + " cannot fail over until it is healthy")));
    }

    /** RP-MEMBERS: every machine of a plan is protected toward the plan's target. */
    static void members(Facts f, Findings out, RecoveryPlan p) {
        for (String name : p.machineNames()) {
            Machine m = f.estate.machine(name).orElse(null);
            if (m == null) continue;
            var g = f.groupOf(m);
            if (g.isEmpty()) {
                out.report("RP-MEMBERS", Severity.ERROR, p.name(), Address.recoveryPlan(p.name()).child(Kind.MACHINE, name), name + " in recovery plan " + p.name()
                        + " is in no protection group, so it cannot fail over");
            } else if (!g.get().target().equals(p.target())) {
                out.report("RP-MEMBERS", Severity.ERROR, p.name(), Address.recoveryPlan(p.name()).child(Kind.MACHINE, name), name + " in recovery plan " + p.name()
                        + " is protected toward " + g.get().target() + ", not the plan's target " + p.target());
            }
        }
    }

    /** RP-ORDER: a machine depends only on machines of its own or an earlier group, without cycles. */
    static void order(Facts f, Findings out, RecoveryPlan p) {
        Map<String, Integer> groupOf = new HashMap<>();
        Map<String, List<String>> deps = new HashMap<>();
        for (int i = 0; i < p.groups().size(); i++) {
            for (PlanMachine pm : p.groups().get(i).machines()) {
                groupOf.put(pm.name(), i + 1);
                deps.put(pm.name(), pm.dependsOn());
            }
        }
        for (var e : deps.entrySet()) {
            for (String dep : e.getValue()) {
                Integer dg = groupOf.get(dep);
                if (dg != null && dg > groupOf.get(e.getKey())) {
                    out.report("RP-ORDER", Severity.ERROR, p.name(), Address.recoveryPlan(p.name()).child(Kind.MACHINE, e.getKey()), e.getKey() + " (group " + groupOf.get(e.getKey())
                            + ") depends on " + dep + ", which fails over later (group " + dg + ") in recovery plan " + p.name());
                }
            }
        }
        // Cycles: one per strongly connected component of the dependencies, shown from its smallest name. Linear in
        // machines and dependencies, without recursion: a definition's loop can declare thousands of machines.
        for (List<String> component : cyclicComponents(deps)) {
            String start = component.stream().min(String::compareTo).orElseThrow();
            List<String> cycle = cycleThrough(start, new java.util.HashSet<>(component), deps);
            out.report("RP-ORDER", Severity.ERROR, p.name(), Address.recoveryPlan(p.name()).child(Kind.MACHINE, start), "recovery plan " + p.name()
                    + " has a dependency cycle: " + String.join(" → ", cycle) + " → " + cycle.get(0));
        }
    }

    /** The strongly connected components that hold a cycle (two machines or more, or one that depends on itself), by Tarjan's algorithm, iteratively. */
    static List<List<String>> cyclicComponents(Map<String, List<String>> deps) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        java.util.Deque<String> stack = new java.util.ArrayDeque<>();
        java.util.Set<String> onStack = new java.util.HashSet<>();
        List<List<String>> out = new ArrayList<>();
        int next = 0;
        for (String root : new java.util.TreeSet<>(deps.keySet())) {
            if (index.containsKey(root)) continue;
            // Each frame: a node and how many of its dependencies were visited.
            java.util.Deque<Object[]> frames = new java.util.ArrayDeque<>();
            frames.push(new Object[] {root, 0});
            index.put(root, next);
            low.put(root, next++);
            stack.push(root);
            onStack.add(root);
            while (!frames.isEmpty()) {
                Object[] f = frames.peek();
                String v = (String) f[0];
                List<String> ds = deps.getOrDefault(v, List.of());
                int i = (Integer) f[1];
                if (i < ds.size()) {
                    f[1] = i + 1;
                    String w = ds.get(i);
                    if (!deps.containsKey(w)) continue;
                    if (!index.containsKey(w)) {
                        index.put(w, next);
                        low.put(w, next++);
                        stack.push(w);
                        onStack.add(w);
                        frames.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    String parent = (String) frames.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1 || deps.getOrDefault(v, List.of()).contains(v)) out.add(component);
                }
            }
        }
        out.sort(java.util.Comparator.comparing(c -> c.stream().min(String::compareTo).orElseThrow()));
        return out;
    }

    /** A cycle from start back to it inside its component, following dependencies in their declared order. */
    private static List<String> cycleThrough(String start, java.util.Set<String> component, Map<String, List<String>> deps) {
        Map<String, String> cameFrom = new HashMap<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>();
        todo.push(start);
        java.util.Set<String> seen = new java.util.HashSet<>(List.of(start));
        while (!todo.isEmpty()) {
            String v = todo.pop();
            List<String> ds = deps.getOrDefault(v, List.of());
            if (ds.contains(start)) {
                java.util.LinkedList<String> cycle = new java.util.LinkedList<>();
                for (String at = v; at != null; at = cameFrom.get(at)) cycle.addFirst(at);
                return cycle;
            }
            for (int i = ds.size() - 1; i >= 0; i--) {
                String w = ds.get(i);
                if (component.contains(w) && seen.add(w)) {
                    cameFrom.put(w, v);
                    todo.push(w);
                }
            }
        }
        return List.of(start);
    }

    /** RP-LIMITS: at most 100 machines and 7 groups; VMware/physical and Hyper-V machines never in one plan. */
    static void limits(Facts f, Findings out, RecoveryPlan p) {
        Address key = Address.recoveryPlan(p.name());
        int machines = p.machineNames().size();
        if (machines > f.profile.recoveryPlan().maxMachines()) {
            out.report("RP-LIMITS", Severity.ERROR, p.name(), key, "recovery plan " + p.name() + " has " + machines + " machines (limit " + f.profile.recoveryPlan().maxMachines() + ")");
        }
        if (p.groups().size() > f.profile.recoveryPlan().maxGroups()) {
            out.report("RP-LIMITS", Severity.ERROR, p.name(), key, "recovery plan " + p.name() + " has " + p.groups().size() + " groups (limit " + f.profile.recoveryPlan().maxGroups() + ")");
        }
        boolean hyperV = false;
        boolean vmware = false;
        for (String n : p.machineNames()) {
            var m = f.estate.machine(n);
            if (m.isEmpty()) continue;
            if (m.get().kind() == MachineKind.HYPERV_VM) hyperV = true; else vmware = true;
        }
        if (hyperV && vmware) {
            out.report("RP-LIMITS", Severity.ERROR, p.name(), key, "recovery plan " + p.name() + " mixes VMware/physical and Hyper-V machines; use one plan for each");
        }
    }
}
