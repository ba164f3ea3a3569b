package siteplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import siteplan.schema.ModelJson;
import siteplan.schema.SchemaGenerator;

@Command(name = "schema", description = "Print the JSON Schema (2020-12) of the estate model, as generated from the model itself.")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override public Integer call() throws Exception {
        spec.commandLine().getOut().println(ModelJson.JSON.writeValueAsString(SchemaGenerator.estateSchema()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
