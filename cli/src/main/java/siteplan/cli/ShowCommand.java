package siteplan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import siteplan.planner.plan.Plan;

@Command(name = "show", description = "Render a saved plan as text, JSON or Markdown; the same data the plan command showed.")
final class ShowCommand extends BaseCommand {
    @Parameters(paramLabel = "PLAN", description = "A plan saved with plan -out.")
    Path file;

    @picocli.CommandLine.Mixin
    PlanView view;

    @Override public Integer call() {
        view.check(file);
        Plan plan = PlanFiles.read(file);
        var w = out();
        view.print(plan, w);
        w.flush();
        return ExitCode.OK;
    }
}
