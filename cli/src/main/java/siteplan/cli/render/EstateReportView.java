package siteplan.cli.render;

import java.util.List;
import java.util.Locale;
import siteplan.planner.report.EstateReport;
import siteplan.planner.report.EstateReport.PlanReport;
import siteplan.planner.report.EstateReport.Run;
import siteplan.units.Durations;

/**
 * {@link EstateReport} for people: one self-contained HTML page (no script, no external file, readable from a phone's
 * 375 px up: cards that wrap, charts that scale, tables that scroll inside their card) and Markdown for a pull request
 * or a CI job's summary. Both render the report's data and nothing else.
 */
public final class EstateReportView {
    private EstateReportView() {}

    /** Every field written, false and null included: a contract whose fields come and go with their values is hard to read from a script. */
    private static final com.fasterxml.jackson.databind.ObjectMapper CONTRACT = contract();

    private static com.fasterxml.jackson.databind.ObjectMapper contract() {
        var m = siteplan.model.json.ModelJson.JSON.copy();
        var always = com.fasterxml.jackson.annotation.JsonInclude.Value.construct(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS,
                com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);
        m.setDefaultPropertyInclusion(always);
        m.configOverride(boolean.class).setInclude(always);
        return m;
    }

    public static String json(EstateReport r) {
        try {
            return CONTRACT.writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "1 failing, 0 at risk, 1 ok of 2 recovery plans": as the command ends and as the page begins. */
    public static String headline(EstateReport r) {
        var s = r.summary();
        return s.failing() + " failing, " + s.atRisk() + " at risk, " + s.ok() + " ok of " + s.plans() + " recovery " + (s.plans() == 1 ? "plan" : "plans");
    }

    private static String status(EstateReport.Status s) {
        return switch (s) {
            case FAILING -> "failing";
            case AT_RISK -> "at risk";
            case OK -> "ok";
        };
    }

    private static String t(Long seconds) {
        return seconds == null ? "—" : Durations.human(seconds);
    }

    private static String day(String instant) {
        return instant == null ? "—" : java.time.Instant.parse(instant).atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString();
    }

    private static String shortCommit(String c) {
        return c == null ? "" : c.substring(0, Math.min(12, c.length()));
    }

    /** What siteplan would have predicted for the run from the runs before it: the prediction's track record. */
    private static String predictedThen(Run x) {
        return x.predictedRtoSeconds() == null ? "—" : siteplan.planner.rules.RtoPredictor.Prediction.about(x.predictedRtoSeconds());
    }

    private static String verdict(Run d) {
        if (!d.passed()) return "failed";
        if (d.objectivesMet() == null) return "passed";
        return d.objectivesMet() ? "passed, objectives met" : "passed, objectives missed";
    }

    private static String cadence(EstateReport.Cadence c) {
        return switch (c.state()) {
            case NONE -> "none declared";
            case NEVER_DRILLED -> "every " + c.everyDays() + "d" + (c.mandatory() ? " (mandatory)" : "") + ": never drilled successfully";
            case OVERDUE -> "every " + c.everyDays() + "d" + (c.mandatory() ? " (mandatory)" : "") + ": overdue by " + c.overdueDays() + "d (due " + c.due() + ")";
            case DUE_SOON, WITHIN -> "every " + c.everyDays() + "d" + (c.mandatory() ? " (mandatory)" : "") + ": next due by " + c.due();
        };
    }

    private static String lag(PlanReport p) {
        if (p.rpoTargetSeconds() == null) return "no RPO target";
        if (p.rpoLag().isEmpty()) return "every machine within its RPO";
        return String.join(", ", p.rpoLag().stream().map(l -> l.machine() + " " + Durations.human(l.seconds())).toList());
    }

    public static String markdown(EstateReport r) {
        StringBuilder b = new StringBuilder();
        b.append("# Recoverability of ").append(md(r.estate())).append("\n\n");
        b.append("**").append(headline(r)).append("**, judged on ").append(r.today()).append(" from ").append(md(r.history())).append(".\n\n");
        b.append("| Recovery plan | Status | Last drill | RTO (target) | RPO (target) | Cadence | Predicted RTO |\n|---|---|---|---|---|---|---|\n");
        for (PlanReport p : r.plans()) {
            Run d = p.lastDrill();
            b.append("| ").append(md(p.name())).append(" | **").append(status(p.status())).append("** | ")
                    .append(d == null ? "never" : day(d.at()) + " " + verdict(d)).append(" | ")
                    .append(d == null ? "—" : t(d.rtoSeconds())).append(" (").append(t(p.rtoTargetSeconds())).append(") | ")
                    .append(d == null ? "—" : t(d.rpoSeconds())).append(" (").append(t(p.rpoTargetSeconds())).append(") | ")
                    .append(md(cadence(p.cadence()))).append(" | ").append(siteplan.planner.rules.RtoPredictor.Prediction.about(p.predictedRto().seconds())).append(" |\n");
        }
        for (PlanReport p : r.plans()) {
            b.append("\n## ").append(md(p.name())).append(" — ").append(status(p.status())).append("\n\n");
            p.reasons().forEach(x -> b.append("- ").append(md(x)).append('\n'));
            b.append("- Predicted RTO: ").append(siteplan.planner.rules.RtoPredictor.Prediction.about(p.predictedRto().seconds())).append(" (").append(md(p.predictedRto().text())).append(")\n");
            b.append("- RPO lag: ").append(md(lag(p))).append('\n');
            if (!p.changedSinceDrill().isEmpty()) b.append("- Changed since its last successful drill: ").append(md(String.join("; ", p.changedSinceDrill()))).append('\n');
            if (p.lastDrill() != null && p.lastDrill().attestation() != null) b.append("- Attested: ").append(md(p.lastDrill().attestation())).append('\n');
            if (!p.trend().isEmpty()) {
                b.append("\n| Run | Kind | Outcome | RTO | Predicted then | RPO | Commit |\n|---|---|---|---|---|---|---|\n");
                for (Run x : newestFirst(p.trend())) {
                    b.append("| ").append(day(x.at())).append(" | ").append(x.kind().token()).append(" | ").append(verdict(x)).append(" | ")
                            .append(t(x.rtoSeconds())).append(" | ").append(predictedThen(x)).append(" | ").append(t(x.rpoSeconds())).append(" | `").append(shortCommit(x.commit())).append("` |\n");
                }
            }
        }
        return b.toString();
    }

    /** Longest text the report shows of one value: a definition's or a history record's, read as data. */
    static final int MAX_TEXT = 2000;

    /**
     * Text as Markdown shows it literally: on one line, control and bidirectional characters escaped (a carriage return
     * would end a line, and start a heading), and every character Markdown gives a meaning escaped, so a name or a
     * note cannot become a link, an image, a heading or a table cell of its own.
     */
    private static String md(String s) {
        if (s == null) return "";
        String one = siteplan.text.Printable.line(s, MAX_TEXT);
        StringBuilder o = new StringBuilder(one.length() + 16);
        for (char c : one.toCharArray()) {
            if (c == '&') o.append("&amp;");
            else if (c == '<') o.append("&lt;");
            else if (c == '>') o.append("&gt;");
            else if ("\\`*_[]#!|~".indexOf(c) >= 0) o.append('\\').append(c);
            else o.append(c);
        }
        return o.toString();
    }

    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;background:#f4f5f7}
            main{max-width:1100px;margin:0 auto;padding:16px}
            h1{font-size:1.35rem;margin:0 0 4px;overflow-wrap:anywhere}
            .meta{color:#4a5058;margin:0 0 12px;overflow-wrap:anywhere}
            .summary{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:0 0 16px}
            .summary li{padding:4px 12px;border-radius:6px;background:#fff;border:1px solid #d8dce1;border-left:5px solid var(--c)}
            .failing{--c:#c62828}.at_risk{--c:#d97a00}.ok{--c:#2e7d32}
            .plan{background:#fff;border:1px solid #d8dce1;border-left:6px solid var(--c);border-radius:8px;padding:12px 16px;margin:0 0 16px}
            h2{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;font-size:1.15rem;margin:0 0 6px}
            h2 .name{overflow-wrap:anywhere;min-width:0}
            .badge{font-size:.72rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;padding:2px 8px;border-radius:10px;color:#fff;background:var(--c)}
            .reasons{margin:0 0 8px;padding-left:20px}
            .reasons li{overflow-wrap:anywhere}
            .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,220px),1fr));gap:8px 16px;margin:8px 0}
            .facts dt{font-size:.72rem;color:#4a5058;text-transform:uppercase;letter-spacing:.03em}
            .facts dd{margin:0;overflow-wrap:anywhere}
            .facts small{color:#4a5058}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,300px),1fr));gap:12px;margin:8px 0}
            figure{margin:0;min-width:0}
            figcaption{font-size:.85rem;color:#4a5058;overflow-wrap:anywhere}
            svg{display:block;width:100%;height:auto;background:#fafbfc;border:1px solid #eceef1;border-radius:4px}
            h3{font-size:.95rem;margin:12px 0 4px}
            .changed{margin:0;padding-left:20px}
            .changed li{overflow-wrap:anywhere}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-size:.88rem}
            th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceef1;white-space:nowrap}
            code{font-size:.85em}
            """;

    public static String html(EstateReport r) {
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Recoverability of ").append(esc(r.estate())).append(" — siteplan</title><style>").append(CSS).append("</style></head><body><main>\n");
        b.append("<header><h1>Recoverability of ").append(esc(r.estate())).append("</h1><p class=\"meta\">Judged on ").append(esc(r.today())).append(" from ")
                .append(esc(r.history())).append(r.replication() == null ? "; replication lag not read" : "; replication lag " + esc(r.replication())).append(".</p>");
        var s = r.summary();
        b.append("<ul class=\"summary\"><li class=\"failing\"><b>").append(s.failing()).append("</b> failing</li><li class=\"at_risk\"><b>").append(s.atRisk())
                .append("</b> at risk</li><li class=\"ok\"><b>").append(s.ok()).append("</b> ok</li></ul></header>\n");
        if (r.plans().isEmpty()) b.append("<p>The definition declares no recovery plan.</p>\n");
        for (PlanReport p : r.plans()) plan(b, p);
        b.append("</main></body></html>\n");
        return b.toString();
    }

    private static void plan(StringBuilder b, PlanReport p) {
        String cls = p.status().name().toLowerCase(Locale.ROOT);
        b.append("<section class=\"plan ").append(cls).append("\" id=\"plan-").append(esc(p.name())).append("\">");
        b.append("<h2><span class=\"name\">").append(esc(p.name())).append("</span><span class=\"badge\">").append(status(p.status())).append("</span></h2>");
        if (!p.reasons().isEmpty()) {
            b.append("<ul class=\"reasons\">");
            p.reasons().forEach(x -> b.append("<li>").append(esc(x)).append("</li>"));
            b.append("</ul>");
        }
        Run d = p.lastDrill();
        b.append("<dl class=\"facts\">");
        fact(b, "Last drill", d == null ? "never" : day(d.at()) + " · " + verdict(d), d == null ? null : "commit " + shortCommit(d.commit()));
        fact(b, "RTO", d == null ? "—" : t(d.rtoSeconds()) + (d.passed() ? " measured" : " (not measured: the drill failed)"), "target " + t(p.rtoTargetSeconds()));
        fact(b, "RPO", d == null || d.rpoSeconds() == null ? "—" : t(d.rpoSeconds()) + " achieved", "target " + t(p.rpoTargetSeconds()));
        fact(b, "Drill cadence", cadence(p.cadence()), p.cadence().lastPassed() == null ? null : "last passed " + p.cadence().lastPassed());
        fact(b, "Predicted RTO", siteplan.planner.rules.RtoPredictor.Prediction.about(p.predictedRto().seconds()), p.predictedRto().text());
        fact(b, "RPO lag", lag(p), null);
        if (d != null && d.attestation() != null) fact(b, "Attested", d.attestation(), null);
        b.append("</dl>");
        if (!p.trend().isEmpty()) {
            b.append("<div class=\"charts\">");
            chart(b, "RTO", p.trend(), Run::rtoSeconds, Run::rtoTargetSeconds, p.rtoTargetSeconds());
            chart(b, "RPO", p.trend(), Run::rpoSeconds, Run::rpoTargetSeconds, p.rpoTargetSeconds());
            b.append("</div>");
        }
        if (!p.changedSinceDrill().isEmpty()) {
            b.append("<h3>Changed since its last successful drill</h3><ul class=\"changed\">");
            p.changedSinceDrill().forEach(x -> b.append("<li>").append(esc(x)).append("</li>"));
            b.append("</ul>");
        }
        if (!p.trend().isEmpty()) {
            b.append("<h3>Recent runs</h3><div class=\"scroll\"><table><thead><tr><th>Run</th><th>Kind</th><th>Outcome</th><th>RTO</th><th>Predicted then</th><th>RPO</th><th>Commit</th></tr></thead><tbody>");
            for (Run x : newestFirst(p.trend())) {
                b.append("<tr><td>").append(day(x.at())).append("</td><td>").append(x.kind().token()).append("</td><td>").append(esc(verdict(x))).append("</td><td>")
                        .append(t(x.rtoSeconds())).append("</td><td>").append(predictedThen(x)).append("</td><td>").append(t(x.rpoSeconds())).append("</td><td><code>").append(shortCommit(x.commit())).append("</code></td></tr>");
            }
            b.append("</tbody></table></div>");
        }
        b.append("</section>\n");
    }

    private static void fact(StringBuilder b, String term, String value, String small) {
        b.append("<div><dt>").append(esc(term)).append("</dt><dd>").append(esc(value));
        if (small != null) b.append("<br><small>").append(esc(small)).append("</small>");
        b.append("</dd></div>");
    }

    /**
     * A small line chart of one measure over the plan's recent runs, oldest left: a dot per run (hollow when the run did not
     * pass, red when over the target it ran under), today's target as a dashed line. The numbers are in the caption and each dot's tooltip,
     * not drawn as text, so nothing in the chart can collide at any width.
     */
    private static void chart(StringBuilder b, String measure, List<Run> runs, java.util.function.Function<Run, Long> value, java.util.function.Function<Run, Long> targetThen,
                              Long target) {
        final int w = 300, h = 90, pad = 8;
        long max = target == null ? 0 : target;
        for (Run x : runs) if (value.apply(x) != null) max = Math.max(max, value.apply(x));
        long top = Math.max(1, Math.round(max * 1.15));
        List<Run> points = runs.stream().filter(x -> value.apply(x) != null).toList();
        String values = points.isEmpty() ? "none recorded" : String.join(", ", points.stream().map(x -> t(value.apply(x))).toList());
        b.append("<figure><figcaption>").append(measure).append(" of the last ").append(runs.size() == 1 ? "run" : runs.size() + " runs").append(", oldest first: ")
                .append(esc(values)).append(target == null ? "; no target" : "; target " + t(target) + " (dashed)").append("</figcaption>");
        b.append("<svg viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-label=\"").append(measure).append(" trend: ").append(esc(values)).append("\">");
        if (target != null) {
            long y = Math.round(h - pad - (double) target / top * (h - 2 * pad));
            b.append("<line x1=\"").append(pad).append("\" y1=\"").append(y).append("\" x2=\"").append(w - pad).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#6b7280\" stroke-dasharray=\"4 3\" stroke-width=\"1\"/>");
        }
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        int n = runs.size();
        for (int i = 0; i < n; i++) {
            Run x = runs.get(i);
            Long v = value.apply(x);
            if (v == null) continue;
            long cx = n == 1 ? w / 2 : Math.round(pad + 6 + (double) i / (n - 1) * (w - 2 * pad - 12));
            long cy = Math.round(h - pad - (double) v / top * (h - 2 * pad));
            line.append(line.isEmpty() ? "" : " ").append(cx).append(',').append(cy);
            // A run is judged against the target it ran under; the dashed line is today's.
            Long then = targetThen.apply(x);
            boolean over = then != null && v > then;
            String colour = over ? "#c62828" : "#1f6feb";
            dots.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"3.5\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" fill=\"")
                    .append(x.passed() ? colour : "#fff").append("\"><title>").append(day(x.at())).append(' ').append(x.kind().token()).append(": ").append(measure).append(' ')
                    .append(t(v)).append(", ").append(esc(verdict(x))).append("</title></circle>");
        }
        if (line.indexOf(" ") > 0) b.append("<polyline points=\"").append(line).append("\" fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"1.5\"/>");
        b.append(dots).append("</svg></figure>");
    }

    private static List<Run> newestFirst(List<Run> runs) {
        List<Run> r = new java.util.ArrayList<>(runs);
        java.util.Collections.reverse(r);
        return r;
    }

    private static String esc(String raw) {
        if (raw == null) return "";
        // Control and bidirectional characters escaped, one line, cut: a value read from history is data.
        String s = siteplan.text.Printable.line(raw, MAX_TEXT);
        StringBuilder o = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '&' -> o.append("&amp;");
                case '"' -> o.append("&quot;");
                case '\'' -> o.append("&#39;");
                default -> o.append(c);
            }
        }
        return o.toString();
    }
}
