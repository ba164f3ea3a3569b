package siteplan.planner.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The drills the history repository recorded for an estate, as the planner needs them to judge each recovery plan's
 * cadence (DRILL-OVERDUE): which plan, when, whether it passed, and the commit that holds its report. Read by the CLI
 * from the history (local, or the history remote's branch); the planner never reads git itself.
 *
 * @param where where the drills were read from, for messages ("history siteplan-history in /path")
 * @param runs  the drills and failovers whose reports were read, with their timings, for the RTO prediction
 *              (RTO-PREDICTED) and the estate report
 */
public record DrillHistory(String where, List<Drill> drills, List<RecordedRun> runs) {
    public DrillHistory {
        drills = List.copyOf(drills);
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /** Drills without their timings. */
    public DrillHistory(String where, List<Drill> drills) {
        this(where, drills, List.of());
    }

    /**
     * One recorded drill of a recovery plan.
     * @param drilled the estate's model as the drill recorded it (its run's model.yaml), for what changed since
     *                (DRILL-FORM); null when it was not read (only the newest successful drill of each plan is)
     */
    public record Drill(String recoveryPlan, Instant at, boolean passed, String commit, siteplan.model.Estate drilled) {
        /** A drill whose model was not read. */
        public Drill(String recoveryPlan, Instant at, boolean passed, String commit) {
            this(recoveryPlan, at, passed, commit, null);
        }
    }

    /** The drills recorded up to the end of {@code today} (local zone): one dated later (a clock set ahead, a forged date) says nothing about today. */
    public DrillHistory until(java.time.LocalDate today) {
        Instant end = today.plusDays(1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
        return new DrillHistory(where, drills.stream().filter(d -> !d.at().isAfter(end)).toList(), runs.stream().filter(r -> !r.at().isAfter(end)).toList());
    }

    /** The newest drill of the plan that passed. */
    public Optional<Drill> lastPassed(String recoveryPlan) {
        return drills.stream().filter(d -> d.passed() && d.recoveryPlan().equals(recoveryPlan)).max(Comparator.comparing(Drill::at));
    }

    /** The recorded drills and failovers of one plan, oldest first. */
    public List<RecordedRun> runsOf(String recoveryPlan) {
        return runs.stream().filter(r -> r.recoveryPlan().equals(recoveryPlan)).sorted(Comparator.comparing(RecordedRun::at)).toList();
    }

    /** The newest drill of the plan, passed or not. */
    public Optional<Drill> last(String recoveryPlan) {
        return drills.stream().filter(d -> d.recoveryPlan().equals(recoveryPlan)).max(Comparator.comparing(Drill::at));
    }
}
