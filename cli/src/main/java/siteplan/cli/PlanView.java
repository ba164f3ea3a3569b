package siteplan.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;
import siteplan.cli.render.HumanView;
import siteplan.cli.render.MarkdownView;
import siteplan.planner.plan.Plan;
import siteplan.planner.plan.PlanJson;

/** How a plan is shown, shared by `plan` and `show`: text (coloured on a terminal), JSON or Markdown, always from the plan's data. */
final class PlanView {
    @Option(names = {"--json", "-json"}, description = "Print the plan as JSON (the schemas/plan.schema.json contract).")
    boolean json;

    @Option(names = "--markdown", description = "Print the plan as Markdown for a pull-request comment.")
    boolean markdown;

    @Option(names = {"--no-color", "-no-color"}, description = "No colour, even on a terminal.")
    boolean noColor;

    boolean isText() {
        return !json && !markdown;
    }

    void print(Plan plan, PrintWriter w) {
        if (json) w.print(PlanJson.write(plan));
        else if (markdown) w.print(MarkdownView.render(plan));
        else w.print(HumanView.render(plan, Siteplan.colour(noColor)));
    }
}
