package siteplan.cli;

import java.io.PrintWriter;

/** Phase timings on standard error with -Dsiteplan.timing=true, for benchmarks; silent otherwise. */
final class Timing {
    private static final boolean ON = Boolean.getBoolean("siteplan.timing");
    private final PrintWriter err;
    private long last = System.nanoTime();

    Timing(PrintWriter err) {
        this.err = err;
        if (ON) {
            long sinceStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            err.printf("timing: jvm-start %d ms%n", sinceStart);
        }
    }

    void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        err.printf("timing: %s %d ms%n", phase, (now - last) / 1_000_000);
        err.flush();
        last = now;
    }
}
