package siteplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import siteplan.executor.run.RunFrame;

/**
 * Opens the executor's {@link RunFrame} for a command that changes the estate: history where the
 * command's options put it, notes on standard error, and a run that cannot start as a user error.
 */
final class LockedRun {
    private LockedRun() {}

    static RunFrame start(HistoryOptions options, LockTimeoutOption lockTimeout, Path stateDir, String estate, String identity, String kind, PrintWriter err,
                          String locating) throws IOException {
        return start(options, lockTimeout, stateDir, estate, identity, kind, err, locating, () -> {});
    }

    /**
     * As above, with a check that runs once the lock is held and before the run begins (see {@link RunFrame#start}).
     * {@code locating} ({@link PrintedCommand#locating}) ends the commands the frame prints, so they run as printed.
     */
    static RunFrame start(HistoryOptions options, LockTimeoutOption lockTimeout, Path stateDir, String estate, String identity, String kind, PrintWriter err,
                          String locating, Runnable underLock) throws IOException {
        return RunFrame.start(options.open(stateDir), new RunFrame.Setup(estate, identity, kind, options.push, Siteplan.env(), err::println, Siteplan.UserError::new,
                lockTimeout.wait, locating, stateDir), underLock);
    }
}
