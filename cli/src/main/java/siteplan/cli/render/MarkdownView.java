package siteplan.cli.render;

import java.util.ArrayList;
import java.util.List;
import siteplan.text.Plural;
import siteplan.planner.diff.Action;
import siteplan.planner.plan.Plan;
import siteplan.planner.rules.Finding;

/**
 * The plan as a pull-request comment: summary table, findings, collapsible details, and each touched recovery plan's order as Mermaid.
 * A comment has a size limit (GitHub's is 65,536 characters; a 1,000-machine plan is several times that): {@link #render(Plan, Limit)}
 * keeps the summary and the findings and then whole sections while they fit, never part of a table or a diagram, and says which
 * were left out and where the full plan is.
 */
public final class MarkdownView {
    private MarkdownView() {}

    /**
     * A size limit for the rendered Markdown, measured in UTF-8 bytes: never fewer than characters or UTF-16 units, so it
     * fits however a service counts. {@code whereFull} ends the note of a shortened comment: a sentence saying where the full
     * plan is, e.g. "The full plan is attached as `plan-full.md`."
     */
    public record Limit(int maxLength, String whereFull) {
        static final int UNLIMITED = Integer.MAX_VALUE;
    }

    /** Refused when not even the summary and the note about what was left out fit. */
    public static final class TooSmall extends RuntimeException {
        TooSmall(int limit, int needed) {
            super("--max-length " + limit + " is too small for the plan's summary: it needs at least " + needed, null, false, false);
        }
    }

    public static String render(Plan plan) {
        return render(plan, new Limit(Limit.UNLIMITED, null));
    }

    public static String render(Plan plan, Limit limit) {
        String head = head(plan);
        List<String> findings = findings(plan);
        List<Section> sections = sections(plan);
        StringBuilder full = new StringBuilder(head);
        if (!findings.isEmpty()) full.append(FINDINGS_TITLE).append(String.join("", findings)).append('\n');
        sections.forEach(x -> full.append(x.text()));
        String all = full.toString();
        if (bytes(all) <= limit.maxLength()) return all;
        return shortened(limit, head, findings, sections);
    }

    private static final String FINDINGS_TITLE = "#### Findings\n\n";

    /** One part of the comment that is kept or left out whole; {@code name} says what it was when it is left out. */
    private record Section(String name, String text) {}

    /**
     * The summary; then the findings, whole lines in their order (errors first) while they fit; then each later section that
     * fits, whole; then a note naming what was left out and where the full plan is. The note's room is kept from the start.
     */
    private static String shortened(Limit limit, String head, List<String> findings, List<Section> sections) {
        // The longest note this comment can end with, every finding and every section left out, is kept room for from the start.
        List<String> everything = new ArrayList<>();
        if (!findings.isEmpty()) everything.add(findings.size() + " of " + Plural.of(findings.size(), "finding"));
        sections.forEach(x -> everything.add(x.name()));
        int reserve = bytes(note(limit, everything));
        int room = limit.maxLength() - reserve;
        if (bytes(head) > room) throw new TooSmall(limit.maxLength(), bytes(head) + reserve);
        StringBuilder md = new StringBuilder(head);
        int used = bytes(head);
        int shown = 0;
        // The findings' title and closing blank line come only with a first finding that fits.
        if (!findings.isEmpty() && used + bytes(FINDINGS_TITLE) + bytes(findings.get(0)) + 1 <= room) {
            md.append(FINDINGS_TITLE);
            used += bytes(FINDINGS_TITLE) + 1;
            for (String f : findings) {
                if (used + bytes(f) > room) break;
                md.append(f);
                used += bytes(f);
                shown++;
            }
            md.append('\n');
        }
        List<String> left = new ArrayList<>();
        if (shown < findings.size()) left.add((findings.size() - shown) + " of " + Plural.of(findings.size(), "finding"));
        for (Section x : sections) {
            if (used + bytes(x.text()) <= room) {
                md.append(x.text());
                used += bytes(x.text());
            } else {
                left.add(x.name());
            }
        }
        return md.append(note(limit, left)).toString();
    }

    private static String note(Limit limit, List<String> left) {
        return "\n> ✂️ Shortened to fit " + String.format(java.util.Locale.ROOT, "%,d", limit.maxLength()) + " characters: left out "
                + String.join(", ", left) + ". " + limit.whereFull() + "\n";
    }

    private static int bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static String head(Plan plan) {
        StringBuilder md = new StringBuilder();
        Plan.Summary s = plan.summary();
        md.append("### siteplan plan: `").append(String.join(" ", plan.definition())).append("`\n\n");
        md.append(plan.applicable() ? "✅ applicable" : "❌ **not applicable**: " + s.errors() + " error" + (s.errors() == 1 ? "" : "s"))
                .append(" · profile `").append(plan.profile()).append("` · ").append(plan.provider()).append("\n\n");
        if (plan.targeted()) md.append("> ⚠️ **-target is in effect**: only ").append(escape(HumanView.targets(plan))).append("; ")
                .append(Plural.of(plan.changesLeftOut() == null ? 0 : plan.changesLeftOut(), "other change")).append(" of the definition left out. Run a plan without it afterwards.\n\n");
        // A move column only in a plan that moves machines: most estates never do.
        boolean moves = s.move() > 0;
        md.append("| create | update | re-replicate | reprotect |").append(moves ? " move |" : "").append(" replace | delete | errors | warnings |\n");
        md.append("|---:|---:|---:|---:|").append(moves ? "---:|" : "").append("---:|---:|---:|---:|\n");
        md.append("| ").append(s.create()).append(" | ").append(s.update()).append(" | ").append(s.reReplicate()).append(" | ").append(s.reprotect())
                .append(moves ? " | " + s.move() : "")
                .append(" | ").append(s.replace()).append(" | ").append(s.delete()).append(" | ").append(s.errors()).append(" | ").append(s.warnings()).append(" |\n\n");
        return md.toString();
    }

    /** One list item per finding, in the plan's order (errors first). */
    private static List<String> findings(Plan plan) {
        List<String> lines = new ArrayList<>();
        for (Finding f : plan.findings()) {
            StringBuilder md = new StringBuilder();
            String icon = switch (f.severity()) { case ERROR -> "🛑"; case WARNING -> "⚠️"; case INFO -> "ℹ️"; };
            md.append("- ").append(icon).append(" **").append(f.rule()).append("** ").append(escape(f.message()));
            if (f.file() != null) md.append(" (`").append(f.file()).append(f.line() != null ? ":" + f.line() : "").append("`)");
            lines.add(md.append('\n').toString());
        }
        return lines;
    }

    private static List<Section> sections(Plan plan) {
        List<Section> sections = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        long changed = plan.changes().stream().filter(c -> c.action() != Action.NO_OP).count();
        String changes = Plural.of(changed, "change");
        md.append("<details><summary>").append(changes).append("</summary>\n\n```diff\n");
        String human = HumanView.render(plan, false);
        for (String line : human.split("\n")) {
            String t = line.stripLeading();
            // diff highlighting: + green, - red, ~ shown as !, the rest as context
            if (t.startsWith("+ ")) md.append("+").append(line.substring(1));
            else if (t.startsWith("- ") || t.startsWith("-/+ ")) md.append("-").append(line.substring(1));
            else if (t.startsWith("~ ") || t.startsWith("~> ") || t.startsWith("<~ ")) md.append("!").append(line.substring(1));
            else md.append(" ").append(line);
            md.append('\n');
        }
        md.append("```\n\n</details>\n");
        sections.add(new Section("the details of the " + changes, md.toString()));
        if (!plan.sizing().isEmpty()) {
            StringBuilder z = new StringBuilder("\n<details><summary>Sizing</summary>\n\n| for | recommendation | basis |\n|---|---|---|\n");
            plan.sizing().forEach(r -> z.append("| ").append(escape(r.subject())).append(" | ").append(escape(r.recommendation())).append(" | ").append(escape(r.basis())).append(" |\n"));
            z.append("\n</details>\n");
            sections.add(new Section("the sizing table", z.toString()));
        }
        for (Plan.PlanOrder o : plan.recoveryPlans()) {
            if (!o.touched()) continue;
            StringBuilder r = new StringBuilder();
            r.append("\n#### Recovery plan `").append(o.name()).append("`\n\n```mermaid\nflowchart LR\n");
            for (int i = 0; i < o.groups().size(); i++) {
                r.append("  subgraph g").append(i + 1).append(" [Group ").append(i + 1).append("]\n");
                for (String m : o.groups().get(i)) r.append("    ").append(id(m)).append("[\"").append(m).append("\"]\n");
                r.append("  end\n");
            }
            for (int i = 1; i < o.groups().size(); i++) r.append("  g").append(i).append(" --> g").append(i + 1).append('\n');
            for (Plan.Dependency d : o.dependencies()) r.append("  ").append(id(d.dependsOn())).append(" -.-> ").append(id(d.machine())).append('\n');
            r.append("```\n");
            sections.add(new Section("the order of recovery plan `" + o.name() + "`", r.toString()));
        }
        return sections;
    }

    private static String id(String machine) {
        return "m_" + machine.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
