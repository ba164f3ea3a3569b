package siteplan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.dsl.load.DefinitionLoader;
import siteplan.model.json.EstateWriter;

@Command(name = "export", description = "Write the checked model as JSON or YAML (the schemas/estate.schema.json form); secrets stay references.")
final class ExportCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders.")
    List<String> paths;

    @Option(names = "--format", defaultValue = "json", description = "json or yaml (default: ${DEFAULT-VALUE}).")
    EstateWriter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (replaced whole, never half-written) instead of standard output.")
    Path output;

    @Override public Integer call() throws IOException {
        String text = EstateWriter.write(DefinitionLoader.load(paths).estate(), format);
        if (output == null) {
            out().print(text);
            out().flush();
        } else {
            AtomicFiles.write(output, text);
        }
        return ExitCode.OK;
    }
}
