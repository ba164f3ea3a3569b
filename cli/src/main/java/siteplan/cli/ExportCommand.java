package siteplan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import siteplan.schema.DefinitionLoader;
import siteplan.schema.EstateWriter;

@Command(name = "export", description = "Write the checked model as JSON or YAML (the schemas/estate.schema.json form); secrets stay references.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders.")
    List<String> paths;

    @Option(names = "--format", defaultValue = "json", description = "json or yaml (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (replaced whole, never half-written) instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override public Integer call() throws IOException {
        EstateWriter.Format f = switch (format.toLowerCase()) {
            case "json" -> EstateWriter.Format.JSON;
            case "yaml", "yml" -> EstateWriter.Format.YAML;
            default -> throw new Siteplan.UserError("--format must be json or yaml, not '" + format + "'");
        };
        String text = EstateWriter.write(DefinitionLoader.load(paths).estate(), f);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            writeAtomically(output, text);
        }
        return ExitCode.OK;
    }

    /** Writes beside the target and moves into place, so a reader never sees half a file. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) throw new Siteplan.UserError("cannot write " + target + ": folder " + dir + " does not exist");
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
