package siteplan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import siteplan.executor.history.History;

/** Where history goes: --history DIR (default STATE/history), --history-remote URL, --history-branch, --push. */
final class HistoryOptions {
    @Option(names = "--history", paramLabel = "DIR", description = "History repository (default: history in the state folder, e.g. .siteplan/history).")
    Path dir;

    @Option(names = "--history-remote", paramLabel = "URL", description = "Git remote that receives history (--push) and holds the estate lock; default $SITEPLAN_HISTORY_REMOTE.")
    String remote;

    @Option(names = "--history-branch", paramLabel = "NAME", description = "Branch of the history (default: " + History.DEFAULT_BRANCH + ", or $SITEPLAN_HISTORY_BRANCH).")
    String branch;

    @Option(names = "--push", description = "Push the history commit to the remote.")
    boolean push;

    @Option(names = "--estate", paramLabel = "NAME", description = "Name of the estate in history and messages (default: the definition's folder name); the lock is keyed on the estate itself, not on this name.")
    String estate;

    Path where(Path stateDir) {
        return dir != null ? dir : stateDir.resolve("history");
    }

    String remoteUrl() {
        String r = remote != null ? remote : Siteplan.env().get("SITEPLAN_HISTORY_REMOTE");
        return r == null || r.isBlank() ? null : r;
    }

    /** True when there is a history to read: a local repository, or a remote to clone it from. */
    boolean exists(Path stateDir) {
        return remoteUrl() != null || java.nio.file.Files.isDirectory(where(stateDir).resolve(".git"));
    }

    History open(Path stateDir) {
        Path where = where(stateDir);
        String r = remoteUrl();
        String b = branch != null ? branch : Siteplan.env().get("SITEPLAN_HISTORY_BRANCH");
        try {
            return History.open(where, b, r, Siteplan.env());
        } catch (IOException | RuntimeException e) {
            throw new Siteplan.UserError("cannot open the history repository " + where + " (" + e.getMessage() + "); it may be damaged: check it with `git -C "
                    + where + " fsck`, or move it aside to start a new history. Nothing was changed.");
        }
    }

    /** The estate's name: --estate, else the first definition path's folder (or file) name. */
    String estateName(List<String> definition) {
        if (estate != null) return estate;
        if (definition == null || definition.isEmpty()) return "estate";
        Path p = Path.of(definition.get(0)).toAbsolutePath().normalize();
        Path named = java.nio.file.Files.isDirectory(p) ? p : p.getParent();
        String n = named.getFileName() == null ? "estate" : named.getFileName().toString();
        return n.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
