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

    @Option(names = "--push", description = "Push the history commit to the remote (with `history`: push the local history).")
    boolean push;

    @Option(names = "--estate", paramLabel = "NAME", description = "Name of the estate in history and messages (default: the definition's folder name); the lock is keyed on the estate itself, not on this name.")
    String estate;

    /**
     * The history folder. The default one lies in the state folder, which comes with the definition: it must
     * be a real folder there, not a link (checked by StateFolder.entry). Either way, an existing folder must
     * be a history repository or empty: siteplan would otherwise start a repository in someone else's
     * folder and commit its files.
     */
    Path where(Path stateDir) {
        Path where = dir != null ? dir : siteplan.planner.state.StateFolder.entry(stateDir, "history");
        checkRepository(where);
        return where;
    }

    static void checkRepository(Path where) {
        if (!java.nio.file.Files.exists(where, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (!java.nio.file.Files.isDirectory(where)) {
            throw new Siteplan.UserError("the history folder " + where + " is not a folder; move it aside, or pass --history DIR or --no-history. Nothing was changed.");
        }
        Path git = where.resolve(".git");
        if (java.nio.file.Files.isDirectory(git, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        boolean empty;
        try (var s = java.nio.file.Files.list(where)) {
            empty = s.findAny().isEmpty();
        } catch (IOException e) {
            throw new Siteplan.UserError("the history folder " + where + " cannot be read (" + e.getMessage() + "). Nothing was changed.");
        }
        if (!empty || java.nio.file.Files.exists(git, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new Siteplan.UserError("the history folder " + where + " is not a siteplan history repository (it has files but no .git folder"
                    + (java.nio.file.Files.exists(git, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? " of its own" : "") + "); siteplan records history only in a repository it made, or in an empty folder:"
                    + " move the folder aside, or pass --history DIR or --no-history. Nothing was changed.");
        }
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
        return open(stateDir, "Nothing was changed.");
    }

    /** As above; {@code consequence} says what a history that cannot be opened leaves behind. */
    History open(Path stateDir, String consequence) {
        Path where = where(stateDir);
        String r = remoteUrl();
        String b = branch != null ? branch : Siteplan.env().get("SITEPLAN_HISTORY_BRANCH");
        try {
            return History.open(where, b, r, Siteplan.env());
        } catch (History.RemoteUnreachable e) {
            throw new Siteplan.UserError(e.getMessage() + ". " + consequence);
        } catch (IOException | RuntimeException e) {
            throw new Siteplan.UserError("cannot open the history repository " + where + " (" + e.getMessage() + "); it may be damaged: check it with `git -C "
                    + where + " fsck`, or move it aside to start a new history. " + consequence);
        }
    }

    /**
     * With a history remote, makes the state folder hold the newest state the history branch recorded for
     * this estate before the command reads it (see {@link siteplan.executor.history.RecordedState}: history
     * wins), and says so on {@code err} when it replaced what the folder held. A remote that cannot be used
     * stops the command, unless {@code orWarn}: a plan is then made against the state folder as it is, with a
     * warning (its apply compares the state again, and refuses a plan made against another).
     */
    void takeRecordedState(Path stateDir, List<String> definition, java.io.PrintWriter err, boolean orWarn) {
        if (remoteUrl() == null) return;
        String name = estateName(definition);
        Path where = where(stateDir);
        String b = branch != null ? branch : Siteplan.env().get("SITEPLAN_HISTORY_BRANCH");
        try (History h = History.open(where, b, remoteUrl(), Siteplan.env())) {
            siteplan.executor.history.RecordedState.take(h, stateDir, name, u -> {
                err.println("Warning: " + u.entry().kind() + " run " + u.entry().run() + " (" + u.entry().commit().substring(0, 12) + ") in the history branch " + h.branch()
                        + " claims to record the state of '" + name + "', but " + u.why() + ": siteplan never writes such a record, so it is not taken. Whoever can push to that branch wrote it;"
                        + " see who with `git -C " + where + " log -1 --format=fuller " + u.entry().commit().substring(0, 12) + "`.");
                err.flush();
            }).ifPresent(t -> {
                History.Entry r = t.record();
                err.println("Note: the state of '" + name + "' is the one " + r.kind() + " run " + r.run() + " (" + r.commit().substring(0, 12) + ", " + r.time()
                        + ") recorded in the history branch " + h.branch() + " of " + h.remote() + "; it replaced, in " + stateDir + ", "
                        + t.replaced().map(c -> "the older recorded state " + c.substring(0, 12)).orElse("a state never recorded in history (a checkout's)") + ".");
                err.flush();
            });
        } catch (History.RemoteUnreachable e) {
            if (!orWarn) throw new Siteplan.UserError(e.getMessage() + ". Nothing was changed.");
            err.println("Warning: the recorded state of '" + name + "' could not be read: " + e.getMessage() + ". This plan is made against " + stateDir
                    + " as it is; applying it is refused if the recorded state differs.");
            err.flush();
        } catch (IOException | RuntimeException e) {
            if (e instanceof Siteplan.UserError u) throw u;
            throw new Siteplan.UserError("cannot take the recorded state of '" + name + "' from the history remote into " + stateDir + " (" + e.getMessage()
                    + "); check that the state folder and the history repository " + where + " are writable (`git -C " + where + " fsck` checks the repository). Nothing was changed.");
        }
    }

    /**
     * With a history remote, refuses {@code what} (apply, drill, failover…, history --push) in a pull-request
     * job before it reads or plans anything: those write the history branch and the lock (see {@link PullRequestJob}).
     */
    void refuseInPullRequestJob(String what) {
        if (remoteUrl() != null) PullRequestJob.of(Siteplan.env()).ifPresent(job -> job.refuse(what));
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
