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
        Findings out = new Findings(f.sources);
        if (history == null) return out.list();
        java.util.Set<String> created = new java.util.HashSet<>();
        for (Change c : changes) if (c.type() == ResourceType.RECOVERY_PLAN && c.action() == Action.CREATE) created.add(c.name());
        DrillHistory upToToday = history.until(f.today);
        for (RecoveryPlan p : f.estate.recoveryPlans()) {
            cadence(f, out, upToToday, p, created.contains(p.name()));
            form(f, out, upToToday, p);
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
                    + "; its cadence is " + cadence + ", so it is overdue — drill it (siteplan drill, --recovery-plan " + p.name() + ")");
            return;
        }
        LocalDate on = date(last.get());
        LocalDate due = on.plusDays(Math.max(1, every.toDays()));
        long late = ChronoUnit.DAYS.between(due, f.today);
        if (late > 0) {
            out.report("DRILL-OVERDUE", p.drill().mandatory() ? Severity.ERROR : Severity.WARNING, p.name(), at, "recovery plan " + p.name() + " was last drilled successfully on " + on + " (" + shortCommit(last.get())
                    + "); its cadence is " + cadence + ", so it was due by " + due + " and is overdue by " + late + (late == 1 ? " day" : " days")
                    + " — drill it (siteplan drill, --recovery-plan " + p.name() + ")");
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
                + date(last.get()) + " (" + shortCommit(last.get()) + "), " + String.join("; ", changed) + " — drill it again (siteplan drill, --recovery-plan " + p.name() + ")");
    }

    private static LocalDate date(DrillHistory.Drill d) {
        // The zone today is counted in (SITEPLAN_TODAY, else the local date): a drill at 08:00 in Sydney is on that day there.
        return d.at().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }

    private static String shortCommit(DrillHistory.Drill d) {
        return d.commit() == null ? "history" : "commit " + d.commit().substring(0, Math.min(12, d.commit().length()));
    }
}
