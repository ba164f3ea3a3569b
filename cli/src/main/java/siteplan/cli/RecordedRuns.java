package siteplan.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import siteplan.executor.drill.RunKind;
import siteplan.executor.drill.RunReport;
import siteplan.executor.history.History;
import siteplan.model.Estate;
import siteplan.planner.rules.RecordedRun;
import siteplan.planner.rules.RtoPredictor;

/**
 * The drills and failovers the history recorded, read back from each run's report.json and model.yaml into what the
 * RTO prediction learns from and the estate report draws (RTO-PREDICTED). The newest {@value #PER_PLAN} runs of each
 * plan are read: older ones would cost a read each and say little of today's timings. A run whose files cannot be read
 * (an older or damaged record) is left out.
 */
final class RecordedRuns {
    static final int PER_PLAN = 50;

    private static final com.fasterxml.jackson.databind.ObjectMapper REPORTS = siteplan.model.json.ModelJson.JSON.copy()
            // report.json carries derived values (a group's rpoSeconds) and fields later versions add.
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Ten years: no drill or failover takes longer, and a time beyond it (or below zero) is not one siteplan recorded. */
    static final long MAX_SECONDS = 10L * 366 * 86400;

    private RecordedRuns() {}

    private static boolean plausible(long seconds) {
        return seconds >= 0 && seconds <= MAX_SECONDS;
    }

    /**
     * @param entries the runs, oldest first as the history recorded them (commit times have whole seconds: two runs in one
     *                second keep the history's order)
     * @return the runs read, oldest first
     */
    static Read read(History h, List<History.Entry> entries) {
        Map<String, List<History.Entry>> byPlan = new LinkedHashMap<>();
        for (History.Entry e : entries) byPlan.computeIfAbsent(e.trailers().get("Siteplan-Recovery-Plan"), p -> new ArrayList<>()).add(e);
        List<RecordedRun> out = new ArrayList<>();
        java.util.Set<String> tried = new java.util.HashSet<>();
        Map<String, Estate> models = new java.util.HashMap<>();
        for (List<History.Entry> runs : byPlan.values()) {
            for (History.Entry e : runs.subList(Math.max(0, runs.size() - PER_PLAN), runs.size())) {
                tried.add(e.commit());
                read(h, e, models).ifPresent(out::add);
            }
        }
        // A stable sort: runs of one second stay in the history's order.
        out.sort(Comparator.comparing(RecordedRun::at));
        return new Read(out, tried, models);
    }

    /**
     * The runs read, oldest first, and the commits whose files were tried (read or not): a drill among those whose
     * record could not be read, or says otherwise than its commit, is not taken on its commit's word.
     */
    record Read(List<RecordedRun> runs, java.util.Set<String> tried, Map<String, Estate> models) {
        java.util.Optional<RecordedRun> of(String commit) {
            return runs.stream().filter(r -> commit.equals(r.commit())).findFirst();
        }

        /** The model a run read here recorded, so the newest drill's (DRILL-FORM) is not read and parsed twice; empty when none was. */
        java.util.Optional<Estate> model(String commit) {
            return java.util.Optional.ofNullable(models.get(commit));
        }
    }

    private static Optional<RecordedRun> read(History h, History.Entry e, Map<String, Estate> models) {
        String run = e.run();
        if (run == null || run.isEmpty()) return Optional.empty();
        try {
            Optional<String> json = h.read(e.commit(), "runs/" + run + "/report.json");
            Optional<String> yaml = h.read(e.commit(), "runs/" + run + "/model.yaml");
            if (json.isEmpty()) return Optional.empty();
            RunReport report = REPORTS.readValue(json.get(), RunReport.class);
            Estate model = yaml.isEmpty() ? null : siteplan.model.json.EstateWriter.read(yaml.get(), siteplan.model.json.EstateWriter.Format.YAML);
            if (model != null) models.put(e.commit(), model);
            return of(report, model, e);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** A run as the prediction sees it; empty for a run that is not a drill or failover of a recovery plan. */
    static Optional<RecordedRun> of(RunReport r, Estate model, History.Entry e) {
        RecordedRun.Kind kind = switch (r.kind()) {
            case DRILL -> RecordedRun.Kind.DRILL;
            case PLANNED_FAILOVER -> RecordedRun.Kind.PLANNED_FAILOVER;
            case UNPLANNED_FAILOVER -> RecordedRun.Kind.UNPLANNED_FAILOVER;
            default -> null;
        };
        // The run's own report must be of the plan its commit names, with times a run can have: a record that is not is
        // left out (the history is written by every job with push access; what it holds is read as data, never trusted).
        if (kind == null || r.recoveryPlan() == null || !r.recoveryPlan().equals(e.trailers().get("Siteplan-Recovery-Plan"))) return Optional.empty();
        if (!plausible(r.rtoSeconds()) || (r.rpoSeconds() != null && !plausible(r.rpoSeconds()))) return Optional.empty();
        for (RunReport.Group g : r.groups()) for (RunReport.MachineRun m : g.machines()) if (!plausible(m.durationSeconds())) return Optional.empty();
        Map<String, Long> machines = new HashMap<>(), steps = new HashMap<>(), checks = new HashMap<>();
        List<RtoPredictor.GroupShape> groups = new ArrayList<>();
        for (RunReport.Group g : r.groups()) {
            List<RtoPredictor.MachineShape> ms = new ArrayList<>();
            for (RunReport.MachineRun m : g.machines()) {
                long gb = model == null ? 0 : model.machine(m.name()).map(x -> (long) x.totalSize().gigabytes()).orElse(0L);
                ms.add(new RtoPredictor.MachineShape(m.name(), gb, m.dependsOn()));
                if (m.up()) machines.put(m.name(), m.durationSeconds());
            }
            List<String> before = new ArrayList<>(), after = new ArrayList<>();
            for (RunReport.Action a : g.actions()) {
                String key = RtoPredictor.stepKey(a.kind(), a.value());
                (a.when() == siteplan.executor.drill.ActionPhase.BEFORE ? before : after).add(key);
                if (a.done()) steps.putIfAbsent(key, a.durationSeconds());
            }
            List<String> gc = new ArrayList<>();
            for (RunReport.Check c : g.checks()) {
                String key = RtoPredictor.checkKey(c.kind(), c.target());
                gc.add(key);
                if (c.passed()) checks.putIfAbsent(key, c.seconds());
            }
            groups.add(new RtoPredictor.GroupShape(ms, before, gc, after));
        }
        List<String> last = new ArrayList<>();
        for (RunReport.Check c : r.checks()) {
            String key = RtoPredictor.checkKey(c.kind(), c.target());
            last.add(key);
            if (c.passed()) checks.putIfAbsent(key, c.seconds());
        }
        siteplan.model.RecoveryPlan plan = model == null ? null : model.recoveryPlans().stream().filter(p -> p.name().equals(r.recoveryPlan())).findFirst().orElse(null);
        Long rtoTarget = plan == null || plan.rto() == null ? null : plan.rto().toSeconds();
        Long rpoTarget = plan == null || plan.rpo() == null ? null : plan.rpo().toSeconds();
        // The verdict is the recorded numbers' against the targets the run recorded, judged as the drill judged them (the same
        // judge: RPO only from the latest recovery points, a group's own RTO deciding): a trailer that says otherwise (or a
        // word siteplan never writes) does not make a missed objective met.
        List<siteplan.executor.drill.ObjectiveVerdict> verdicts = plan == null ? List.of()
                : siteplan.executor.drill.ObjectiveVerdict.judge(plan, r, siteplan.cli.render.ReportView.measuresRto(r), latest(r.recoveryPoint()));
        String overall = siteplan.executor.drill.ObjectiveVerdict.overall(verdicts);
        Boolean met = overall == null ? null : overall.equals("met");
        if ("missed".equals(e.trailers().get("Siteplan-Objectives"))) met = false;
        List<String> missed = verdicts.stream().filter(v -> v.decides() && !v.met()).map(RecordedRuns::missed).toList();
        return Optional.of(new RecordedRun(r.recoveryPlan(), e.time(), kind, r.passed() && r.kind() != RunKind.COMMIT, met, r.rtoSeconds(), r.rpoSeconds(), rtoTarget, rpoTarget,
                e.commit(), new RtoPredictor.Shape(groups, last), machines, steps, checks,
                e.trailers().containsKey("Siteplan-Note") ? siteplan.text.Printable.line(e.trailers().get("Siteplan-Note"), 500) + " — "
                        + siteplan.text.Printable.line(e.trailers().getOrDefault("Siteplan-Attested-By", "unknown"), 200) : null, missed));
    }

    /** "its RTO target (1h 27m against 1h)", "group 1's RTO target (8m 58s against 5m)": what a run missed, for the report. */
    private static String missed(siteplan.executor.drill.ObjectiveVerdict v) {
        String what = v.objective().token().toUpperCase(java.util.Locale.ROOT) + " target";
        return (v.group() != null ? "group " + v.group() + "'s " + what : "its " + what) + " (" + siteplan.units.Durations.human(v.measuredSeconds()) + " against "
                + siteplan.units.Durations.human(v.targetSeconds()) + ")";
    }

    /** A run from the latest recovery points (RPO judged), as its report names the point; one from a chosen time is not. */
    private static boolean latest(String recoveryPoint) {
        if (recoveryPoint == null) return true;
        try {
            return siteplan.executor.provider.RecoveryPointChoice.parse(recoveryPoint).kind() != siteplan.executor.provider.RecoveryPointChoice.Kind.TIME;
        } catch (IllegalArgumentException notAPoint) {
            return false;
        }
    }
}
