package siteplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** --state DIR, shared by the commands that read or write the simulated estate. */
final class StateOption {
    @Option(names = "--state", paramLabel = "DIR", description = "State folder of the simulated estate (default: .siteplan beside the definition, else in the working directory).")
    Path state;

    /**
     * The explicit folder; else the .siteplan beside the first definition path, if there is one (an
     * estate's state travels with its definition); else ./.siteplan.
     */
    Path resolve(List<String> paths) {
        if (state != null) return state;
        if (!paths.isEmpty()) {
            Path p = Path.of(paths.get(0));
            Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
            Path beside = dir.resolve(".siteplan");
            // Found, not given: it comes with the definition, so it must be a real folder inside it.
            siteplan.planner.state.StateFolder.checkFolder(beside);
            if (Files.isDirectory(beside)) return beside;
        }
        siteplan.planner.state.StateFolder.checkFolder(Path.of(".siteplan"));
        return Path.of(".siteplan");
    }

    /** Where `sim init` writes: the explicit folder, else ./.siteplan. */
    Path forWriting() {
        if (state == null) siteplan.planner.state.StateFolder.checkFolder(Path.of(".siteplan"));
        return state != null ? state : Path.of(".siteplan");
    }
}
