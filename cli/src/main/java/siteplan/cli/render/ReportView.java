package siteplan.cli.render;

import siteplan.text.Plural;
import java.util.ArrayList;
import java.util.List;
import siteplan.executor.drill.ActionPhase;
import siteplan.executor.drill.RunKind;
import siteplan.executor.drill.RunReport;
import siteplan.executor.drill.RunStatus;
import siteplan.model.Token;

/**
 * A {@link RunReport} for people, two ways from the same data as its JSON: Markdown (for a pull
 * request or a history view) and a self-contained HTML page (no scripts, no external files) whose
 * timeline has one lane per group and one bar per machine.
 */
public final class ReportView {
    private ReportView() {}

    /** An RTO is measured only by a drill or failover that brought every machine of the plan up; any other run has a duration. */
    public static boolean measuresRto(RunReport r) {
        return r.passed() && (r.kind() == RunKind.DRILL || r.kind() == RunKind.PLANNED_FAILOVER || r.kind() == RunKind.UNPLANNED_FAILOVER);
    }

    /** The run in one line, as the command ends and as the report's reader first sees it. */
    public static String headline(RunReport r) {
        String took = siteplan.executor.Times.human(r.rtoSeconds());
        String reason = r.reason() == null ? "" : " — " + r.reason();
        if (measuresRto(r)) {
            return r.kind() == RunKind.DRILL
                    ? "Drill passed: measured RTO " + took + ", achieved RPO " + (r.rpoSeconds() == null ? "n/a" : siteplan.executor.Times.human(r.rpoSeconds())) + reason
                    : "Failover succeeded: RTO " + took + reason;
        }
        return noun(r.kind()) + " " + r.status().token() + ": " + tally(r) + (r.passed() ? " in " : " after ") + took + reason;
    }

    /** "1 of 6 machines up": of the plan's machines, those the run brought where it was to bring them. */
    private static String tally(RunReport r) {
        long machines = r.groups().stream().mapToLong(g -> g.machines().size()).sum();
        long up = r.groups().stream().flatMap(g -> g.machines().stream()).filter(RunReport.MachineRun::up).count();
        String done = switch (r.kind()) {
            case DRILL, PLANNED_FAILOVER, UNPLANNED_FAILOVER -> "up";
            case COMMIT -> "committed";
            case REPROTECT -> "reprotected";
            case FAILBACK -> "failed back";
        };
        return up + " of " + Plural.of(machines, "machine") + " " + done;
    }

    private static String noun(RunKind kind) {
        return switch (kind) {
            case DRILL -> "Drill";
            case PLANNED_FAILOVER, UNPLANNED_FAILOVER -> "Failover";
            case COMMIT -> "Commit";
            case REPROTECT -> "Reprotect";
            case FAILBACK -> "Failback";
        };
    }

    /** The time a run took, under the name it deserves (see {@link #measuresRto}). */
    private static String timeLabel(RunReport r) {
        return measuresRto(r) ? "Measured RTO" : "Took";
    }

    public static String markdown(RunReport r) {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(title(r)).append("\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Status | **").append(r.status().token()).append("**").append(r.reason() == null ? "" : " — " + r.reason()).append(" |\n");
        b.append("| ").append(timeLabel(r)).append(" | ").append(siteplan.executor.Times.human(r.rtoSeconds())).append(" |\n");
        b.append("| Achieved RPO | ").append(r.rpoSeconds() == null ? "—" : siteplan.executor.Times.human(r.rpoSeconds()) + " (oldest recovery point used)").append(" |\n");
        b.append("| Recovery point | ").append(r.recoveryPoint()).append(" |\n");
        if (r.network() != null) b.append("| Drill network | ").append(r.network()).append(" |\n");
        b.append("| Started | ").append(r.startedAt()).append(" |\n| Provider | ").append(r.provider()).append(" |\n\n");
        if (!r.notes().isEmpty()) {
            r.notes().forEach(n -> b.append("- ").append(n).append('\n'));
            b.append('\n');
        }
        b.append("### Groups\n\n| Group | Machine / step | Outcome | Start | Took | Recovery point age | Detail |\n|---|---|---|---|---|---|---|\n");
        for (RunReport.Group g : r.groups()) {
            for (Object row : rows(g)) {
                if (row instanceof RunReport.Action a) b.append("| ").append(g.number()).append(" | ").append(a.when().token()).append(' ').append(a.kind().token()).append(": ").append(esc(a.value())).append(" | ").append(a.outcome().token())
                        .append(" | +").append(siteplan.executor.Times.human(a.startSeconds())).append(" | ").append(siteplan.executor.Times.human(a.durationSeconds())).append(" | | ").append(esc(a.detail())).append(" |\n");
                if (row instanceof RunReport.MachineRun m) b.append("| ").append(g.number()).append(" | ").append(m.name()).append(m.dependsOn().isEmpty() ? "" : " (after " + String.join(", ", m.dependsOn()) + ")")
                        .append(" | ").append(m.outcome().token()).append(" | +").append(siteplan.executor.Times.human(m.startSeconds())).append(" | ").append(siteplan.executor.Times.human(m.durationSeconds()))
                        .append(" | ").append(m.recoveryPointAgeSeconds() == null ? "" : siteplan.executor.Times.human(m.recoveryPointAgeSeconds())).append(" | ").append(esc(m.detail())).append(" |\n");
                if (row instanceof RunReport.Check c) b.append("| ").append(g.number()).append(" | check ").append(c.kind().token()).append(": ").append(esc(c.target())).append(" | ").append(c.outcome().token())
                        .append(" | | ").append(siteplan.executor.Times.human(c.seconds())).append(" | | ").append(esc(checkDetail(c))).append(" |\n");
            }
        }
        if (!r.checks().isEmpty()) {
            b.append("\n### Smoke checks\n\n| Check | Target | Outcome | Detail |\n|---|---|---|---|\n");
            r.checks().forEach(c -> b.append("| ").append(c.kind().token()).append(" | ").append(esc(c.target())).append(" | ").append(c.outcome().token()).append(" | ").append(esc(checkDetail(c))).append(" |\n"));
        }
        if (!r.cleanup().isEmpty()) {
            b.append("\n### Cleanup\n\n| Machine | Outcome | Detail |\n|---|---|---|\n");
            r.cleanup().forEach(c -> b.append("| ").append(c.machine()).append(" | ").append(c.outcome().token()).append(" | ").append(esc(c.detail())).append(" |\n"));
        }
        return b.toString();
    }

    /** A group's steps, machines and checks in the order they started (before-steps, machines, checks, after-steps). */
    private static List<Object> rows(RunReport.Group g) {
        List<Object> rows = new ArrayList<>();
        g.actions().stream().filter(a -> a.when() == ActionPhase.BEFORE).forEach(rows::add);
        g.machines().stream().sorted(java.util.Comparator.comparingLong(RunReport.MachineRun::startSeconds).thenComparing(RunReport.MachineRun::name)).forEach(rows::add);
        rows.addAll(g.checks());
        g.actions().stream().filter(a -> a.when() == ActionPhase.AFTER).forEach(rows::add);
        return rows;
    }

    /** A check's detail, with its tries when it took more than one. */
    private static String checkDetail(RunReport.Check c) {
        return (c.detail() == null ? "" : c.detail()) + (c.tries() > 1 ? " (" + c.tries() + " tries)" : "");
    }

    private static String title(RunReport r) {
        String what = switch (r.kind()) {
            case DRILL -> "Drill";
            case PLANNED_FAILOVER -> "Failover (planned)";
            case UNPLANNED_FAILOVER -> "Failover (unplanned)";
            case COMMIT -> "Commit";
            case REPROTECT -> "Reprotect";
            case FAILBACK -> "Failback";
        };
        return what + " of recovery plan " + r.recoveryPlan() + " — " + r.status().token();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    // ------------------------------------------------------------------ HTML

    private static final int LABEL = 170, WIDTH = 1000, LANE = 34, TOP = 34;

    public static String html(RunReport r) {
        StringBuilder b = new StringBuilder();
        boolean ok = r.passed();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(h(title(r))).append("</title>\n<style>\n")
                .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1f2933}\n")
                .append("main{max-width:1220px;margin:0 auto;padding:24px}\nh1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}\n")
                .append(".sub{color:#616e7c;margin-bottom:18px}.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;color:#fff;vertical-align:middle;font-size:13px}\n")
                .append(".ok{background:#2f9e44}.bad{background:#c92a2a}.stop{background:#e67700}\n")
                .append(".kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}.kpi{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:12px 16px}\n")
                .append(".kpi b{display:block;font-size:24px}.kpi span{color:#616e7c;font-size:12px;text-transform:uppercase;letter-spacing:.04em}\n")
                .append(".card{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:12px 16px;overflow-x:auto}\n")
                .append("table{border-collapse:collapse;width:100%}td{overflow-wrap:break-word}.steps{min-width:640px}.steps td:nth-child(4),.steps td:nth-child(5),.steps td:nth-child(6){white-space:nowrap}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #eef0f2;vertical-align:top}th{color:#616e7c;font-weight:600;font-size:12px}\n")
                .append(".o-up,.o-passed,.o-done,.o-removed{color:#2f9e44;font-weight:600}.o-failed,.o-timed{color:#c92a2a;font-weight:600}.o-stopped,.o-skipped{color:#e67700;font-weight:600}\n")
                .append(".reason{margin:12px 0;padding:10px 14px;border-left:4px solid #e67700;background:#fff4e6}\n")
                // Paths, URLs and machine names have no spaces to wrap at: they break anywhere rather than widen the page.
                .append("h1,.sub,.reason,li{overflow-wrap:anywhere}\n")
                .append("svg text{font:12px system-ui,sans-serif}svg{display:block;max-width:none}\n")
                // Narrow windows and phones: the key figures stack, tables and the timeline scroll inside their cards instead of overlapping.
                .append("@media (max-width:640px){main{padding:12px}.kpi b{font-size:19px}td,th{padding:4px 6px}}\n</style></head><body><main>\n");
        b.append("<h1>").append(h(title(r).replace(" — " + r.status().token(), ""))).append(" <span class=\"badge ").append(ok ? "ok" : r.status() == RunStatus.STOPPED ? "stop" : "bad").append("\">")
                .append(h(r.status().token())).append("</span></h1>\n");
        b.append("<div class=\"sub\">Estate ").append(h(r.estate())).append(" · started ").append(h(r.startedAt())).append(" · ").append(h(r.provider()))
                .append(r.network() == null ? "" : " · drill network " + h(r.network())).append(" · recovery point ").append(h(r.recoveryPoint())).append("</div>\n");
        if (r.reason() != null) b.append("<div class=\"reason\">").append(h(r.reason())).append("</div>\n");
        if (!r.notes().isEmpty()) {
            b.append("<div class=\"card\"><ul>");
            r.notes().forEach(n -> b.append("<li>").append(h(n)).append("</li>"));
            b.append("</ul></div><br>\n");
        }
        long machines = r.groups().stream().mapToLong(g -> g.machines().size()).sum();
        long up = r.groups().stream().flatMap(g -> g.machines().stream()).filter(RunReport.MachineRun::up).count();
        List<RunReport.Check> checks = new ArrayList<>();
        r.groups().forEach(g -> checks.addAll(g.checks()));
        checks.addAll(r.checks());
        long passed = checks.stream().filter(RunReport.Check::passed).count();
        b.append("<div class=\"kpis\">")
                .append(kpi(timeLabel(r), siteplan.executor.Times.human(r.rtoSeconds())))
                .append(kpi("Achieved RPO", r.rpoSeconds() == null ? "—" : siteplan.executor.Times.human(r.rpoSeconds())))
                .append(kpi("Machines up", up + " / " + machines))
                .append(kpi("Checks passed", checks.isEmpty() ? "—" : passed + " / " + checks.size()))
                .append("</div>\n");
        b.append("<h2>Timeline</h2><div class=\"card\">").append(timeline(r)).append("</div>\n");
        b.append("<h2>Groups, steps and machines</h2><div class=\"card\"><table class=\"steps\"><tr><th>Group</th><th>Machine or step</th><th>Outcome</th><th>Start</th><th>Took</th><th>Recovery point age</th><th>Detail</th></tr>\n");
        for (RunReport.Group g : r.groups()) {
            for (Object row : rows(g)) {
                if (row instanceof RunReport.Action a) b.append("<tr><td>").append(g.number()).append("</td><td>").append(h(a.when().token() + " " + a.kind().token() + ": " + a.value())).append("</td>").append(outcome(a.outcome()))
                        .append("<td>+").append(siteplan.executor.Times.human(a.startSeconds())).append("</td><td>").append(siteplan.executor.Times.human(a.durationSeconds())).append("</td><td></td><td>")
                        .append(h(a.detail())).append("</td></tr>\n");
                if (row instanceof RunReport.MachineRun m) b.append("<tr><td>").append(g.number()).append("</td><td>").append(h(m.name())).append(m.dependsOn().isEmpty() ? "" : " <small>(after " + h(String.join(", ", m.dependsOn())) + ")</small>")
                        .append("</td>").append(outcome(m.outcome())).append("<td>+").append(siteplan.executor.Times.human(m.startSeconds())).append("</td><td>")
                        .append(siteplan.executor.Times.human(m.durationSeconds())).append("</td><td>").append(m.recoveryPointAgeSeconds() == null ? "" : siteplan.executor.Times.human(m.recoveryPointAgeSeconds()))
                        .append("</td><td>").append(h(m.detail())).append("</td></tr>\n");
                if (row instanceof RunReport.Check c) b.append("<tr><td>").append(g.number()).append("</td><td>").append(h("check " + c.kind().token() + ": " + c.target())).append("</td>").append(outcome(c.outcome()))
                        .append("<td></td><td>").append(siteplan.executor.Times.human(c.seconds())).append("</td><td></td><td>").append(h(checkDetail(c))).append("</td></tr>\n");
            }
        }
        b.append("</table></div>\n");
        if (!r.checks().isEmpty()) {
            b.append("<h2>Smoke checks</h2><div class=\"card\"><table><tr><th>Check</th><th>Target</th><th>Outcome</th><th>Detail</th></tr>\n");
            r.checks().forEach(c -> b.append("<tr><td>").append(h(c.kind().token())).append("</td><td>").append(h(c.target())).append("</td>").append(outcome(c.outcome()))
                    .append("<td>").append(h(checkDetail(c))).append("</td></tr>\n"));
            b.append("</table></div>\n");
        }
        if (!r.cleanup().isEmpty()) {
            b.append("<h2>Cleanup</h2><div class=\"card\"><table><tr><th>Machine</th><th>Outcome</th><th>Detail</th></tr>\n");
            r.cleanup().forEach(c -> b.append("<tr><td>").append(h(c.machine())).append("</td>").append(outcome(c.outcome())).append("<td>").append(h(c.detail())).append("</td></tr>\n"));
            b.append("</table></div>\n");
        }
        b.append("<p class=\"sub\">Times are from the start of the run, in the provider's time (modelled in the simulated estate)")
                .append(". Made by siteplan.</p>\n</main></body></html>\n");
        return b.toString();
    }

    private static String kpi(String label, String value) {
        return "<div class=\"kpi\"><span>" + h(label) + "</span><b>" + h(value) + "</b></div>";
    }

    private static String outcome(Token o) {
        return "<td class=\"o-" + h(o.token().split(" ")[0]) + "\">" + h(o.token()) + "</td>";
    }

    /** One lane per group; bars for machines (green up, red failed, amber stopped/skipped), thin grey bars for steps. */
    private static String timeline(RunReport r) {
        long total = Math.max(60, r.rtoSeconds());
        double scale = (WIDTH - LABEL - 20) / (double) total;
        List<String> lanes = new ArrayList<>();
        int rows = 0;
        StringBuilder bars = new StringBuilder();
        for (RunReport.Group g : r.groups()) {
            int lanesOfGroup = Math.max(1, g.machines().size());
            int y0 = TOP + rows * LANE;
            int height = lanesOfGroup * LANE;
            bars.append("<rect x=\"0\" y=\"").append(y0).append("\" width=\"").append(WIDTH + 140).append("\" height=\"").append(height)
                    .append("\" fill=\"").append(g.number() % 2 == 0 ? "#ffffff" : "#f8f9fb").append("\"/>");
            bars.append("<text x=\"8\" y=\"").append(y0 + 18).append("\" font-weight=\"600\">Group ").append(g.number()).append("</text>");
            for (RunReport.Action a : g.actions()) {
                double x = LABEL + a.startSeconds() * scale;
                double w = Math.max(3, a.durationSeconds() * scale);
                bars.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y0 + 3).append("\" width=\"").append(fmt(w)).append("\" height=\"").append(height - 6)
                        .append("\" rx=\"2\" fill=\"").append(a.done() ? "#ced4da" : "#ffa94d").append("\" opacity=\"0.55\"><title>")
                        .append(h(a.when().token() + " " + a.kind().token() + ": " + a.value() + " — " + a.outcome().token())).append("</title></rect>");
            }
            int i = 0;
            for (RunReport.MachineRun m : g.machines()) {
                int y = y0 + i * LANE + 7;
                double x = LABEL + m.startSeconds() * scale;
                double w = Math.max(4, m.durationSeconds() * scale);
                String fill = switch (m.outcome()) {
                    case UP -> "#40c057";
                    case FAILED -> "#e03131";
                    case SKIPPED, STOPPED -> "#fd7e14";
                };
                bars.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w)).append("\" height=\"").append(LANE - 14)
                        .append("\" rx=\"4\" fill=\"").append(fill).append("\"><title>").append(h(m.name() + ": " + m.outcome().token() + ", " + siteplan.executor.Times.human(m.durationSeconds())))
                        .append("</title></rect>");
                bars.append("<text x=\"").append(fmt(x + w + 6)).append("\" y=\"").append(y + 15).append("\">").append(h(m.name())).append(" · ")
                        .append(siteplan.executor.Times.human(m.durationSeconds())).append("</text>");
                i++;
            }
            rows += lanesOfGroup;
            lanes.add("g" + g.number());
        }
        int height = TOP + rows * LANE + 30;
        StringBuilder axis = new StringBuilder();
        long step = niceStep(total);
        for (long t = 0; t <= total; t += step) {
            double x = LABEL + t * scale;
            axis.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(fmt(x)).append("\" y2=\"").append(height - 10)
                    .append("\" stroke=\"#e4e7eb\"/><text x=\"").append(fmt(x + 3)).append("\" y=\"").append(TOP - 12).append("\" fill=\"#616e7c\">+")
                    .append(siteplan.executor.Times.human(t)).append("</text>");
        }
        double rtoX = LABEL + r.rtoSeconds() * scale;
        String rto = "<line x1=\"" + fmt(rtoX) + "\" y1=\"" + (TOP - 6) + "\" x2=\"" + fmt(rtoX) + "\" y2=\"" + (height - 8) + "\" stroke=\"#1c7ed6\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>"
                + "<text x=\"" + fmt(rtoX + 4) + "\" y=\"" + (height - 12) + "\" fill=\"#1c7ed6\" font-weight=\"600\">" + (measuresRto(r) ? "RTO " : "ended ") + siteplan.executor.Times.human(r.rtoSeconds()) + "</text>";
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Timeline of the run, one lane per group\" width=\"" + (WIDTH + 140) + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + (WIDTH + 140) + " " + height + "\">" + bars + axis + rto + "</svg>";
    }

    private static long niceStep(long total) {
        long[] steps = {60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400};
        for (long s : steps) if (total / s <= 10) return s;
        return 86400;
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    private static String h(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
