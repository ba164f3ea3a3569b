package siteplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.planner.provider.Provider;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.StateFiles;
import siteplan.dsl.load.DefinitionLoader;

/**
 * Shows what exists, as the providers the definition names report it, in the discovered-state form
 * the planner reads (and a simulated estate stores): a real vCenter's inventory can seed a simulation.
 */
@Command(name = "discover", description = "Show what exists at the estate's sites and targets, read through the providers the definition declares.")
final class DiscoverCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders.")
    List<String> paths;

    @Mixin
    StateOption state;

    @Option(names = {"--json", "-json"}, description = "Print the discovered state as JSON (the form of a simulated estate's state.json).")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the discovered state as JSON to FILE (replaced whole, never half-written).")
    Path output;

    @Override public Integer call() throws Exception {
        Path stateDir = state.resolve(paths);
        DefinitionLoader.Loaded loaded = DefinitionLoader.load(paths);
        Provider provider = PlanningInputs.provider(stateDir);
        DiscoveredState discovered = PlanningInputs.discover(provider, loaded);
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            AtomicFiles.write(output, StateFiles.toJson(discovered));
        }
        if (json) {
            out.print(StateFiles.toJson(discovered));
        } else {
            summary(out, provider.describe(), discovered);
            if (output != null) out.println("Wrote the discovered state to " + output + ".");
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void summary(PrintWriter out, String from, DiscoveredState d) {
        out.println("Discovered from " + from + ":");
        for (var v : d.vcenters()) {
            out.println("  site " + v.site() + ": vCenter " + v.address() + (v.version() == null ? "" : " " + v.version()) + ", datacenter " + v.datacenter() + ": "
                    + n(v.hosts().size(), "host") + ", " + n(v.datastores().size(), "datastore") + ", " + n(v.networks().size(), "network") + ", " + n(v.vms().size(), "VM"));
        }
        for (var v : d.vmms()) {
            out.println("  site " + v.site() + ": VMM " + v.server() + ": " + n(v.clouds().size(), "cloud") + ", " + n(v.hosts().size(), "host") + ", " + n(v.vms().size(), "VM"));
        }
        for (var a : d.azure()) {
            out.println("  target " + a.target() + ": subscription " + a.subscription() + " in " + a.region() + ": " + n(a.networks().size(), "virtual network") + ", "
                    + n(a.storageAccounts().size(), "storage account")
                    + (a.vms().isEmpty() && a.publicIps().isEmpty() ? "" : ", " + n(a.vms().size(), "VM") + ", " + n(a.publicIps().size(), "public IP address", "public IP addresses")));
        }
        for (var v : d.vaults()) {
            out.println("  vault " + v.name() + " (" + v.target() + "): " + n(v.fabrics().size(), "fabric") + ", " + n(v.policies().size(), "policy", "policies") + ", "
                    + n(v.protectedItems().size(), "protected item") + ", " + n(v.recoveryPlans().size(), "recovery plan"));
        }
    }

    private static String n(int count, String one) {
        return n(count, one, one + "s");
    }

    private static String n(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
