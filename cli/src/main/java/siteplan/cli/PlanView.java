package siteplan.cli;

import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import siteplan.cli.render.HumanView;
import siteplan.cli.render.MarkdownView;
import siteplan.planner.plan.Plan;
import siteplan.planner.plan.PlanJson;

/** How a plan is shown, shared by `plan` and `show`: text (coloured on a terminal, see Siteplan#colour), JSON or Markdown, always from the plan's data. */
final class PlanView {
    /** One form at a time: both flags together is a usage error, not a silent choice. */
    @ArgGroup(exclusive = true)
    Form form;

    static final class Form {
        @Option(names = {"--json", "-json"}, description = "Print the plan as JSON (the schemas/plan.schema.json contract).")
        boolean json;

        @Option(names = "--markdown", description = "Print the plan as Markdown for a pull-request comment.")
        boolean markdown;
    }

    @Option(names = "--max-length", paramLabel = "N", description = {"With --markdown: fit the Markdown into N characters (GitHub's comment limit is 65536): the summary "
            + "and findings, then whole sections while they fit, and a note of what was left out."})
    Integer maxLength;

    @Option(names = "--attached", paramLabel = "NAME", description = "With --max-length: where the full plan is (e.g. the CI artifact's name), said in the note.")
    String attached;

    /** Room for a plan's summary and the note of a shortened comment, short of very long definition paths. */
    static final int MIN_LENGTH = 1000;

    /** Where the plan is saved (plan -out, or the file show reads), or null: the note of a shortened comment names it. */
    private java.nio.file.Path saved;

    /** Refuses the size options without the form they shape, before a plan is made or saved; {@code saved} is the plan's file or null. */
    void check(java.nio.file.Path saved) {
        this.saved = saved;
        boolean markdown = form != null && form.markdown;
        if (maxLength != null && !markdown) throw new Siteplan.UserError("--max-length applies to --markdown only; add --markdown or leave it out");
        if (attached != null && maxLength == null) throw new Siteplan.UserError("--attached names the full plan of a shortened comment; add --markdown --max-length N or leave it out");
        if (maxLength != null && maxLength < MIN_LENGTH) throw new Siteplan.UserError("--max-length must be at least " + MIN_LENGTH + " (the summary and the note of what was left out), not " + maxLength);
    }

    boolean isText() {
        return form == null;
    }

    void print(Plan plan, PrintWriter w) {
        if (form != null && form.json) w.print(PlanJson.write(plan));
        else if (form != null && form.markdown) w.print(maxLength == null ? MarkdownView.render(plan) : markdown(plan));
        else w.print(HumanView.render(plan, Siteplan.colour()));
    }

    private String markdown(Plan plan) {
        try {
            String whereFull = attached != null ? "The full plan is attached as `" + attached + "`."
                    : saved != null ? "The full plan: `siteplan show " + PrintedCommand.quote(saved.toString()) + " --markdown`"
                    : "Without --max-length the full plan is printed.";
            return MarkdownView.render(plan, new MarkdownView.Limit(maxLength, whereFull));
        } catch (MarkdownView.TooSmall e) {
            throw new Siteplan.UserError(e.getMessage());
        }
    }
}
