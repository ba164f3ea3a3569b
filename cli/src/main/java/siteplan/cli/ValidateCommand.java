package siteplan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import siteplan.model.Estate;
import siteplan.schema.DefinitionLoader;

@Command(name = "validate", description = "Check definitions (.groovy, .yaml, .json files or folders of them) and report every problem with its file and line.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders.")
    List<String> paths;

    @Spec
    CommandSpec spec;

    @Override public Integer call() {
        DefinitionLoader.Loaded loaded = DefinitionLoader.load(paths);
        Estate e = loaded.estate();
        long disks = e.machines().stream().mapToLong(m -> m.disks().size()).sum();
        spec.commandLine().getOut().printf("%s: valid — %s; %s, %s, %s, %s (%d disks), %s, %s, %s%n",
                String.join(" ", paths), count(loaded.files().size(), "file"),
                count(e.azure().size(), "Azure target"), count(e.vmwareSites().size(), "VMware site"), count(e.vmmSites().size(), "VMM site"),
                count(e.machines().size(), "machine"), disks,
                count(e.replicationPolicies().size() + e.hyperVPolicies().size(), "policy", "policies"),
                count(e.protectionGroups().size(), "protection group"), count(e.recoveryPlans().size(), "recovery plan"));
        return ExitCode.OK;
    }

    static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
