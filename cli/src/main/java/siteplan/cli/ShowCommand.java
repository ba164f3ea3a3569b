package siteplan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import siteplan.planner.plan.Plan;
import siteplan.planner.plan.PlanJson;

@Command(name = "show", description = "Render a saved plan as text, JSON or Markdown; the same data the plan command showed.")
final class ShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PLAN", description = "A plan saved with plan -out.")
    Path file;

    @picocli.CommandLine.Mixin
    PlanView view;

    @Spec
    CommandSpec spec;

    @Override public Integer call() {
        Plan plan = readPlan(file);
        var w = spec.commandLine().getOut();
        view.print(plan, w);
        w.flush();
        return ExitCode.OK;
    }

    /** Reads a saved plan, refusing what is not one or has a format this siteplan does not know. */
    static Plan readPlan(Path file) {
        if (!Files.isRegularFile(file)) throw new Siteplan.UserError("no plan file " + file);
        Plan plan;
        try {
            plan = PlanJson.read(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Siteplan.UserError(file + " is not a siteplan plan (line " + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Siteplan.UserError("cannot read " + file + ": " + e.getMessage());
        }
        if (!Plan.FORMAT_VERSION.equals(plan.formatVersion())) {
            throw new Siteplan.UserError(file + " has plan format " + plan.formatVersion() + "; this siteplan reads format " + Plan.FORMAT_VERSION);
        }
        return plan;
    }
}
