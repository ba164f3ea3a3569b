package siteplan.executor.recovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import siteplan.diag.Location;
import siteplan.diag.SourceMap;
import siteplan.files.DefinitionPaths;
import siteplan.model.Address;
import siteplan.model.RecoveryPlan;
import siteplan.planner.plan.Plan;
import siteplan.planner.rules.Finding;
import siteplan.planner.rules.Severity;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.RecoveryVault;

/**
 * What must hold before a recovery operation changes anything: no error among the plan's rules
 * (those the operation names), every script of the recovery plan there to run, RP-HEALTH, and every
 * machine of the recovery plan protected and in a state the operation needs. Each problem is one line
 * for the user; none means go.
 */
public final class Preflight {
    private Preflight() {}

    /** What the operation needs of each machine, and what to say of a machine that is not so. */
    public record Needs(Predicate<ProtectedItem> ready, Function<ProtectedItem, String> needed) {
        public Needs(Predicate<ProtectedItem> ready, String needed) {
            this(ready, p -> needed);
        }
    }

    /**
     * A drill is a test failover from the primary site. Seeds 001/002 know no test failover from Azure
     * back to on-premises: machines running at the recovery site (failed over, committed or reprotected
     * there) go back by failback (FB-STAGES), and are drilled again once they run at the primary.
     */
    public static final Needs DRILL = new Needs(
            p -> p.activeLocation() == ProtectedItem.ActiveLocation.PRIMARY
                    && (p.state() == ProtectedItem.ReplicationState.PROTECTED || p.state() == ProtectedItem.ReplicationState.REPROTECTED),
            p -> p.activeLocation() == ProtectedItem.ActiveLocation.RECOVERY
                    ? "FB-STAGES: a drill is a test failover from the primary site, and there is none from the recovery site back; "
                    + "bring the plan home with failback (reprotect, failover, commit, reprotect), then drill it"
                    : "a drill needs it protected (wait for initial replication, or fail back first)");

    /** The definition a run was loaded from: the folder its scripts are named relative to, and where each thing is declared. */
    public record Definition(Path dir, SourceMap sources) {}

    public static List<String> problems(Plan rules, DiscoveredState discovered, RecoveryPlan plan, Definition definition, Predicate<String> ruleFilter, Needs needs) {
        List<String> problems = new ArrayList<>(ruleErrors(rules.findings(), ruleFilter, plan.name()));
        problems.addAll(scripts(definition, plan));
        problems.addAll(health(discovered, plan.source()));
        problems.addAll(machines(discovered, plan, needs));
        return problems;
    }

    /**
     * Rules about protecting machines anew, which never stop a recovery run: ARCH-CLASSIC refuses new protection in a
     * retired classic vault, while the machines it already protects keep every operation.
     */
    static final java.util.Set<String> NEW_PROTECTION_ONLY = java.util.Set.of("ARCH-CLASSIC");

    /** The errors of the rules the operation names (of this recovery plan, for RP-* rules); PLAN-* findings are about the plan file, not the estate, so they never stop a run. */
    static List<String> ruleErrors(List<Finding> findings, Predicate<String> ruleFilter, String recoveryPlan) {
        List<String> problems = new ArrayList<>();
        for (Finding f : findings) {
            // A recovery plan rule's finding is about its plan (its subject): another plan's error never stops this one's run.
            boolean otherPlan = f.rule().startsWith("RP-") && f.subject() != null && !f.subject().equals(recoveryPlan);
            if (f.severity() == Severity.ERROR && ruleFilter.test(f.rule()) && !f.rule().startsWith("PLAN-") && !NEW_PROTECTION_ONLY.contains(f.rule()) && !otherPlan) {
                problems.add(f.rule() + " " + f.message() + (f.file() == null ? "" : " (" + f.file() + (f.line() == null ? "" : ", line " + f.line()) + ")"));
            }
        }
        return problems;
    }

    /**
     * Every script the recovery plan runs is a file inside the definition folder: a run that found one
     * missing half-way would leave the plan's later groups where they were.
     */
    static List<String> scripts(Definition definition, RecoveryPlan plan) {
        List<String> problems = new ArrayList<>();
        for (DefinitionPaths.ScriptProblem p : DefinitionPaths.scriptProblems(definition.dir(), plan)) {
            Location at = definition.sources().at(Address.recoveryPlan(plan.name())
                    .child(Address.Kind.GROUP, String.valueOf(p.group())).child(Address.Kind.SCRIPT, p.script()));
            problems.add(p.message() + (at == null || at.file() == null ? "" : " (" + at.file() + (at.line() > 0 ? ", line " + at.line() : "") + ")"));
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
                else if (!needs.ready().test(p)) problems.add(m.name() + " is " + p.state().token() + " at the " + p.activeLocation().token() + " site; " + needs.needed().apply(p));
            }
        }
        return problems;
    }
}
