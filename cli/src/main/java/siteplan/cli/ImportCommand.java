package siteplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.dsl.load.DefinitionLoader;
import siteplan.model.json.EstateWriter;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.EstateImport;

/**
 * {@code siteplan import SEED -o FILE}: a definition written from what exists. The seed declares the Azure targets and
 * sites to read (how to reach them: the vault, the vCenter and their credentials as references); discovery reads
 * the rest, from the simulated estate or from Azure and vCenter where the seed says provider 'azure' or 'vsphere'.
 * The file written plans with no changes against the estate it came from.
 */
@Command(name = "import", description = {"Write a definition (YAML) from a discovered estate: its vault's servers, policies, mappings, protected machines and recovery plans.",
        "SEED declares the Azure targets and sites to read; the written file plans with no changes against the same estate."})
final class ImportCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "SEED", description = "Definition files or folders declaring the Azure targets and sites to import.")
    List<String> paths;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The definition to write (.yaml); replaced whole, never half-written.")
    Path output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Mixin
    StateOption state;

    /** The written text read back as a definition: what the definition rules refuse is refused here, naming the field. */
    private siteplan.model.Estate check(String yaml) throws java.io.IOException {
        Path dir = Files.createTempDirectory("siteplan-import");
        Path probe = dir.resolve(output.getFileName().toString());
        try {
            Files.writeString(probe, yaml);
            return DefinitionLoader.load(List.of(probe.toString())).estate();
        } catch (siteplan.diag.InvalidDefinitionException ex) {
            StringBuilder b = new StringBuilder("what discovery reported cannot be written as a valid definition; nothing was written:");
            ex.problems().forEach(pr -> b.append("\n  (").append(output).append(pr.location() != null && pr.location().line() > 0 ? ", line " + pr.location().line() : "").append(") ").append(pr.message()));
            throw new Siteplan.UserError(b.toString());
        } finally {
            Files.deleteIfExists(probe);
            Files.deleteIfExists(dir);
        }
    }

    @Override public Integer call() throws Exception {
        String name = output.getFileName() == null ? "" : output.getFileName().toString();
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new Siteplan.UserError("import writes a YAML definition: name the output FILE.yaml (got " + output + "); nothing was written.");
        }
        if (Files.exists(output) && !force) {
            throw new Siteplan.UserError(output + " exists; import replaces a file only with --force. Nothing was written.");
        }
        Path stateDir = state.resolve(paths);
        DefinitionLoader.Loaded seed = DefinitionLoader.load(paths);
        if (seed.estate().azure().isEmpty()) {
            throw new Siteplan.UserError("the seed " + String.join(", ", paths) + " declares no Azure target; declare the vault to import with azure('name') { subscription …; vault … }. Nothing was written.");
        }
        siteplan.planner.provider.Provider provider = PlanningInputs.provider(stateDir);
        DiscoveredState discovered = PlanningInputs.discover(provider, seed);
        EstateImport.Result imported;
        try {
            imported = EstateImport.of(seed.estate(), discovered);
        } catch (IllegalArgumentException e) {
            throw new Siteplan.UserError(e.getMessage() + "; nothing was written.");
        }
        String yaml = EstateWriter.write(imported.estate(), EstateWriter.Format.YAML);
        // Checked as any definition is, and diffed against what was discovered, before anything is written.
        siteplan.model.Estate checked = check(yaml);
        List<String> left = siteplan.planner.diff.Differ.diff(checked, discovered,
                        target -> siteplan.planner.rules.Profiles.bundled().ofTarget(checked, target).diskGrow()).stream()
                .filter(c -> c.action() != siteplan.planner.diff.Action.NO_OP).map(c -> c.action().token() + " " + c.address()).toList();
        AtomicFiles.write(output, yaml);
        var e = imported.estate();
        out().println("Imported from " + provider.describe() + ": " + siteplan.text.Plural.of(e.machines().size(), "protected machine") + " in "
                + siteplan.text.Plural.of(e.protectionGroups().size(), "protection group") + ", " + e.replicationPolicies().size() + (e.replicationPolicies().size() == 1 ? " policy" : " policies")
                + ", " + siteplan.text.Plural.of(e.recoveryPlans().size(), "recovery plan") + " → " + output);
        imported.notes().forEach(n -> out().println("Note: " + n + "."));
        // The written file finds the same estate only through the state folder it came from.
        Path besideOutput = StateOption.besideDefinition(List.of(output.toString()));
        String locate = besideOutput.toAbsolutePath().normalize().equals(stateDir.toAbsolutePath().normalize()) || !Files.isDirectory(stateDir) ? ""
                : " --state " + PrintedCommand.quote(stateDir.toString());
        if (left.isEmpty()) {
            out().println("Plan it (no changes expected): siteplan plan " + PrintedCommand.quote(output.toString()) + locate);
        } else {
            out().println("Note: planned against the estate it came from, the written definition still changes " + left.size() + ": " + String.join(", ", left)
                    + " — what discovery reports of them cannot be written as declared; review them before applying.");
            out().println("Plan it: siteplan plan " + PrintedCommand.quote(output.toString()) + locate);
        }
        out().flush();
        return ExitCode.OK;
    }
}
