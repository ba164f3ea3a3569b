package siteplan.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import siteplan.model.Estate;
import siteplan.dsl.load.DefinitionLoader;

@Command(name = "validate", description = "Check definitions (.groovy, .yaml, .json files or folders of them) and report every problem with its file and line.")
final class ValidateCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders.")
    List<String> paths;

    @Override public Integer call() {
        long t0 = System.nanoTime();
        DefinitionLoader.Loaded loaded = DefinitionLoader.load(paths);
        if (siteplan.diag.PhaseTimings.ON) {
            spec.commandLine().getErr().printf("timing: load %d ms (groovy compile %d ms, groovy run %d ms, summed over threads)%n",
                    (System.nanoTime() - t0) / 1_000_000, siteplan.dsl.GroovyLoader.COMPILE_NANOS.get() / 1_000_000, siteplan.dsl.GroovyLoader.RUN_NANOS.get() / 1_000_000);
        }
        Estate e = loaded.estate();
        long disks = e.machines().stream().mapToLong(m -> m.disks().size()).sum();
        List<String> parts = new java.util.ArrayList<>();
        parts.add(count(e.machines().size(), "machine") + " (" + count(disks, "disk") + ")");
        addIf(parts, e.azure().size(), "Azure target");
        addIf(parts, e.vmwareSites().size(), "VMware site");
        addIf(parts, e.vmmSites().size(), "VMM site");
        addIf(parts, e.replicationPolicies().size() + e.hyperVPolicies().size(), "policy", "policies");
        addIf(parts, e.protectionGroups().size(), "protection group");
        addIf(parts, e.recoveryPlans().size(), "recovery plan");
        // The definition itself is valid; whether this runner would send it credentials is the runner's
        // configuration, so validate warns and plan refuses.
        loaded.notes().forEach(n -> spec.commandLine().getErr().println("Note: " + n + "."));
        for (String u : PlanningInputs.untrusted(loaded)) spec.commandLine().getErr().println("siteplan: warning: " + u);
        spec.commandLine().getOut().printf("%s: valid — %s; %s%n", String.join(" ", paths), count(loaded.files().size(), "file"), String.join(", ", parts));
        return ExitCode.OK;
    }

    private static void addIf(List<String> parts, long n, String one) {
        addIf(parts, n, one, one + "s");
    }

    private static void addIf(List<String> parts, long n, String one, String many) {
        if (n > 0) parts.add(count(n, one, many));
    }

    static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
