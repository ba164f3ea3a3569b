package siteplan.diag;

import java.io.PrintWriter;

/**
 * Phase timings on standard error with -Dsiteplan.timing=true, for benchmarks and for finding where a slow run spends
 * its time; silent otherwise. One helper for every layer, so the lines read alike ("timing: PHASE N ms").
 */
public final class PhaseTimings {
    public static final boolean ON = Boolean.getBoolean("siteplan.timing");
    private final PrintWriter err;
    private final String prefix;
    private long last = System.nanoTime();

    private PhaseTimings(PrintWriter err, String prefix) {
        this.err = err;
        this.prefix = prefix;
    }

    /** Timings of a command's phases; the first line says how long the JVM took to reach it. */
    public static PhaseTimings command(PrintWriter err) {
        PhaseTimings t = new PhaseTimings(err, "");
        if (ON) {
            long sinceStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            err.printf("timing: jvm-start %d ms%n", sinceStart);
        }
        return t;
    }

    /** Timings of the steps inside one phase, indented under it and named "PHASE.step". */
    public static PhaseTimings steps(String phase) {
        return new PhaseTimings(new PrintWriter(System.err, true), "  " + phase + ".");
    }

    public void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        err.printf("timing: %s%s %d ms%n", prefix, phase, (now - last) / 1_000_000);
        err.flush();
        last = now;
    }
}
