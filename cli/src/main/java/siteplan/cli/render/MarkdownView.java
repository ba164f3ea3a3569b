package siteplan.cli.render;

import siteplan.text.Plural;
import siteplan.planner.diff.Action;
import siteplan.planner.plan.Plan;
import siteplan.planner.rules.Finding;

/** The plan as a pull-request comment: summary table, findings, collapsible details, and each touched recovery plan's order as Mermaid. */
public final class MarkdownView {
    private MarkdownView() {}

    public static String render(Plan plan) {
        StringBuilder md = new StringBuilder();
        Plan.Summary s = plan.summary();
        md.append("### siteplan plan: `").append(String.join(" ", plan.definition())).append("`\n\n");
        md.append(plan.applicable() ? "✅ applicable" : "❌ **not applicable**: " + s.errors() + " error" + (s.errors() == 1 ? "" : "s"))
                .append(" · profile `").append(plan.profile()).append("` · ").append(plan.provider()).append("\n\n");
        if (plan.targeted()) md.append("> ⚠️ **-target is in effect**: only ").append(escape(HumanView.targets(plan))).append("; ")
                .append(Plural.of(plan.changesLeftOut() == null ? 0 : plan.changesLeftOut(), "other change")).append(" of the definition left out. Run a plan without it afterwards.\n\n");
        md.append("| create | update | re-replicate | reprotect | replace | delete | errors | warnings |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append("| ").append(s.create()).append(" | ").append(s.update()).append(" | ").append(s.reReplicate()).append(" | ").append(s.reprotect())
                .append(" | ").append(s.replace()).append(" | ").append(s.delete()).append(" | ").append(s.errors()).append(" | ").append(s.warnings()).append(" |\n\n");
        if (!plan.findings().isEmpty()) {
            md.append("#### Findings\n\n");
            for (Finding f : plan.findings()) {
                String icon = switch (f.severity()) { case ERROR -> "🛑"; case WARNING -> "⚠️"; case INFO -> "ℹ️"; };
                md.append("- ").append(icon).append(" **").append(f.rule()).append("** ").append(escape(f.message()));
                if (f.file() != null) md.append(" (`").append(f.file()).append(f.line() != null ? ":" + f.line() : "").append("`)");
                md.append('\n');
            }
            md.append('\n');
        }
        long changed = plan.changes().stream().filter(c -> c.action() != Action.NO_OP).count();
        md.append("<details><summary>").append(changed).append(" change").append(changed == 1 ? "" : "s").append("</summary>\n\n```diff\n");
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
        if (!plan.sizing().isEmpty()) {
            md.append("\n<details><summary>Sizing</summary>\n\n| for | recommendation | basis |\n|---|---|---|\n");
            plan.sizing().forEach(z -> md.append("| ").append(escape(z.subject())).append(" | ").append(escape(z.recommendation())).append(" | ").append(escape(z.basis())).append(" |\n"));
            md.append("\n</details>\n");
        }
        for (Plan.PlanOrder o : plan.recoveryPlans()) {
            if (!o.touched()) continue;
            md.append("\n#### Recovery plan `").append(o.name()).append("`\n\n```mermaid\nflowchart LR\n");
            for (int i = 0; i < o.groups().size(); i++) {
                md.append("  subgraph g").append(i + 1).append(" [Group ").append(i + 1).append("]\n");
                for (String m : o.groups().get(i)) md.append("    ").append(id(m)).append("[\"").append(m).append("\"]\n");
                md.append("  end\n");
            }
            for (int i = 1; i < o.groups().size(); i++) md.append("  g").append(i).append(" --> g").append(i + 1).append('\n');
            for (Plan.Dependency d : o.dependencies()) md.append("  ").append(id(d.dependsOn())).append(" -.-> ").append(id(d.machine())).append('\n');
            md.append("```\n");
        }
        return md.toString();
    }

    private static String id(String machine) {
        return "m_" + machine.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
