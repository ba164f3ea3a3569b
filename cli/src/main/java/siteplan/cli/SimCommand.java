package siteplan.cli;

import siteplan.text.Plural;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.providers.Providers;
import siteplan.providers.Simulator;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.StateFiles;
import siteplan.dsl.load.DefinitionLoader;

@Command(name = "sim", description = "The simulated estate: what exists, kept in a state folder, for trying siteplan without a cloud.",
        subcommands = {SimCommand.Init.class, SimCommand.Generate.class})
final class SimCommand extends BaseCommand {
    @Override public Integer call() {
        return usage();
    }

    @Command(name = "init", description = "Create a simulated estate from a definition: its infrastructure exists, nothing protected yet (or all, or part).")
    static final class Init extends BaseCommand {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders.")
        List<String> paths;

        @Mixin
        StateOption state;

        @Option(names = "--from-model", description = "Everything exists exactly as declared: the next plan has no changes.")
        boolean fromModel;

        @Option(names = "--partial", paramLabel = "N%", description = "Protect the first N%% of machines, with typical drift (a grown disk, a stopped service, a changed VM size).")
        String partial;

        @Option(names = "--force", description = "Replace an existing simulated estate.")
        boolean force;

        @Override public Integer call() throws Exception {
            Integer percent = null;
            if (partial != null) {
                String p = partial.endsWith("%") ? partial.substring(0, partial.length() - 1) : partial;
                try {
                    percent = Integer.parseInt(p.trim());
                } catch (NumberFormatException e) {
                    percent = -1;
                }
                if (percent < 0 || percent > 100) throw new Siteplan.UserError("--partial takes a percentage from 0% to 100%, not '" + partial + "'");
            }
            if (fromModel && percent != null) throw new Siteplan.UserError("--from-model and --partial cannot be combined");
            DefinitionLoader.Loaded loaded = DefinitionLoader.load(paths);
            Path dir = state.resolve(paths);
            Path file = siteplan.planner.state.StateFolder.entry(dir, StateFiles.STATE_FILE);
            if (Files.exists(file) && !force) {
                throw new Siteplan.UserError(file + " already exists; add --force to replace it");
            }
            DiscoveredState s = Providers.simulator().create(loaded.estate(), fromModel, percent);
            StateFiles.write(file, s);
            Providers.simulator().id(dir); // kept when the estate is replaced: it is still the estate in this folder, for the lock
            // Set anew on purpose: the next run starts from this estate, not from one history recorded, and records it (docs/ci.md).
            // After the ID, so the marker vouches for the files as they are.
            siteplan.executor.history.RecordedState.markInitialised(dir);
            long vms = s.vcenters().stream().mapToLong(v -> v.vms().size()).sum() + s.vmms().stream().mapToLong(v -> v.vms().size()).sum();
            long items = s.vaults().stream().mapToLong(v -> v.protectedItems().size()).sum();
            spec.commandLine().getOut().printf("Created a simulated estate in %s: %s, %s, %s%s.%n", dir, Plural.of(vms, "VM"), Plural.of(s.vaults().size(), "vault"), Plural.of(items, "protected machine"),
                    fromModel ? " (everything as declared)" : percent != null ? " (" + percent + "% protected, with drift)" : " (nothing protected yet)");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "generate", description = "Write a large estate for benchmarks: N machines with 4 disks over F files (blocks: one block per machine; table: a CSV inventory and a loop).")
    static final class Generate extends BaseCommand {
        @Option(names = "--machines", defaultValue = "10000", description = "Number of machines (default: ${DEFAULT-VALUE}).")
        int machines;

        @Option(names = "--files", defaultValue = "100", description = "Number of definition files, one site each (default: ${DEFAULT-VALUE}).")
        int files;

        @Option(names = "--style", defaultValue = "blocks", description = "blocks or table (default: ${DEFAULT-VALUE}).")
        Simulator.Style style;

        @Parameters(paramLabel = "OUTDIR", description = "Folder to write into (created).")
        Path dir;

        @Override public Integer call() throws Exception {
            if (machines < 1 || files < 1) throw new Siteplan.UserError("--machines and --files must be at least 1");
            long bytes = Providers.simulator().generate(dir, machines, files, style);
            spec.commandLine().getOut().printf("Wrote %s in %s to %s (%s, %s style).%n", Plural.of(machines, "machine"), Plural.of(Math.min(files, machines), "file"), dir, new siteplan.units.DataSize(bytes).human(), OptionValues.word(style));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
