package siteplan.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import siteplan.executor.provider.ExecutionClock;
import siteplan.model.json.ModelJson;

/**
 * The simulated estate's accelerated clock: simulated time runs {@code speed} times faster than wall
 * time, so a 14-hour initial replication takes seconds. It never runs behind the wall clock and never
 * goes back: each process continues from the simulated time the last one saved (clock.json in the
 * state folder), so jobs started by an earlier, perhaps killed, run finish on the same timeline.
 */
public final class SimClock implements ExecutionClock {
    /** Default speed: 10,000x (a 14-hour initial replication takes 5 s). SITEPLAN_SIM_SPEED overrides it. */
    public static final double DEFAULT_SPEED = 10_000;

    private final double speed;
    private final long realStartNanos = System.nanoTime();
    private final Instant simulatedStart;
    private final Path file;

    public SimClock(Path stateDir, double speed) {
        this.speed = speed;
        this.file = stateDir.resolve("clock.json");
        Instant saved = read(file);
        Instant wall = Instant.now();
        this.simulatedStart = saved != null && saved.isAfter(wall) ? saved : wall;
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
        long realNanos = System.nanoTime() - realStartNanos;
        return simulatedStart.plusNanos((long) (realNanos * speed));
    }

    @Override public void sleep(Duration simulated) throws InterruptedException {
        long realMillis = (long) Math.ceil(simulated.toMillis() / speed);
        Thread.sleep(Math.max(1, realMillis));
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
