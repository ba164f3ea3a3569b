package siteplan.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import siteplan.executor.provider.ExecutionClock;
import siteplan.model.json.ModelJson;

/**
 * The simulated estate's modelled clock: simulated time moves only when someone waits for a modelled
 * duration, never with the wall time the machine spends computing, so a run reports the same simulated
 * durations on a fast and a slow machine. A wait of d moves the clock to (the time at the wait) + d,
 * unless another wait already took it further: waits running side by side overlap, as they would in
 * the estate. {@code speed} only paces a wait for whoever watches (d / speed of real time), so a
 * 14-hour initial replication takes seconds, and a low speed makes a run last long enough to interrupt.
 * It never goes back: each process continues from the later of the wall clock and the simulated time
 * the last one saved (clock.json in the state folder), so jobs started by an earlier, perhaps killed,
 * run finish on the same timeline.
 */
public final class SimClock implements ExecutionClock {
    /** Default speed: 10,000x (a 14-hour initial replication takes 5 s). SITEPLAN_SIM_SPEED overrides it. */
    public static final double DEFAULT_SPEED = 10_000;

    private final double speed;
    private final AtomicReference<Instant> now;
    private final Path file;

    public SimClock(Path stateDir, double speed) {
        this.speed = speed;
        this.file = stateDir.resolve("clock.json");
        Instant saved = read(file);
        Instant wall = Instant.now();
        this.now = new AtomicReference<>(saved != null && saved.isAfter(wall) ? saved : wall);
    }

    public static double speedFrom(java.util.Map<String, String> env) {
        String s = env.get("SITEPLAN_SIM_SPEED");
        if (s == null || s.isBlank()) return DEFAULT_SPEED;
        try {
            double v = Double.parseDouble(s.trim());
            if (v >= 1) return v;
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new IllegalArgumentException("SITEPLAN_SIM_SPEED must be a number of at least 1 (simulated seconds per real second), not '" + s + "'");
    }

    public double speed() {
        return speed;
    }

    @Override public boolean simulated() {
        return true;
    }

    @Override public java.util.Optional<String> pace() {
        return speed > 1 ? java.util.Optional.of("simulated clock at " + (long) speed + "x") : java.util.Optional.empty();
    }

    @Override public Instant now() {
        return now.get();
    }

    /**
     * Waits d of simulated time: paces it with d / speed of real time, then moves the clock to the time at
     * the call plus d, or leaves it where a longer wait alongside took it. An interrupt ends the wait with
     * the clock where it was.
     */
    @Override public void sleep(Duration simulated) throws InterruptedException {
        Duration d = simulated.isNegative() ? Duration.ZERO : simulated;
        Instant target = now.get().plus(d);
        // In seconds first: a wait longer than 292 years does not fit in nanoseconds (a cast saturates where toNanos throws).
        long realNanos = (long) Math.ceil((d.getSeconds() * 1e9 + d.getNano()) / speed);
        // parkNanos rather than Thread.sleep: at a million times faster a 10 s poll is 10 µs, and
        // Thread.sleep would round every one up to a millisecond.
        long deadline = System.nanoTime() + realNanos;
        for (long left = realNanos; ; left = deadline - System.nanoTime()) {
            if (Thread.interrupted()) throw new InterruptedException("interrupted while waiting " + d + " of simulated time");
            if (left <= 0) break;
            LockSupport.parkNanos(this, left);
        }
        now.accumulateAndGet(target, (current, t) -> t.isAfter(current) ? t : current);
    }

    /** Saves the simulated time so the next process continues from it. */
    public synchronized void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".clock", ".tmp");
            Files.writeString(tmp, "{\"simulatedNow\":\"" + now() + "\"}\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save the simulated clock in " + file, e);
        }
    }

    private static Instant read(Path file) {
        if (!siteplan.planner.state.StateFolder.isFile(file.getParent() == null ? Path.of("") : file.getParent(), file.getFileName().toString())) return null;
        try {
            JsonNode n = ModelJson.JSON.readTree(siteplan.planner.state.StateFolder.read(file.getParent() == null ? Path.of("") : file.getParent(), file.getFileName().toString()));
            return Instant.parse(n.path("simulatedNow").asText());
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return null; // an unreadable clock restarts at wall time: jobs then finish sooner, never later
        }
    }
}
