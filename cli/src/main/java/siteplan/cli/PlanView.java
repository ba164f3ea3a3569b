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

    boolean isText() {
        return form == null;
    }

    void print(Plan plan, PrintWriter w) {
        if (form != null && form.json) w.print(PlanJson.write(plan));
        else if (form != null && form.markdown) w.print(MarkdownView.render(plan));
        else w.print(HumanView.render(plan, Siteplan.colour()));
    }
}
