package siteplan.cli.render;

import siteplan.text.Plural;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.Change;
import siteplan.planner.diff.FieldChange;
import siteplan.planner.diff.Impact;
import siteplan.planner.plan.Plan;
import siteplan.planner.rules.Finding;

/** The plan for people at a terminal: changes grouped by site with symbols, then findings, sizing and a one-line summary. */
public final class HumanView {
    private final boolean color;
    private final StringBuilder out = new StringBuilder();

    private HumanView(boolean color) {
        this.color = color;
    }

    public static String render(Plan plan, boolean color) {
        return new HumanView(color).write(plan);
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    private String symbol(Action a) {
        String s = a.symbol();
        return switch (a) {
            case CREATE -> paint("32", s);
            case UPDATE, RE_REPLICATE -> paint("33", s);
            case DELETE, REPLACE -> paint("31", s);
            case REPROTECT, MOVE -> paint("36", s);
            case NO_OP -> s;
        };
    }

    private String write(Plan plan) {
        out.append("siteplan plan of ").append(String.join(" ", plan.definition())).append(" against ").append(plan.provider())
                .append(" (profile ").append(plan.profile()).append(")\n");
        if (plan.targeted()) out.append("Limited by -target to ").append(targets(plan)).append(".\n");
        Map<String, List<Change>> bySite = new LinkedHashMap<>();
        plan.changes().stream().filter(c -> c.action() != Action.NO_OP).sorted(java.util.Comparator.comparing(Change::site).thenComparing(Change::address))
                .forEach(c -> bySite.computeIfAbsent(c.site(), k -> new ArrayList<>()).add(c));
        if (bySite.isEmpty()) {
            out.append("\nNo changes: what exists matches the definition.\n");
        }
        bySite.forEach((site, changes) -> {
            out.append('\n').append(paint("1", site.equals("-") ? "(no site)" : "site " + site)).append('\n');
            for (Change c : changes) change(c);
        });
        if (!plan.findings().isEmpty()) {
            out.append('\n').append(paint("1", "Findings")).append('\n');
            for (Finding f : plan.findings()) {
                String sev = switch (f.severity()) {
                    case ERROR -> paint("31", "error");
                    case WARNING -> paint("33", "warning");
                    case INFO -> paint("36", "info");
                };
                out.append("  ").append(f.rule()).append(' ').append(sev).append(": ").append(f.message());
                if (f.file() != null) out.append(" (").append(f.file()).append(f.line() != null ? ", line " + f.line() : "").append(')');
                out.append('\n');
            }
        }
        if (!plan.sizing().isEmpty()) {
            out.append('\n').append(paint("1", "Sizing")).append('\n');
            plan.sizing().forEach(s -> out.append("  ").append(s.subject()).append(": ").append(s.recommendation()).append(" — ").append(s.basis()).append('\n'));
        }
        out.append('\n').append(summaryLine(plan)).append('\n');
        if (plan.targeted()) targetWarning(plan);
        return out.toString();
    }

    /** Terraform's caution, in siteplan's terms: a targeted plan is not the whole picture, and says how much it leaves out. */
    private void targetWarning(Plan plan) {
        int leftOut = plan.changesLeftOut() == null ? 0 : plan.changesLeftOut();
        out.append('\n').append(paint("33", "Warning: -target is in effect")).append('\n')
                .append("  This plan holds only ").append(targets(plan)).append("; ").append(Plural.of(leftOut, "other change"))
                .append(" the definition asks for ").append(leftOut == 1 ? "is" : "are").append(" left out of it.\n")
                .append("  The findings still cover the whole definition. -target is for exceptional cases, such as recovering from a failed\n")
                .append("  apply or bringing one machine up first: run a plan without it afterwards; the estate is as declared only when that\n")
                .append("  plan shows no changes.\n");
    }

    /** "machine:web01 and what it depends on" */
    public static String targets(Plan plan) {
        return String.join(", ", plan.targets()) + " and what " + (plan.targets().size() == 1 ? "it depends" : "they depend") + " on";
    }

    private void change(Change c) {
        out.append("  ").append(symbol(c.action())).append(' ').append(c.address());
        if (c.destructive()) out.append(' ').append(paint("31", c.action() == Action.MOVE ? "(classic recovery points expire)" : "(destroys recovery points)"));
        out.append('\n');
        if (c.reason() != null) out.append("      ").append(paint("2", "# " + c.reason())).append('\n');
        for (FieldChange f : c.fields()) {
            out.append("      ").append(f.field()).append(": ");
            if (f.before() == null) out.append(quote(f.after()));
            else if (f.after() == null) out.append(quote(f.before())).append(" → (removed)");
            else out.append(quote(f.before())).append(" → ").append(quote(f.after()));
            out.append('\n');
        }
        Impact i = c.impact();
        if (i != null) {
            List<String> parts = new ArrayList<>();
            if (i.replicateGb() != null) {
                parts.add(i.replicateGb() + " GB to replicate" + (i.initialReplicationHours() != null ? ", about " + i.initialReplicationHours() + " h"
                        + (i.uplink() != null ? " at " + i.uplink() : "") : ""));
            } else if (i.initialReplicationHours() != null) {
                parts.add("about " + i.initialReplicationHours() + " h");
            }
            if (!i.recoveryPlansWithoutCoverage().isEmpty()) parts.add("not recoverable meanwhile by " + String.join(", ", i.recoveryPlansWithoutCoverage()));
            if (i.rpoAtRisk() != null) parts.add(i.rpoAtRisk());
            out.append("      ").append(paint("35", "impact: " + String.join("; ", parts))).append('\n');
        }
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }

    public static String summaryLine(Plan plan) {
        Plan.Summary s = plan.summary();
        String findings = s.errors() + " error" + (s.errors() == 1 ? "" : "s") + ", " + s.warnings() + " warning" + (s.warnings() == 1 ? "" : "s");
        return "Plan: " + changes(plan) + ". Findings: " + findings + "." + (plan.applicable() ? "" : " This plan cannot be applied until the errors are fixed.");
    }

    /** The plan's changes counted as its summary line counts them ("0 to create, 1 to update, …"); history subjects say the same. */
    public static String changes(Plan plan) {
        Plan.Summary s = plan.summary();
        List<String> parts = new ArrayList<>();
        parts.add(s.create() + " to create");
        parts.add(s.update() + " to update");
        if (s.reReplicate() > 0) parts.add(s.reReplicate() + " to re-replicate");
        if (s.reprotect() > 0) parts.add(s.reprotect() + " to reprotect");
        if (s.move() > 0) parts.add(s.move() + " to move");
        parts.add(s.replace() + " to replace");
        parts.add(s.delete() + " to delete");
        return String.join(", ", parts);
    }
}
