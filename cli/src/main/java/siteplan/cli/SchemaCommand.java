package siteplan.cli;

import picocli.CommandLine.Command;
import siteplan.model.json.ModelJson;
import siteplan.dsl.schema.SchemaGenerator;

@Command(name = "schema", description = "Print the JSON Schema (2020-12) of the estate model (or, with --plan, of a saved plan), generated from the records themselves.")
final class SchemaCommand extends BaseCommand {
    @picocli.CommandLine.Option(names = "--plan", description = "The schema of plan files (schemas/plan.schema.json).")
    boolean plan;

    @Override public Integer call() throws Exception {
        var schema = plan
                ? SchemaGenerator.schemaOf(siteplan.planner.plan.Plan.class, SchemaGenerator.PLAN_ID, "siteplan plan", SchemaGenerator::snakeCase)
                : SchemaGenerator.estateSchema();
        spec.commandLine().getOut().println(ModelJson.JSON.writeValueAsString(schema));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
