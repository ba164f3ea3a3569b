package siteplan.planner.report;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import siteplan.model.Estate;
import siteplan.model.RecoveryPlan;
import siteplan.planner.rules.DrillHistory;
import siteplan.planner.rules.DrilledForm;
import siteplan.planner.rules.ObjectiveRules;
import siteplan.planner.rules.RecordedRun;
import siteplan.planner.rules.ReplicationLag;
import siteplan.planner.rules.RtoPredictor;

/**
 * Whether the estate is still recoverable, plan by plan, as the history recorded it: the data of {@code siteplan
 * report}. Its views (HTML, Markdown) are rendered from this alone, at the edge; its JSON is a versioned contract
 * ({@link #FORMAT_VERSION}). Plans are sorted worst first: failing, then at risk, then in order; within each, the most
 * overdue first.
 */
public record EstateReport(
        @JsonPropertyDescription("Version of this JSON format; a change that removes or renames a field increases it.") int formatVersion,
        @JsonPropertyDescription("The estate's name in history.") String estate,
        @JsonPropertyDescription("The day the report judges (SITEPLAN_TODAY, else today), yyyy-mm-dd.") String today,
        @JsonPropertyDescription("Where the drills were read from.") String history,
        @JsonPropertyDescription("Where the machines' recovery-point ages were read from; null when they were not read.") String replication,
        Summary summary,
        @JsonPropertyDescription("Each recovery plan, worst first.") List<PlanReport> plans) {

    public static final int FORMAT_VERSION = 1;
    /** A plan whose next drill is due within this many days is at risk. */
    public static final int DUE_SOON_DAYS = 14;
    /** The trend shows at most this many of a plan's newest drills and failovers. */
    public static final int TREND_RUNS = 12;

    public EstateReport {
        plans = List.copyOf(plans);
    }

    /** How a plan stands: failing (compliance fails), at risk (worth a look), ok. */
    public enum Status implements siteplan.model.Token { FAILING, AT_RISK, OK }

    public record Summary(int plans, int failing, int atRisk, int ok) {}

    /**
     * @param status  failing: overdue, never drilled successfully with a cadence, or its last drill failed or missed a
     *                target; at risk: predicted over its RTO target, replication behind its RPO, not drilled in its current
     *                form, or due within {@value #DUE_SOON_DAYS} days; else ok
     * @param reasons why, for people, most serious first
     */
    public record PlanReport(String name, Status status, List<String> reasons, Long rtoTargetSeconds, Long rpoTargetSeconds, Cadence cadence, Run lastDrill,
                             Predicted predictedRto, List<Lag> rpoLag, List<String> changedSinceDrill, List<Run> trend) {
        public PlanReport {
            reasons = List.copyOf(reasons);
            rpoLag = List.copyOf(rpoLag);
            changedSinceDrill = List.copyOf(changedSinceDrill);
            trend = List.copyOf(trend);
        }
    }

    /** The plan's drill cadence; null fields where it declares none or was never drilled successfully. */
    public record Cadence(Long everyDays, boolean mandatory, String lastPassed, String lastPassedCommit, String due, Long overdueDays, State state) {
        public enum State implements siteplan.model.Token { NONE, NEVER_DRILLED, OVERDUE, DUE_SOON, WITHIN }
    }

    /**
     * A recorded drill or failover, its numbers as its report.json recorded them.
     * @param objectivesMet       true met, false missed, null not judged
     * @param predictedRtoSeconds what siteplan would have predicted for it from the runs recorded before it only (the
     *                            measure of the prediction's error); null for a run that did not pass or a planned failover
     */
    public record Run(String at, String commit, RecordedRun.Kind kind, boolean passed, Boolean objectivesMet, long rtoSeconds, Long rpoSeconds, Long rtoTargetSeconds,
                      Long rpoTargetSeconds, String attestation, Long predictedRtoSeconds) {
        static Run of(RecordedRun r, java.util.Map<String, Long> predicted) {
            return new Run(r.at().toString(), r.commit(), r.kind(), r.passed(), r.objectivesMet(), r.rtoSeconds(), r.rpoSeconds(), r.rtoTarget(), r.rpoTarget(), r.attestation(),
                    predicted.get(r.commit()));
        }

        /** Whether this run measured its RTO: a run that did not bring every machine up only took time. */
        public boolean measured() {
            return passed;
        }
    }

    /** @param basis what the prediction rests on and its error, for people ("from 6 recorded runs, ±4m, …") */
    public record Predicted(long seconds, RtoPredictor.Basis basis, int runs, Long errorSeconds, int errorRuns, List<String> untimed, String text) {
        public Predicted {
            untimed = List.copyOf(untimed);
        }
    }

    public record Lag(String machine, long seconds) {}

    /**
     * The report of every recovery plan of the estate.
     * @param history the drills and failovers recorded, up to today
     * @param lag     the machines' current recovery-point ages, or null when they were not read
     */
    public static EstateReport build(String estateName, Estate estate, DrillHistory history, ReplicationLag lag, LocalDate today) {
        DrillHistory upToToday = history.until(today);
        List<PlanReport> plans = new ArrayList<>();
        for (RecoveryPlan p : estate.recoveryPlans()) plans.add(plan(estate, p, upToToday, lag, today));
        plans.sort(Comparator.comparing(PlanReport::status)
                .thenComparing(r -> r.cadence().overdueDays() == null ? Long.MIN_VALUE : r.cadence().overdueDays(), Comparator.reverseOrder())
                .thenComparing(PlanReport::name));
        int failing = (int) plans.stream().filter(r -> r.status() == Status.FAILING).count();
        int atRisk = (int) plans.stream().filter(r -> r.status() == Status.AT_RISK).count();
        return new EstateReport(FORMAT_VERSION, estateName, today.toString(), history.where(), lag == null ? null : lag.where(),
                new Summary(plans.size(), failing, atRisk, plans.size() - failing - atRisk), plans);
    }

    private static PlanReport plan(Estate estate, RecoveryPlan p, DrillHistory history, ReplicationLag lag, LocalDate today) {
        List<String> failing = new ArrayList<>(), atRisk = new ArrayList<>();
        Cadence cadence = cadence(p, history, today);
        String every = cadence.everyDays() == null ? null : "every " + cadence.everyDays() + (cadence.everyDays() == 1 ? " day" : " days");
        switch (cadence.state()) {
            case NEVER_DRILLED -> failing.add("never drilled successfully; its cadence is " + every);
            case OVERDUE -> failing.add("overdue by " + plural(cadence.overdueDays(), "day") + ": last drilled successfully on " + cadence.lastPassed() + ", " + every);
            case DUE_SOON -> atRisk.add("next drill due by " + cadence.due());
            default -> { }
        }
        List<RecordedRun> runs = history.runsOf(p.name());
        Optional<RecordedRun> lastDrill = runs.stream().filter(r -> r.kind() == RecordedRun.Kind.DRILL).reduce((a, b) -> b);
        lastDrill.ifPresent(d -> {
            String on = d.at().atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString();
            if (!d.passed()) failing.add("its last drill, on " + on + ", failed");
            else if (Boolean.FALSE.equals(d.objectivesMet())) failing.add("its last drill, on " + on + ", missed " + missed(d));
        });
        RtoPredictor.Prediction prediction = RtoPredictor.predict(RtoPredictor.of(p, estate), history.runs(), p.name());
        if (p.rto() != null && prediction.seconds() > p.rto().toSeconds()) {
            atRisk.add("predicted RTO " + prediction.time() + " is over its target of " + siteplan.units.Durations.human(p.rto().toSeconds()));
        }
        for (int i = 0; i < p.groups().size() && i < prediction.groupSeconds().size(); i++) {
            Duration own = p.groups().get(i).rto();
            if (own != null && prediction.groupSeconds().get(i) > own.toSeconds()) {
                atRisk.add("group " + (i + 1) + " predicted done after " + RtoPredictor.Prediction.about(prediction.groupSeconds().get(i)) + ", over its own RTO of "
                        + siteplan.units.Durations.human(own.toSeconds()));
            }
        }
        List<Lag> lags = new ArrayList<>();
        ObjectiveRules.lagging(p, lag).forEach((m, age) -> lags.add(new Lag(m, age.toSeconds())));
        if (!lags.isEmpty()) atRisk.add(plural(lags.size(), "machine") + " replicating behind its RPO of " + siteplan.units.Durations.human(p.rpo().toSeconds()) + " (RPO-LAG)");
        List<String> changed = history.lastPassed(p.name()).filter(d -> d.drilled() != null).map(d -> DrilledForm.changes(d.drilled(), estate, p.name())).orElse(List.of());
        if (!changed.isEmpty()) atRisk.add("not drilled in its current form (DRILL-FORM)");
        Status status = !failing.isEmpty() ? Status.FAILING : !atRisk.isEmpty() ? Status.AT_RISK : Status.OK;
        List<String> reasons = new ArrayList<>(failing);
        reasons.addAll(atRisk);
        java.util.Map<String, Long> predicted = new java.util.HashMap<>();
        for (RtoPredictor.Backtest t : RtoPredictor.backtest(history.runs(), p.name())) predicted.put(t.run().commit(), t.predicted());
        List<Run> trend = runs.subList(Math.max(0, runs.size() - TREND_RUNS), runs.size()).stream().map(r -> Run.of(r, predicted)).toList();
        return new PlanReport(p.name(), status, reasons, p.rto() == null ? null : p.rto().toSeconds(), p.rpo() == null ? null : p.rpo().toSeconds(), cadence,
                lastDrill.map(r -> Run.of(r, predicted)).orElse(null),
                new Predicted(prediction.seconds(), prediction.basis(), prediction.runs(), prediction.errorSeconds(), prediction.errorRuns(), prediction.untimed(), prediction.basisText()),
                lags, changed, trend);
    }

    private static String missed(RecordedRun d) {
        if (!d.missed().isEmpty()) return String.join(" and ", d.missed());
        List<String> what = new ArrayList<>();
        if (d.rtoTarget() != null && d.passed() && d.rtoSeconds() > d.rtoTarget()) what.add("RTO target (" + siteplan.units.Durations.human(d.rtoSeconds()) + " against " + siteplan.units.Durations.human(d.rtoTarget()) + ")");
        if (d.rpoTarget() != null && d.rpoSeconds() != null && d.rpoSeconds() > d.rpoTarget()) what.add("RPO target (" + siteplan.units.Durations.human(d.rpoSeconds()) + " against " + siteplan.units.Durations.human(d.rpoTarget()) + ")");
        return what.isEmpty() ? "its objectives" : "its " + String.join(" and ", what);
    }

    private static Cadence cadence(RecoveryPlan p, DrillHistory history, LocalDate today) {
        if (p.drill() == null || p.drill().interval() == null) return new Cadence(null, false, null, null, null, null, Cadence.State.NONE);
        Duration every = p.drill().interval();
        long days = Math.max(1, every.toDays());
        Optional<DrillHistory.Drill> last = history.lastPassed(p.name());
        if (last.isEmpty()) return new Cadence(days, p.drill().mandatory(), null, null, null, null, Cadence.State.NEVER_DRILLED);
        LocalDate due = ObjectiveRules.due(last.get(), every);
        long late = ChronoUnit.DAYS.between(due, today);
        Cadence.State state = late > 0 ? Cadence.State.OVERDUE : -late <= DUE_SOON_DAYS ? Cadence.State.DUE_SOON : Cadence.State.WITHIN;
        return new Cadence(days, p.drill().mandatory(), ObjectiveRules.date(last.get()).toString(), last.get().commit(), due.toString(), late > 0 ? late : null, state);
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
