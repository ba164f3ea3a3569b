package siteplan.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.executor.history.EstateLock;
import siteplan.executor.history.History;

@Command(name = "force-unlock", description = "Remove an estate's lock left by a run that is gone for good. Give the lock ID the lock message shows; the path (or --history, --history-remote) says where the lock is.")
final class ForceUnlockCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The lock ID (as printed when an apply, drill or failover found the estate locked).")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "The definition (its folder names the estate), unless --estate is given.")
    String path;

    @Mixin
    StateOption state;

    @Mixin
    HistoryOptions historyOptions;

    @Option(names = "--force", description = "Remove the lock even when its holder still runs, or runs on another machine where siteplan cannot check it, without asking.")
    boolean force;

    @Override public Integer call() throws Exception {
        List<String> def = path == null ? List.of() : List.of(path);
        if (historyOptions.estate == null && path == null) throw new Siteplan.UserError("name the estate: siteplan force-unlock ID PATH, or --estate NAME");
        // Removing a lock lets another run change the estate: only jobs of the protected branch may.
        historyOptions.refuseInPullRequestJob("force-unlock");
        String estate = historyOptions.estateName(def);
        if (!historyOptions.exists(state.resolve(def))) throw new Siteplan.UserError("estate '" + estate + "' is not locked");
        try (History h = historyOptions.open(state.resolve(def))) {
            EstateLock.Found lock;
            try {
                lock = EstateLock.find(h, estate, id);
            } catch (History.RemoteUnreachable e) {
                throw e;
            } catch (java.io.IOException e) {
                throw new Siteplan.UserError(e.getMessage());
            }
            EstateLock.Holder holder = lock.holder();
            // As the kill -9 takeover does: a holder whose process is gone from this host is safe to remove; one that runs is not.
            switch (holder.liveness()) {
                case GONE -> { }
                case RUNNING -> {
                    if (!force) {
                        spec.commandLine().getErr().println("siteplan: not removing the lock of '" + estate + "': it is held by " + holder.describe() + ", whose process "
                                + holder.pid() + " still runs on this host. Removing it would let a second run change the estate beside it: wait for it to finish,"
                                + " or stop it; to remove the lock anyway, run: siteplan force-unlock " + PrintedCommand.quote(id) + PrintedCommand.locating(def, state, historyOptions) + " --force");
                        return ExitCode.LOCKED;
                    }
                }
                case UNKNOWN -> {
                    if (!force && !confirmed(holder)) {
                        spec.commandLine().getErr().println("siteplan: not removing the lock of '" + estate + "': it is held by " + holder.describe() + " on host "
                                + holder.host() + ", where siteplan cannot see whether it still runs. Check there that it is gone for good; then run: siteplan force-unlock "
                                + PrintedCommand.quote(id) + PrintedCommand.locating(def, state, historyOptions) + " --force");
                        return ExitCode.LOCKED;
                    }
                }
            }
            EstateLock.remove(h, estate, lock);
            spec.commandLine().getOut().println("Removed the lock of '" + estate + "' held by " + holder.describe() + ".");
            return ExitCode.OK;
        }
    }

    /** On a terminal, asks; without one, there is no one to ask. */
    private boolean confirmed(EstateLock.Holder holder) {
        java.io.Console console = System.console();
        if (console == null || !Siteplan.terminal) return false;
        spec.commandLine().getOut().flush();
        String answer = console.readLine("The lock is held by %s on host %s, where siteplan cannot check whether it still runs.%nRemove it? Only 'yes' is accepted: ",
                holder.describe(), holder.host());
        return "yes".equals(answer == null ? null : answer.trim());
    }
}
