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
        // Cycles: depth-first search over the dependencies, reporting each cycle once by its smallest name.
        java.util.Set<String> reported = new java.util.TreeSet<>();
        for (String start : new java.util.TreeSet<>(deps.keySet())) {
            List<String> cycle = findCycle(start, deps, new ArrayList<>(), new java.util.HashSet<>());
            if (cycle != null) {
                List<String> sorted = new ArrayList<>(cycle);
                java.util.Collections.sort(sorted);
                if (reported.add(String.join(",", sorted)) && cycle.get(0).equals(sorted.get(0))) {
                    out.report("RP-ORDER", Severity.ERROR, p.name(), Address.recoveryPlan(p.name()).child(Kind.MACHINE, start), "recovery plan " + p.name()
                            + " has a dependency cycle: " + String.join(" → ", cycle) + " → " + cycle.get(0));
                }
            }
        }
    }

    private static List<String> findCycle(String node, Map<String, List<String>> deps, List<String> path, java.util.Set<String> done) {
        int at = path.indexOf(node);
        if (at >= 0) return new ArrayList<>(path.subList(at, path.size()));
        if (!done.add(node)) return null;
        path.add(node);
        for (String d : deps.getOrDefault(node, List.of())) {
            List<String> c = findCycle(d, deps, path, done);
            if (c != null) return c;
        }
        path.remove(path.size() - 1);
        return null;
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
