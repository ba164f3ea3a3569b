package siteplan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import siteplan.model.Estate;
import siteplan.schema.ModelJson;

/** Commands for benchmarks and diagnosis; hidden from --help. */
@Command(name = "debug", hidden = true, subcommands = {DebugCommand.ReadJson.class})
final class DebugCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The benchmark's yardstick: Jackson reading an exported model, in the same JVM setup as every command. */
    @Command(name = "read-json", description = "Read an exported model JSON with Jackson and print its machine count.")
    static final class ReadJson implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Spec
        CommandSpec spec;

        @Override public Integer call() throws Exception {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ModelJson.JSON.readTree(file.toFile());
            tree.remove("$schema");
            Estate e = ModelJson.JSON.treeToValue(tree, Estate.class);
            spec.commandLine().getOut().println(e.machines().size() + " machines");
            return ExitCode.OK;
        }
    }
}
