package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import siteplan.executor.provider.ExecutionClock;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.TransientFault;
import siteplan.units.Durations;

/**
 * Site Recovery's long-running operations, polled as Resource Manager's asynchronous protocol has them,
 * in either of its two forms: an Azure-AsyncOperation URL answers 200 with a status (InProgress,
 * Succeeded, Failed, Canceled); a Location URL answers 202 while the operation runs and 200 (the job or
 * the resource) or 204 when it is done. Which form a URL is needs no remembering: the answer says.
 *
 * <p>Waits honour the Retry-After the last poll asked for, and end after {@link #limit} (env
 * SITEPLAN_AZURE_OPERATION_TIMEOUT, 6h unless set): the operation goes on in Azure, siteplan stops waiting
 * and says so. SITEPLAN_AZURE_TIME_SCALE divides every wait (a test peer runs on a fast clock; 1 unless set).
 */
final class AzureJobs implements JobOperations {
    static final Duration DEFAULT_LIMIT = Duration.ofHours(6);

    private final AzureConnection az;
    private final Duration limit;
    private final ExecutionClock clock;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    /** The Retry-After of the last poll made on this thread: the next wait is at least that long. */
    private final ThreadLocal<Duration> retryAfter = ThreadLocal.withInitial(() -> Duration.ZERO);

    AzureJobs(AzureConnection az, Map<String, String> env) {
        this.az = az;
        this.limit = limit(env);
        this.clock = new ScaledClock(scale(env), retryAfter);
    }

    static Duration limit(Map<String, String> env) {
        String text = env.get("SITEPLAN_AZURE_OPERATION_TIMEOUT");
        if (text == null || text.isBlank()) return DEFAULT_LIMIT;
        try {
            return Durations.parse(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SITEPLAN_AZURE_OPERATION_TIMEOUT '" + text + "' is not a duration such as 6h or 90m");
        }
    }

    static long scale(Map<String, String> env) {
        String text = env.get("SITEPLAN_AZURE_TIME_SCALE");
        if (text == null || text.isBlank()) return 1;
        try {
            long n = Long.parseLong(text.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new IllegalArgumentException("SITEPLAN_AZURE_TIME_SCALE '" + text + "' is not a whole number of 1 or more");
    }

    @Override public ExecutionClock clock() {
        return clock;
    }

    /** Waits for an operation a step or its cleanup needs done before it goes on. */
    Duration limit() {
        return limit;
    }

    @Override public JobStatus job(String id) {
        Instant first = started.computeIfAbsent(id, k -> clock.now());
        AzureConnection.Reply r = az.poll(id);
        retryAfter.set(retryAfter(r.retryAfter()));
        if (r.throttled()) throw new TransientFault("Resource Manager is throttling (HTTP " + r.status() + ", Retry-After " + r.retryAfter() + ") while polling " + id);
        if (r.status() == 404) return done(id, JobStatus.State.FAILED, "the operation " + id + " is unknown to Resource Manager");
        if (r.status() >= 400) return done(id, JobStatus.State.FAILED, r.error());
        JobStatus.State state = state(r);
        if (state == JobStatus.State.RUNNING) {
            if (Duration.between(first, clock.now()).compareTo(limit) > 0) {
                return done(id, JobStatus.State.FAILED, "still running after " + Durations.format(limit) + " (SITEPLAN_AZURE_OPERATION_TIMEOUT); Site Recovery goes on with it — follow it under the vault's Site Recovery jobs");
            }
            return new JobStatus(id, state, 0.5, null, null, null);
        }
        return done(id, state, state == JobStatus.State.FAILED ? failure(r.body()) : null);
    }

    private JobStatus done(String id, JobStatus.State state, String error) {
        started.remove(id);
        return new JobStatus(id, state, 1, null, null, error);
    }

    /** 202: running (Location form). 200 with a status: the Azure-AsyncOperation form. 200 with a job: its state. Else done. */
    static JobStatus.State state(AzureConnection.Reply r) {
        if (r.status() == 202) return JobStatus.State.RUNNING;
        JsonNode b = r.body();
        String status = b.hasNonNull("status") ? b.get("status").asText()
                : b.path("properties").hasNonNull("state") && b.path("type").asText("").toLowerCase(Locale.ROOT).endsWith("replicationjobs") ? b.path("properties").path("state").asText()
                : "Succeeded";
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded", "completed", "completedwithinformation" -> JobStatus.State.SUCCEEDED;
            case "failed", "canceled", "cancelled" -> JobStatus.State.FAILED;
            default -> JobStatus.State.RUNNING;
        };
    }

    /** "Code: message" from an operation status's error, or from a job's first error. */
    static String failure(JsonNode b) {
        if (b.path("error").isObject()) return b.path("error").path("code").asText("Failed") + ": " + b.path("error").path("message").asText("");
        JsonNode e = b.path("properties").path("errors").path(0).path("serviceErrorDetails");
        if (!e.isMissingNode()) return e.path("code").asText("Failed") + ": " + e.path("message").asText("");
        return "Site Recovery reports the operation " + b.path("properties").path("state").asText(b.path("status").asText("failed"));
    }

    /** Retry-After in seconds (or an HTTP date, which Resource Manager does not send; then none). */
    static Duration retryAfter(String header) {
        if (header == null) return Duration.ZERO;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /** Provider time: wall time multiplied by the scale; a wait lasts at least the Retry-After last asked. */
    private static final class ScaledClock implements ExecutionClock {
        private final long scale;
        private final ThreadLocal<Duration> retryAfter;
        private final long origin = System.nanoTime();
        private final Instant base = Instant.now();

        ScaledClock(long scale, ThreadLocal<Duration> retryAfter) {
            this.scale = scale;
            this.retryAfter = retryAfter;
        }

        @Override public Instant now() {
            return base.plusNanos((System.nanoTime() - origin) * scale);
        }

        @Override public void sleep(Duration d) throws InterruptedException {
            Duration wait = d.compareTo(retryAfter.get()) < 0 ? retryAfter.get() : d;
            long millis = wait.toMillis() / scale;
            if (millis > 0) Thread.sleep(millis);
        }
    }
}
