package siteplan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import siteplan.executor.history.History;
import siteplan.planner.rules.DrillHistory;

/**
 * The drills the history recorded for one estate, read for the recovery objectives' rules (DRILL-OVERDUE): the local
 * history, and with a history remote what its branch holds as fetched (a scheduled CI job's drills are there).
 * An estate with no history yet (no repository and no remote) has no drills; a history remote is cloned or fetched as
 * every command that reads the history does.
 */
final class RecordedDrills {
    private RecordedDrills() {}

    /** The recovery plans a definition declares: the history's records of other plans are not read. */
    static java.util.Set<String> planNames(siteplan.model.Estate estate) {
        return estate.recoveryPlans().stream().map(siteplan.model.RecoveryPlan::name).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The drills, or null (the cadence not judged) when the history cannot be read: a plan, which writes nothing, is still
     * made, and {@code err} says why its recovery plans' drill cadence was not judged. (apply refuses such a history.)
     */
    static DrillHistory read(HistoryOptions options, Path stateDir, String estate, java.util.Set<String> plans, java.io.PrintWriter err) {
        try {
            return read(options, stateDir, estate, plans);
        } catch (Siteplan.UserError e) {
            err.println("Warning: the recovery plans' drill cadence (DRILL-OVERDUE) is not judged in this plan: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /**
     * The drills, the newest successful one of each plan (up to today) with the model it recorded, for what changed since
     * (DRILL-FORM). A model that cannot be read is left out: the plan is then judged on its cadence alone.
     */
    private static List<DrillHistory.Drill> withForms(History h, String where, List<DrillHistory.Drill> drills, Map<String, History.Entry> entries,
                                                      RecordedRuns.Read read) {
        DrillHistory upToToday = new DrillHistory(where, drills).until(Siteplan.today());
        java.util.Set<DrillHistory.Drill> newest = new java.util.HashSet<>();
        drills.stream().map(DrillHistory.Drill::recoveryPlan).distinct().forEach(plan -> upToToday.lastPassed(plan).ifPresent(newest::add));
        List<DrillHistory.Drill> out = new ArrayList<>();
        for (DrillHistory.Drill d : drills) {
            if (!newest.contains(d)) {
                out.add(d);
                continue;
            }
            // The runs' reading read this drill's model already, when the drill is among the runs it read.
            siteplan.model.Estate drilled = read.model(d.commit()).orElse(null);
            if (drilled == null && !read.tried().contains(d.commit())) {
                try {
                    String run = entries.get(d.commit()).run();
                    java.util.Optional<String> model = run == null || run.isEmpty() ? java.util.Optional.<String>empty() : h.read(d.commit(), "runs/" + run + "/model.yaml");
                    if (model.isPresent()) drilled = siteplan.model.json.EstateWriter.read(model.get(), siteplan.model.json.EstateWriter.Format.YAML);
                } catch (java.io.IOException | RuntimeException unreadable) {
                    // An older or damaged record: what changed since it is not said, its date still counts.
                }
            }
            out.add(new DrillHistory.Drill(d.recoveryPlan(), d.at(), d.passed(), d.commit(), drilled));
        }
        return out;
    }

    /** @param plans the definition's recovery plans: the runs of no other plan are read */
    static DrillHistory read(HistoryOptions options, Path stateDir, String estate, java.util.Set<String> plans) {
        if (!options.exists(stateDir)) return new DrillHistory("the history (none yet in " + options.where(stateDir) + ")", List.of());
        try (History h = options.open(stateDir, "The drills it recorded were not read.")) {
            Map<String, History.Entry> entries = new LinkedHashMap<>();
            for (History.Entry e : h.list()) entries.put(e.commit(), e);
            for (History.Entry e : h.listFetched()) entries.putIfAbsent(e.commit(), e);
            List<DrillHistory.Drill> drills = new ArrayList<>();
            List<History.Entry> timed = new ArrayList<>();
            for (History.Entry e : entries.values()) {
                String plan = e.trailers().get("Siteplan-Recovery-Plan");
                if (plan == null || !plans.contains(plan) || !estate.equals(e.trailers().get("Siteplan-Estate"))) continue;
                if ("drill".equals(e.kind()) || "failover".equals(e.kind())) timed.add(e);
                if (!"drill".equals(e.kind())) continue;
                // A drill that passed its checks but missed its RTO or RPO is not a successful drill of the plan's objectives.
                boolean passed = "passed".equals(e.status()) && !"missed".equals(e.trailers().get("Siteplan-Objectives"));
                drills.add(new DrillHistory.Drill(plan, e.time(), passed, e.commit()));
            }
            String where = "the history branch " + h.branch() + (h.remote() == null ? " in " + h.dir() : " of " + History.display(h.remote()));
            // The history lists its newest run first.
            java.util.Collections.reverse(timed);
            RecordedRuns.Read read = RecordedRuns.read(h, timed);
            // A drill whose record was read counts as its record says (its report passed, its numbers within the targets it
            // ran under), not as its commit's trailers say; one whose record was tried and could not be read does not count.
            List<DrillHistory.Drill> checked = new ArrayList<>();
            for (DrillHistory.Drill d : drills) {
                if (!read.tried().contains(d.commit())) {
                    checked.add(d);
                    continue;
                }
                boolean passed = read.of(d.commit()).map(r -> r.passed() && !Boolean.FALSE.equals(r.objectivesMet())).orElse(false);
                checked.add(new DrillHistory.Drill(d.recoveryPlan(), d.at(), passed, d.commit()));
            }
            return new DrillHistory(where, withForms(h, where, checked, entries, read), read.runs());
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof Siteplan.UserError u) throw u;
            throw new Siteplan.UserError("the history repository " + options.where(stateDir) + " cannot be read (" + e.getMessage() + "); it may be damaged: check it with `git -C "
                    + options.where(stateDir) + " fsck`, or move it aside to start a new history. Nothing was changed.");
        }
    }
}
