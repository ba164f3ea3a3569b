package siteplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the state of the simulated estate lives, one rule for every command that reads or writes it
 * (sim init, plan, apply, drill, failover and the stages after it, discover, history, force-unlock):
 * <ol>
 *   <li>{@code --state DIR} when it is given;</li>
 *   <li>else the folder {@code .siteplan} in the definition's folder: PATH itself when it is a folder, the
 *       folder of PATH when it is a file (the first PATH when there are several). A command whose PATH is
 *       optional (history, force-unlock) takes the working directory as that folder when none is given.</li>
 * </ol>
 * As with Terraform's state beside its configuration: an estate's state travels with its definition
 * (the examples commit theirs), so the same definition finds the same state from whatever folder a
 * command is started in, and `sim init PATH` writes exactly where `plan PATH` reads. There is no
 * fallback to another folder: a state found in one place by one command and in another by the next is
 * how a plan came to be made against one estate and applied to another.
 */
final class StateOption {
    static final String FOLDER = ".siteplan";

    @Option(names = "--state", paramLabel = "DIR", description = "State folder of the simulated estate (default: " + FOLDER
            + " in the definition's folder: PATH, or the folder of the file PATH; the working directory when a command is given no PATH).")
    Path state;

    /** The state folder for a command given these definition paths (see the class comment). */
    Path resolve(List<String> paths) {
        if (state != null) return state.normalize();
        Path beside = besideDefinition(paths);
        // Found, not given: it comes with the definition, so it must be a real folder inside it.
        siteplan.planner.state.StateFolder.checkFolder(beside);
        return beside;
    }

    /** True when --state was given: a command printed for the person to run must repeat it. */
    boolean given() {
        return state != null;
    }

    static Path besideDefinition(List<String> paths) {
        if (paths == null || paths.isEmpty()) return Path.of(FOLDER);
        Path p = Path.of(paths.get(0)).normalize();
        Path dir = Files.isDirectory(p) ? p : p.getParent();
        return dir == null || dir.toString().isEmpty() ? Path.of(FOLDER) : dir.resolve(FOLDER);
    }
}
