package siteplan.executor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The executor's thread pools (apply's operations, a recovery plan's machines, a failback stage's machines):
 * a fixed number of daemon threads, named for their job so a thread dump says whose they are. Daemon,
 * because a provider call that never returns must not keep the process alive once the run has recorded itself.
 */
public final class WorkerPool {
    private WorkerPool() {}

    /** At least one thread, at most {@code size}. */
    public static ExecutorService fixed(int size, String name) {
        return Executors.newFixedThreadPool(Math.max(1, size), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
