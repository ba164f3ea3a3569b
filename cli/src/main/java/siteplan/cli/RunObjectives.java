package siteplan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import siteplan.executor.drill.ObjectiveVerdict;
import siteplan.executor.drill.RunReport;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.model.RecoveryPlan;

/**
 * A drill's or failover's verdicts on its recovery plan's declared objectives, in the three places they are said: the
 * run's report (notes, and the reason of a missed objective), its history commit (trailers that `history --objectives`
 * filters on) and the terminal.
 *
 * @param overall "met", "missed", or null when nothing was judged
 * @param unjudged why a declared objective was not judged, or null
 */
record RunObjectives(RecoveryPlan plan, List<ObjectiveVerdict> verdicts, String overall, String unjudged) {

    static RunObjectives judge(RecoveryPlan plan, RunReport report, RecoveryPointChoice point) {
        // RTO is measured only by a run that brought every machine up; RPO only from the latest recovery points.
        boolean measured = siteplan.cli.render.ReportView.measuresRto(report);
        boolean latest = point.kind() != RecoveryPointChoice.Kind.TIME;
        List<ObjectiveVerdict> verdicts = ObjectiveVerdict.judge(plan, report, measured, latest);
        return new RunObjectives(plan, verdicts, ObjectiveVerdict.overall(verdicts), ObjectiveVerdict.unjudged(plan, report, measured, latest));
    }

    boolean missed() {
        return "missed".equals(overall);
    }

    /** The report with the verdicts among its notes, and a missed objective as its reason. */
    RunReport annotate(RunReport report) {
        if (verdicts.isEmpty() && unjudged == null) return report;
        List<String> notes = new ArrayList<>(report.notes());
        verdicts.forEach(v -> notes.add("Objective " + v.objective().token().toUpperCase(Locale.ROOT) + ": " + v.describe()));
        if (unjudged != null) notes.add(unjudged);
        String missed = verdicts.stream().filter(v -> v.decides() && !v.met())
                .map(v -> (v.group() != null ? "group " + v.group() + " " : "") + v.objective().token().toUpperCase(Locale.ROOT) + " "
                        + siteplan.executor.Times.human(v.targetSeconds()))
                .collect(java.util.stream.Collectors.joining(" and "));
        return report.with(report.kind(), report.status(), missed.isEmpty() ? report.reason() : "missed its objective " + missed, notes);
    }

    /** The targets the run was judged against and its verdict, for its history commit. */
    void trailers(Map<String, String> trailers) {
        if (plan.rto() != null) trailers.put("Siteplan-RTO-Target", siteplan.executor.Times.human(plan.rto()));
        if (plan.rpo() != null) trailers.put("Siteplan-RPO-Target", siteplan.executor.Times.human(plan.rpo()));
        if (overall != null) trailers.put("Siteplan-Objectives", overall);
    }

    void print(PrintWriter out) {
        for (var v : verdicts) out.println((v.group() != null ? "  " : "") + (v.met() ? "Objective met: " : "Objective missed: ") + v.describe());
        if (unjudged != null) out.println(unjudged);
    }
}
