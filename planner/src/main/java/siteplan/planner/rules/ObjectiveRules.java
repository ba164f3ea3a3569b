package siteplan.planner.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import siteplan.model.Address;
import siteplan.model.Address.Kind;
import siteplan.model.RecoveryPlan;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.Change;
import siteplan.planner.diff.ResourceType;
import siteplan.units.Durations;

/**
 * Recovery objectives as code, judged from the history the estate's drills were recorded in: a recovery plan is only
 * as good as its last drill. Checked by {@code plan} (and so by {@code apply}) when the history was read; never by
 * {@code drill}, {@code failover} or the failback stages, so an overdue plan stays drillable.
 */
public final class ObjectiveRules {
    private ObjectiveRules() {}

    public static List<Finding> check(Facts f, List<Change> changes, DrillHistory history) {
        return check(f, changes, history, null);
    }

    public static List<Finding> check(Facts f, List<Change> changes, DrillHistory history, ReplicationLag lag) {
        Findings out = new Findings(f.sources);
        if (lag != null) for (RecoveryPlan p : f.estate.recoveryPlans()) rpoLag(f, out, lag, p);
        if (history == null) return out.list();
        java.util.Set<String> created = new java.util.HashSet<>();
        for (Change c : changes) if (c.type() == ResourceType.RECOVERY_PLAN && c.action() == Action.CREATE) created.add(c.name());
        DrillHistory upToToday = history.until(f.today);
        for (RecoveryPlan p : f.estate.recoveryPlans()) {
            cadence(f, out, upToToday, p, created.contains(p.name()));
            form(f, out, upToToday, p);
            predicted(f, out, upToToday, p, changes);
        }
        return out.list();
    }

    /**
     * DRILL-OVERDUE: a recovery plan with a drill cadence ({@code every 90.days}) was drilled successfully within it, as the
     * history recorded: when it was last drilled and when the next drill is due is said for each; one never drilled
     * successfully is overdue from its first plan. A warning, an error that stops apply when the cadence is mandatory
     * ({@code every 90.days, mandatory: true}). Days are counted from the drill's recorded date to today (SITEPLAN_TODAY), both
     * in the local zone. A drill that passed its checks but missed its RTO or RPO is not a successful drill; one dated after
     * today is not counted.
     * A recovery plan this plan creates has had no chance to be drilled: said, and its cadence counts from the next plan.
     */
    static void cadence(Facts f, Findings out, DrillHistory history, RecoveryPlan p, boolean createdNow) {
        if (p.drill() == null || p.drill().interval() == null) return;
        Duration every = p.drill().interval();
        Address at = Address.recoveryPlan(p.name()).child(Kind.DRILL);
        String cadence = "every " + Durations.format(every) + (p.drill().mandatory() ? ", mandatory" : "");
        Optional<DrillHistory.Drill> last = history.lastPassed(p.name());
        if (last.isEmpty() && createdNow) {
            out.report("DRILL-OVERDUE", Severity.INFO, p.name(), at, "recovery plan " + p.name() + " is created by this plan and has never been drilled; its cadence is "
                    + cadence + ": once it is applied, it is overdue until its first successful drill");
            return;
        }
        if (last.isEmpty()) {
            String failed = history.last(p.name()).map(d -> " (its last drill, on " + date(d) + " in " + shortCommit(d) + ", did not pass)").orElse("");
            out.report("DRILL-OVERDUE", p.drill().mandatory() ? Severity.ERROR : Severity.WARNING, p.name(), at, "recovery plan " + p.name() + " has never been drilled successfully" + failed + " in " + history.where()
                    + "; its cadence is " + cadence + ", so it is overdue — drill it (" + drillCommand(p) + ")");
            return;
        }
        LocalDate on = date(last.get());
        LocalDate due = due(last.get(), every);
        long late = ChronoUnit.DAYS.between(due, f.today);
        if (late > 0) {
            out.report("DRILL-OVERDUE", p.drill().mandatory() ? Severity.ERROR : Severity.WARNING, p.name(), at, "recovery plan " + p.name() + " was last drilled successfully on " + on + " (" + shortCommit(last.get())
                    + "); its cadence is " + cadence + ", so it was due by " + due + " and is overdue by " + late + (late == 1 ? " day" : " days")
                    + " — drill it (" + drillCommand(p) + ")");
        } else {
            out.report("DRILL-OVERDUE", Severity.INFO, p.name(), at, "recovery plan " + p.name() + " was last drilled successfully on " + on + " (" + shortCommit(last.get())
                    + "); its cadence is " + cadence + ": the next drill is due by " + due);
        }
    }

    /**
     * DRILL-FORM: a drill proves the plan it failed over. A plan whose machines, groups or disks changed since its last
     * successful drill is not drilled in its current form: a warning saying what changed, whatever its cadence.
     */
    static void form(Facts f, Findings out, DrillHistory history, RecoveryPlan p) {
        Optional<DrillHistory.Drill> last = history.lastPassed(p.name());
        if (last.isEmpty() || last.get().drilled() == null) return;
        List<String> changed = DrilledForm.changes(last.get().drilled(), f.estate, p.name());
        if (changed.isEmpty()) return;
        out.report("DRILL-FORM", Severity.WARNING, p.name(), Address.recoveryPlan(p.name()), "recovery plan " + p.name() + " is not drilled in its current form: since its last successful drill on "
                + date(last.get()) + " (" + shortCommit(last.get()) + "), " + String.join("; ", changed) + " — drill it again (" + drillCommand(p) + ")");
    }

    /**
     * RPO-LAG: a recovery plan's RPO holds only while replication keeps up. A machine of a plan with an RPO target whose
     * latest recovery point, as the provider reports it now, is older than that target would lose more than the plan allows
     * if it failed over now: a warning, outside drills too. Machines the provider reports no age for are not judged.
     */
    static void rpoLag(Facts f, Findings out, ReplicationLag lag, RecoveryPlan p) {
        lagging(p, lag).forEach((m, age) ->
            out.report("RPO-LAG", Severity.WARNING, m, Address.machine(m), "machine " + m + " of recovery plan " + p.name() + ": its latest recovery point is "
                    + Durations.human(age.toSeconds()) + " old (" + lag.where() + "), over the plan's RPO of " + Durations.human(p.rpo().toSeconds())
                    + " by " + Durations.human(age.minus(p.rpo()).toSeconds()) + ": a failover now would lose more data than the plan allows — check its replication health "
                    + "(siteplan discover shows it) and the bandwidth and load of the server that replicates it"));
    }

    /**
     * RTO-PREDICTED: a change to a recovery plan or its machines changes how long its failover takes. For each recovery
     * plan the change touches, the plan shows its RTO predicted from the drills and failovers the history recorded, as it
     * stands (the plan as the vault holds it, machines as discovered) and after the change; a warning when the prediction
     * after the change is over the plan's RTO target, and for a plan no change touches whose prediction is over its target
     * (a target tightened, timings grown); the same, per group, for a group that declares its own RTO (when the group is
     * predicted done). With no recorded run the prediction rests on the simulated
     * estate's timing model and says so. Never blocks apply, drill or failover, and is not part of the saved-plan
     * comparison.
     */
    static void predicted(Facts f, Findings out, DrillHistory history, RecoveryPlan p, List<Change> changes) {
        java.util.Set<String> members = new java.util.HashSet<>(p.machineNames());
        boolean touched = changes.stream().anyMatch(c -> c.action() != Action.NO_OP
                && (c.type() == ResourceType.RECOVERY_PLAN ? c.name().equals(p.name()) : members.contains(c.name())));
        // A plan no change touches is still judged against its target (the target itself may have been tightened).
        boolean groupTargets = p.groups().stream().anyMatch(g -> g.rto() != null);
        if (!touched && p.rto() == null && !groupTargets) return;
        RtoPredictor.Prediction after = RtoPredictor.predict(RtoPredictor.of(p, f.estate), history.runs(), p.name());
        RtoPredictor.Shape asIs = asDiscovered(f, p);
        Long before = asIs == null ? null : RtoPredictor.predict(asIs, history.runs(), p.name()).seconds();
        String target = p.rto() == null ? "no target declared" : "target " + Durations.human(p.rto().toSeconds());
        String afterTime = against(after.seconds(), p.rto());
        String change = !touched ? afterTime : before == null ? afterTime + " (a recovery plan the vault does not hold yet)"
                : RtoPredictor.Prediction.about(before) + " → " + afterTime;
        String text = "recovery plan " + p.name() + ": predicted RTO " + change + ", " + target + " (" + after.basisText() + ")";
        Address at = Address.recoveryPlan(p.name());
        if (p.rto() != null && after.seconds() > p.rto().toSeconds()) {
            boolean breaks = touched && (before == null || before <= p.rto().toSeconds());
            out.report("RTO-PREDICTED", Severity.WARNING, p.name(), at, text + (breaks ? " — this change breaks the plan's RTO target" : (touched ? " — over the plan's RTO target already before this change" : " — over the plan's RTO target"))
                    + ": fewer or smaller machines per group, fewer groups or shorter steps bring it down; drill it to measure it (" + drillCommand(p) + ")");
        } else if (touched) {
            out.report("RTO-PREDICTED", Severity.INFO, p.name(), at, text);
        }
        // A group's own RTO (the database tier up within 20 minutes) is judged against when the group is predicted done.
        for (int i = 0; i < p.groups().size() && i < after.groupSeconds().size(); i++) {
            Duration own = p.groups().get(i).rto();
            if (own == null) continue;
            long done = after.groupSeconds().get(i);
            String group = "recovery plan " + p.name() + ": group " + (i + 1) + " predicted done after " + against(done, own)
                    + ", its own RTO " + Durations.human(own.toSeconds()) + " (" + after.basisText() + ")";
            Address g = at.child(Address.Kind.GROUP, String.valueOf(i + 1));
            if (done > own.toSeconds()) {
                out.report("RTO-PREDICTED", Severity.WARNING, p.name(), g, group + " — over the group's RTO target: fewer or smaller machines in"
                        + " it or the groups before it, or shorter steps, bring it down; drill it to measure it (" + drillCommand(p) + ")");
            } else if (touched) {
                out.report("RTO-PREDICTED", Severity.INFO, p.name(), g, group);
            }
        }
    }

    /**
     * A predicted time to the minute, as predictions are said, unless it is over the target by less than the rounding:
     * then to the second, so "30m, target 30m — over" never reads as a contradiction.
     */
    private static String against(long predicted, Duration target) {
        String rounded = RtoPredictor.Prediction.about(predicted);
        return target != null && predicted > target.toSeconds() && rounded.equals(Durations.human(target.toSeconds())) ? Durations.human(predicted) : rounded;
    }

    /** How to drill the plan, as the hints say it: with --network when the plan names no drill network (its cadence is the estate's). */
    static String drillCommand(RecoveryPlan p) {
        boolean network = p.drill() != null && p.drill().network() != null;
        return "siteplan drill, --recovery-plan " + p.name() + (network ? "" : ", --network NAME");
    }

    /** A machine's disk size as declared, in whole GB (0 for a machine the definition does not declare). */
    static long declaredGb(Facts f, String machine) {
        return f.estate.machine(machine).map(m -> (long) m.totalSize().gigabytes()).orElse(0L);
    }

    /** The machines of a plan with an RPO whose latest recovery point is older than it, with their ages (RPO-LAG). */
    public static java.util.Map<String, java.time.Duration> lagging(RecoveryPlan p, ReplicationLag lag) {
        java.util.Map<String, java.time.Duration> out = new java.util.LinkedHashMap<>();
        if (p.rpo() == null || lag == null) return out;
        for (String m : p.machineNames()) {
            java.time.Duration age = lag.byMachine().get(m);
            if (age != null && age.compareTo(p.rpo()) > 0) out.put(m, age);
        }
        return out;
    }

    /**
     * The plan as it stands: its groups as the vault holds them, its machines' disks as discovered; steps, checks and
     * dependencies as declared (the vault holds none of siteplan's). Null when no vault holds the plan.
     */
    static RtoPredictor.Shape asDiscovered(Facts f, RecoveryPlan p) {
        siteplan.planner.state.RecoveryPlanInfo held = f.discovered.vaults().stream().flatMap(v -> v.recoveryPlans().stream())
                .filter(r -> r.name().equals(p.name())).findFirst().orElse(null);
        if (held == null) return null;
        RtoPredictor.Shape declared = RtoPredictor.of(p, m -> declaredGb(f, m));
        List<RtoPredictor.GroupShape> groups = new java.util.ArrayList<>();
        for (int i = 0; i < held.groups().size(); i++) {
            RtoPredictor.GroupShape same = i < declared.groups().size() ? declared.groups().get(i) : null;
            java.util.Map<String, List<String>> deps = new java.util.HashMap<>();
            declared.groups().forEach(g -> g.machines().forEach(m -> deps.put(m.name(), m.dependsOn())));
            List<RtoPredictor.MachineShape> machines = held.groups().get(i).stream()
                    .map(m -> new RtoPredictor.MachineShape(m, discoveredGb(f, m), deps.getOrDefault(m, List.of()))).toList();
            groups.add(new RtoPredictor.GroupShape(machines, same == null ? List.of() : same.before(), same == null ? List.of() : same.checks(),
                    same == null ? List.of() : same.after()));
        }
        return new RtoPredictor.Shape(groups, declared.finalChecks());
    }

    /** A machine's disk size as discovered (its VM, else its protected item's disks), else as declared. */
    static long discoveredGb(Facts f, String machine) {
        var d = f.discovered;
        java.util.Optional<List<siteplan.planner.state.VmDisk>> disks = java.util.stream.Stream.concat(
                        d.vcenters().stream().flatMap(v -> v.vms().stream()), d.vmms().stream().flatMap(v -> v.vms().stream()))
                .filter(v -> v.name().equals(machine)).findFirst().map(siteplan.planner.state.VmInfo::disks);
        if (disks.isEmpty()) disks = d.protectedItem(machine).map(siteplan.planner.state.ProtectedItem::disks).filter(l -> !l.isEmpty());
        return disks.map(l -> (long) l.stream().mapToDouble(x -> x.size() == null ? 0 : x.size().gigabytes()).sum()).orElseGet(() -> declaredGb(f, machine));
    }

    /** When the next drill is due: the last successful drill's date plus the cadence in whole days. */
    public static LocalDate due(DrillHistory.Drill last, Duration every) {
        return date(last).plusDays(Math.max(1, every.toDays()));
    }

    public static LocalDate date(DrillHistory.Drill d) {
        // The zone today is counted in (SITEPLAN_TODAY, else the local date): a drill at 08:00 in Sydney is on that day there.
        return d.at().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }

    private static String shortCommit(DrillHistory.Drill d) {
        return d.commit() == null ? "history" : "commit " + d.commit().substring(0, Math.min(12, d.commit().length()));
    }
}
