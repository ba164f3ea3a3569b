package siteplan.planner.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import siteplan.diag.SourceMap;
import siteplan.model.*;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.Change;
import siteplan.planner.diff.Differ;
import siteplan.planner.diff.ResourceType;
import siteplan.planner.rules.Facts;
import siteplan.planner.rules.Finding;
import siteplan.planner.rules.Profile;
import siteplan.planner.rules.Profiles;
import siteplan.planner.rules.RuleEngine;
import siteplan.planner.rules.Severity;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.StateFiles;

/** Discovered state + model + profile → a plan. */
public final class Planner {
    private Planner() {}

    /**
     * @param drills the drills history recorded for the estate, for the recovery objectives' rules (DRILL-OVERDUE); null
     *               when the history was not read (drill, failover and the failback stages never judge a cadence)
     * @param lag    each machine's current recovery-point age, for RPO-LAG; null when not read
     */
    public record Options(boolean allowDestroy, LocalDate today, String siteplanVersion, siteplan.planner.rules.DrillHistory drills,
                          siteplan.planner.rules.ReplicationLag lag) {
        public Options(boolean allowDestroy, LocalDate today, String siteplanVersion) {
            this(allowDestroy, today, siteplanVersion, null, null);
        }

        public Options(boolean allowDestroy, LocalDate today, String siteplanVersion, siteplan.planner.rules.DrillHistory drills) {
            this(allowDestroy, today, siteplanVersion, drills, null);
        }
    }

    /** Digests computed elsewhere from the bytes already read (definition files, state file); null to compute from the values. */
    public record Digests(String model, String state) {}

    public static Plan plan(List<String> definition, Estate estate, SourceMap sources, DiscoveredState discovered, String provider, Profile profile, Options options) {
        return plan(definition, estate, sources, discovered, provider, profile, options, new Digests(null, null));
    }

    public static Plan plan(List<String> definition, Estate estate, SourceMap sources, DiscoveredState discovered, String provider, Profile profile, Options options,
                            Digests digests) {
        return plan(definition, estate, sources, discovered, provider, profile, options, digests, List.of());
    }

    /**
     * A plan limited to {@code targets} (see {@link Targets}) and what they depend on; none for all. The rules
     * still check the whole definition: a limit such as a process server's capacity holds for everything it
     * carries, targeted or not.
     *
     * @throws Targets.UnknownTarget when a target names nothing in the definition or the plan
     */
    public static Plan plan(List<String> definition, Estate estate, SourceMap sources, DiscoveredState discovered, String provider, Profile profile, Options options,
                            Digests digests, List<String> targets) {
        return plan(definition, estate, sources, discovered, provider, Profiles.bundled().with(profile), options, digests, targets);
    }

    /** As above, each vault's machines checked against the profile of its architecture. */
    public static Plan plan(List<String> definition, Estate estate, SourceMap sources, DiscoveredState discovered, String provider, Profiles profiles, Options options,
                            Digests digests, List<String> targets) {
        siteplan.diag.PhaseTimings t = siteplan.diag.PhaseTimings.steps("plan");
        // The diff and the rules read the same immutable values and nothing else: run them side by side.
        java.util.concurrent.CompletableFuture<List<Change>> diff = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Differ.diff(estate, discovered, target -> profiles.ofTarget(estate, target).diskGrow()));
        Facts facts = new Facts(estate, discovered, profiles, sources, options.today());
        t.mark("facts");
        List<Finding> findings = new ArrayList<>(RuleEngine.check(facts));
        List<Change> everything = diff.join();
        Set<String> kept = Targets.select(targets, estate, everything);
        List<Change> changes = everything.stream().filter(c -> kept.contains(c.address())).toList();
        Integer leftOut = targets.isEmpty() ? null : (int) everything.stream().filter(c -> c.action() != Action.NO_OP && !kept.contains(c.address())).count();
        findings.addAll(destroyFindings(estate, changes, sources, options.allowDestroy()));
        findings.addAll(siteplan.planner.rules.ArchitectureRules.check(facts, changes));
        findings.addAll(siteplan.planner.rules.MoveRules.check(facts, changes));
        findings.addAll(siteplan.planner.rules.ObjectiveRules.check(facts, everything, options.drills(), options.lag()));
        findings.sort(null);
        t.mark("rules");
        Plan.Summary summary = summary(changes, findings);
        String modelDigest = digests.model() != null ? digests.model() : StateFiles.fingerprint(estate);
        String stateFingerprint = digests.state() != null ? digests.state() : StateFiles.fingerprint(discovered);
        t.mark("digests");
        List<Plan.Sizing> sizing = SizingAdvisor.advise(facts);
        List<Plan.PlanOrder> orders = orders(estate, changes);
        t.mark("sizing");
        return new Plan(Plan.FORMAT_VERSION, options.siteplanVersion(), definition, provider, profiles.names(estate),
                targets.isEmpty() ? null : Targets.normalised(targets), leftOut, modelDigest, stateFingerprint, summary.errors() == 0, summary, changes, findings, sizing, orders);
    }

    /** Disabling protection loses recovery points: refused by preventDestroy, otherwise allowed only with --allow-destroy. */
    private static List<Finding> destroyFindings(Estate e, List<Change> changes, SourceMap sources, boolean allow) {
        List<Finding> out = new ArrayList<>();
        Membership membership = changes.stream().anyMatch(Change::destructive) ? Membership.of(e) : null;
        for (Change c : changes) {
            if (!c.destructive()) continue;
            Machine m = e.machine(c.name()).orElse(null);
            ProtectionGroup g = m == null ? null : membership.groupOf(m.name()).orElse(null);
            boolean prevented = (m != null && m.preventDestroy()) || (g != null && g.preventDestroy());
            var l = sources.at(Address.machine(c.name()));
            if (prevented) {
                out.add(new Finding("PLAN-PREVENT-DESTROY", Severity.ERROR, c.name(), c.address() + (c.action() == Action.MOVE
                        ? " would move to another vault, its recovery points in the classic vault expiring after their retention (" : " would disable protection and lose its recovery points (")
                        + c.action().token() + "), but " + (m != null && m.preventDestroy() ? "machine " + m.name() : "protection group " + g.name()) + " sets preventDestroy",
                        l.file(), l.line() > 0 ? l.line() : null));
            } else if (!allow) {
                String loses = c.action() == Action.MOVE ? " would move to another vault, its recovery points in the classic vault expiring after their retention ("
                        : " would disable protection and lose its recovery points (";
                out.add(new Finding("PLAN-DESTROY", Severity.ERROR, c.name(), c.address() + loses
                        + c.action().token() + "); plan again with --allow-destroy to accept that", l.file(), l.line() > 0 ? l.line() : null));
            }
        }
        return out;
    }

    private static Plan.Summary summary(List<Change> changes, List<Finding> findings) {
        int[] n = new int[Action.values().length];
        changes.forEach(c -> n[c.action().ordinal()]++);
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
        return new Plan.Summary(n[Action.CREATE.ordinal()], n[Action.UPDATE.ordinal()], n[Action.REPLACE.ordinal()], n[Action.DELETE.ordinal()],
                n[Action.RE_REPLICATE.ordinal()], n[Action.REPROTECT.ordinal()], n[Action.MOVE.ordinal()], n[Action.NO_OP.ordinal()], (int) errors, (int) warnings, (int) infos);
    }

    private static List<Plan.PlanOrder> orders(Estate e, List<Change> changes) {
        Set<String> changedMachines = changes.stream().filter(c -> c.action() != Action.NO_OP && (c.type() == ResourceType.PROTECTION || c.type() == ResourceType.MOBILITY))
                .map(Change::name).collect(Collectors.toSet());
        Set<String> changedPlans = changes.stream().filter(c -> c.action() != Action.NO_OP && c.type() == ResourceType.RECOVERY_PLAN).map(Change::name).collect(Collectors.toSet());
        List<Plan.PlanOrder> out = new ArrayList<>();
        for (RecoveryPlan p : e.recoveryPlans()) {
            boolean touched = changedPlans.contains(p.name()) || p.machineNames().stream().anyMatch(changedMachines::contains);
            List<Plan.Dependency> deps = new ArrayList<>();
            p.groups().forEach(g -> g.machines().forEach(pm -> pm.dependsOn().forEach(d -> deps.add(new Plan.Dependency(pm.name(), d)))));
            out.add(new Plan.PlanOrder(p.name(), touched, p.groups().stream().map(g -> g.machines().stream().map(PlanMachine::name).toList()).toList(), deps));
        }
        return out;
    }
}
