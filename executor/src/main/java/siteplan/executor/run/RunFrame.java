package siteplan.executor.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import siteplan.executor.history.EstateLock;
import siteplan.executor.history.History;
import siteplan.executor.history.RecordedState;
import siteplan.units.Durations;

/**
 * The frame of every run that changes the estate (apply, drill, failover…): commit what interrupted
 * runs left behind, take the estate lock, open the run's folder in history; at the end commit it,
 * push if asked, release the lock. Ctrl-C asks the run to stop (the hook waits until the run has
 * cleaned up and recorded itself); kill -9 leaves the journal and a lock the next run takes over.
 */
public final class RunFrame implements AutoCloseable {
    /**
     * Who runs and how the frame speaks: {@code notes} takes what the person should know (a run found
     * interrupted, a lock taken over, a lock left behind); {@code refused} turns a reason the run cannot
     * start (nothing was changed) into the exception the caller reports. {@code lockWait} is how long to
     * wait for a lock another run holds (zero: refuse at once), as a CI queue needs; {@code locating} ends
     * every siteplan command the frame prints (" PATH --state DIR …", or empty), so that it runs as printed
     * from the working directory and finds this estate's history and lock. {@code stateDir} is the state
     * folder whose simulated estate the run's commit records ({@link RecordedState}), or null for none.
     */
    public record Setup(String estate, String identity, String kind, boolean push, Map<String, String> env,
                        Consumer<String> notes, Function<String, RuntimeException> refused, Duration lockWait, String locating, Path stateDir) {
        public Setup {
            if (lockWait == null || lockWait.isNegative()) throw new IllegalArgumentException("lockWait must be zero or positive");
            if (locating == null) throw new IllegalArgumentException("locating must be a string, empty when nothing locates the estate");
        }

        public Setup(String estate, String identity, String kind, boolean push, Map<String, String> env,
                     Consumer<String> notes, Function<String, RuntimeException> refused, Duration lockWait) {
            this(estate, identity, kind, push, env, notes, refused, lockWait, "", null);
        }
    }

    /** How often a run waiting for the lock looks again: often enough for a queue, rarely enough for a git server. */
    static final Duration POLL = Duration.ofSeconds(1);

    /** A siteplan command line for the person to run, e.g. command("history show 1a2b3c"), that finds this run's estate. */
    public String command(String words) {
        return "siteplan " + words + setup.locating();
    }

    private final History history;
    private final History.Run run;
    private final EstateLock lock;
    private final String lockId;
    private final Setup setup;
    private final CountDownLatch finished = new CountDownLatch(1);
    private Thread hook;
    private volatile Runnable onInterrupt = () -> {};

    private RunFrame(History history, History.Run run, EstateLock lock, String lockId, Setup setup) {
        this.history = history;
        this.run = run;
        this.lock = lock;
        this.lockId = lockId;
        this.setup = setup;
    }

    /**
     * Opens the frame on {@code history}, which it owns from here on (closed with the frame, or at once if
     * the run cannot start). {@code underLock} runs once the lock is held and before the run begins: a
     * check that must see the estate no other run can change (a plan still current). If it throws, the
     * lock is released and nothing is recorded.
     */
    public static RunFrame start(History history, Setup setup, Runnable underLock) throws IOException {
        try {
            try {
                history.checkWritable();
            } catch (History.Unusable e) {
                throw setup.refused().apply(e.getMessage());
            }
            for (String id : history.recoverInterrupted()) {
                setup.notes().accept("Note: run " + id + " was interrupted before it finished; its journal is now in history (siteplan history show " + id + setup.locating() + ").");
            }
            EstateLock lock = new EstateLock(history, setup.estate(), setup.identity(), setup.env());
            String holder = history.identityName() + " on " + java.net.InetAddress.getLocalHost().getHostName();
            String lockId;
            try {
                lockId = acquire(lock, holder, setup);
            } catch (EstateLock.Held held) {
                throw held.locatedBy(setup.locating());
            } catch (IOException e) {
                throw setup.refused().apply("cannot take the estate lock of '" + setup.estate() + "' (" + e.getMessage() + "); "
                        + (history.remote() != null ? "check that the history remote " + history.remote() + " is reachable and accepts pushes, and " : "check ")
                        + "that the lock folder (SITEPLAN_LOCK_DIR, else siteplan-locks in the temporary folder) is writable. Nothing was changed.");
            }
            lock.takenOver().ifPresent(h -> setup.notes().accept("Note: took over the lock of " + h.describe() + ": its process " + h.pid() + " is no longer running on this host."));
            try {
                requireNewestState(history, setup);
                underLock.run();
            } catch (RuntimeException e) {
                lock.release(lockId);
                throw e;
            }
            History.Run run;
            try {
                run = history.begin(setup.kind(), setup.estate());
            } catch (IOException | RuntimeException e) {
                lock.release(lockId);
                throw setup.refused().apply("cannot start a run in the history repository " + history.dir() + " (" + e.getMessage()
                        + "); check that it is writable and its disk is not full. Nothing was changed.");
            }
            RunFrame r = new RunFrame(history, run, lock, lockId, setup);
            r.installHook();
            return r;
        } catch (IOException | RuntimeException e) {
            history.close();
            throw e;
        }
    }

    /**
     * With a history remote, the state this run starts from must still be the newest the history branch
     * recorded for the estate once the lock is held: a run on another machine may have recorded one while
     * this one planned or waited (see {@link RecordedState}).
     */
    private static void requireNewestState(History history, Setup setup) {
        if (setup.stateDir() == null || history.remote() == null) return;
        java.util.Optional<History.Entry> newer;
        try {
            history.refresh();
            newer = RecordedState.newerThanHeld(history, setup.stateDir(), setup.estate());
        } catch (IOException e) {
            throw setup.refused().apply("cannot read the estate's recorded state from the history branch " + history.branch() + " of " + history.remote()
                    + " (" + e.getMessage() + "). Nothing was changed.");
        }
        newer.ifPresent(e -> {
            throw setup.refused().apply(setup.kind() + " refused: while it waited, " + e.kind() + " run " + e.run() + " (" + e.commit().substring(0, 12)
                    + ") recorded a newer state of '" + setup.estate() + "' in the history branch " + history.branch() + " of " + history.remote()
                    + ". Nothing was changed; run the command again to start from that state" + ("apply".equals(setup.kind()) ? " (a saved plan must then be made again)." : "."));
        });
    }

    /**
     * Takes the lock, waiting up to {@code setup.lockWait()} while another run holds it: one line says who
     * holds it and how long this run waits (again when the holder changes); on timeout the holder's
     * {@link EstateLock.Held} goes up as it would without waiting.
     */
    private static String acquire(EstateLock lock, String holder, Setup setup) throws IOException {
        long deadline = System.nanoTime() + setup.lockWait().toNanos();
        String announced = null;
        while (true) {
            try {
                return lock.acquire(setup.kind(), holder);
            } catch (EstateLock.Held held) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (announced != null) setup.notes().accept("Gave up waiting for the lock after " + Durations.format(setup.lockWait()) + " (--lock-timeout).");
                    throw held;
                }
                if (!held.holder.id().equals(announced)) {
                    setup.notes().accept("Waiting for the lock of '" + setup.estate() + "', held by " + held.holder.describe()
                            + " (up to " + Durations.format(setup.lockWait()) + ", --lock-timeout)…");
                    announced = held.holder.id();
                }
                try {
                    Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), TimeUnit.NANOSECONDS.toMillis(left))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw held;
                }
            }
        }
    }

    public History history() {
        return history;
    }

    /** The run's folder in history: what the run writes there is committed with it. */
    public History.Run run() {
        return run;
    }

    /**
     * Call just before the first change to the estate: from here on, a run that ends without committing
     * is recorded by the next run as interrupted. Before it, a failure (a full disk writing the plan)
     * leaves nothing behind. If the marker cannot be written, nothing has changed yet, and the run stops.
     */
    public void started() {
        try {
            run.started();
        } catch (IOException e) {
            throw setup.refused().apply("cannot write to the history repository " + history.dir() + " (" + e.getMessage()
                    + "); check that its disk is not full and it is writable. Nothing was changed.");
        }
    }

    /** What Ctrl-C does: stop starting work; the run then cleans up and records itself. */
    public void onInterrupt(Runnable r) {
        onInterrupt = r;
    }

    private void installHook() {
        hook = new Thread(() -> {
            onInterrupt.run();
            try {
                finished.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "siteplan-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private Runnable saveState = () -> {};

    /** What writes the estate, as the run left it, to the state folder before the run's commit records it ({@link siteplan.executor.provider.Operations#save}). */
    public void beforeRecording(Runnable save) {
        saveState = save;
    }

    /**
     * Commits the run, with the state it left the estate in when there is a state folder (see
     * {@link RecordedState}), and pushes it if asked; returns the commit id.
     */
    public String commit(String subject, String status, Map<String, String> trailers) throws IOException {
        Map<String, String> t = trailers;
        boolean recordsState = false;
        if (setup.stateDir() != null) {
            saveState.run();
            var at = RecordedState.capture(setup.stateDir(), run);
            if (at.isPresent()) {
                t = new java.util.LinkedHashMap<>(trailers);
                t.put(RecordedState.TRAILER, at.get());
                recordsState = true;
            }
        }
        String id = run.commit(subject, status, t);
        if (recordsState) RecordedState.mark(setup.stateDir(), id);
        if (setup.push()) history.push();
        return id;
    }

    @Override public void close() {
        if (!run.isStarted() && !run.isCommitted()) run.discard();
        try {
            lock.release(lockId);
        } catch (IOException e) {
            setup.notes().accept("siteplan: could not release the lock (" + e.getMessage() + "); remove it with: " + command("force-unlock " + lockId.substring(0, 12)));
        } finally {
            history.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for exactly this
            }
        }
    }
}
