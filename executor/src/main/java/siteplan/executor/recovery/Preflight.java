package siteplan.executor.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import siteplan.model.RecoveryPlan;
import siteplan.planner.plan.Plan;
import siteplan.planner.rules.Finding;
import siteplan.planner.rules.Severity;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.RecoveryVault;

/**
 * What must hold before a recovery operation changes anything: no error among the plan's rules
 * (those the operation names), RP-HEALTH, and every machine of the recovery plan protected and in a
 * state the operation needs. Each problem is one line for the user; none means go.
 */
public final class Preflight {
    private Preflight() {}

    /** What the operation needs of each machine, and how to say it when a machine is not so. */
    public record Needs(Predicate<ProtectedItem> ready, String needed) {}

    public static List<String> problems(Plan rules, DiscoveredState discovered, RecoveryPlan plan, Predicate<String> ruleFilter, Needs needs) {
        List<String> problems = new ArrayList<>(ruleErrors(rules, ruleFilter));
        problems.addAll(health(discovered, plan.source()));
        problems.addAll(machines(discovered, plan, needs));
        return problems;
    }

    /** The errors of the rules the operation names; PLAN-* findings are about the plan file, not the estate, so they never stop a run. */
    static List<String> ruleErrors(Plan rules, Predicate<String> ruleFilter) {
        List<String> problems = new ArrayList<>();
        for (Finding f : rules.findings()) {
            if (f.severity() == Severity.ERROR && ruleFilter.test(f.rule()) && !f.rule().startsWith("PLAN-")) {
                problems.add(f.rule() + " " + f.message() + (f.file() == null ? "" : " (" + f.file() + (f.line() == null ? "" : ", line " + f.line()) + ")"));
            }
        }
        return problems;
    }

    /** RP-HEALTH: the source's configuration server and master targets are healthy. */
    static List<String> health(DiscoveredState discovered, String source) {
        List<String> problems = new ArrayList<>();
        for (RecoveryVault v : discovered.vaults()) {
            v.fabric(source).ifPresent(fabric -> fabric.servers().stream()
                    .filter(s -> s.role().equals("configuration-server") || s.role().equals("master-target"))
                    .filter(s -> !"healthy".equals(s.health()))
                    .forEach(s -> problems.add("RP-HEALTH " + s.role().replace('-', ' ') + " " + s.name() + " is " + s.health() + "; it must be healthy before a failover")));
        }
        return problems;
    }

    /** Every machine of the plan protected and ready for the operation. */
    static List<String> machines(DiscoveredState discovered, RecoveryPlan plan, Needs needs) {
        List<String> problems = new ArrayList<>();
        for (var g : plan.groups()) {
            for (var m : g.machines()) {
                ProtectedItem p = discovered.protectedItem(m.name()).orElse(null);
                if (p == null) problems.add(m.name() + " is not protected: apply the plan that protects it first");
                else if (!needs.ready().test(p)) problems.add(m.name() + " is " + p.state().token() + " at the " + p.activeLocation().token() + " site; " + needs.needed());
            }
        }
        return problems;
    }
}
