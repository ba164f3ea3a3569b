package siteplan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.model.Estate;
import siteplan.model.json.ModelJson;

/** Commands for benchmarks and diagnosis; hidden from --help. */
@Command(name = "debug", hidden = true, subcommands = {DebugCommand.ReadJson.class, DebugCommand.VsphereBench.class})
final class DebugCommand extends BaseCommand {
    @Override public Integer call() {
        return usage();
    }

    /** The benchmark's yardstick: Jackson reading an exported model, in the same JVM setup as every command. */
    @Command(name = "read-json", description = "Read an exported model JSON with Jackson and print its machine count.")
    static final class ReadJson extends BaseCommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override public Integer call() throws Exception {
            Estate e = siteplan.model.json.EstateWriter.read(java.nio.file.Files.readString(file), siteplan.model.json.EstateWriter.Format.JSON);
            spec.commandLine().getOut().println(siteplan.text.Plural.of(e.machines().size(), "machine"));
            return ExitCode.OK;
        }
    }

    /** bench/vsphere-discovery.sh: batched discovery against one raw RetrievePropertiesEx and a naive walk. */
    @Command(name = "vsphere-bench", description = "Time vCenter discovery: raw RetrievePropertiesEx, batched discovery, naive per-object walk.")
    static final class VsphereBench extends BaseCommand {
        @Option(names = "--sdk", required = true, description = "SDK URL, https://host:port/sdk")
        String sdk;
        @Option(names = "--user", required = true)
        String user;
        @Option(names = "--password-env", required = true, description = "Variable holding the password.")
        String passwordEnv;
        @Option(names = "--thumbprint")
        String thumbprint;
        @Option(names = "--runs", defaultValue = "10")
        int runs;
        @Option(names = "--naive", description = "Also time the per-object walk (slow).")
        boolean naive;

        @Override public Integer call() throws Exception {
            siteplan.providers.vsphere.DiscoveryBenchmark.run(new java.net.URL(sdk), user, Siteplan.env().get(passwordEnv), thumbprint, runs, naive,
                    spec.commandLine().getOut());
            return ExitCode.OK;
        }
    }
}
