package siteplan.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Override public Integer call() throws Exception {
        List<String> def = path == null ? List.of() : List.of(path);
        if (historyOptions.estate == null && path == null) throw new Siteplan.UserError("name the estate: siteplan force-unlock ID PATH, or --estate NAME");
        String estate = historyOptions.estateName(def);
        if (!historyOptions.exists(state.resolve(def))) throw new Siteplan.UserError("estate '" + estate + "' is not locked");
        try (History h = historyOptions.open(state.resolve(def))) {
            EstateLock.Holder was;
            try {
                was = EstateLock.forceUnlock(h, estate, id);
            } catch (java.io.IOException e) {
                throw new Siteplan.UserError(e.getMessage());
            }
            spec.commandLine().getOut().println("Removed the lock of '" + estate + "' held by " + was.describe() + ".");
            return ExitCode.OK;
        }
    }
}
