package siteplan.providers.azure;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import siteplan.executor.provider.ExecutionClock;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.TransientFault;

/** Site Recovery's jobs as Resource Manager's async operations, polled on wall time. */
final class AzureJobs implements JobOperations {
    private static final ExecutionClock WALL = new ExecutionClock() {
        @Override public Instant now() { return Instant.now(); }
        @Override public void sleep(Duration d) throws InterruptedException { Thread.sleep(d.toMillis()); }
    };

    private final AzureConnection az;

    AzureJobs(AzureConnection az) {
        this.az = az;
    }

    @Override public ExecutionClock clock() {
        return WALL;
    }

    @Override public JobStatus job(String id) {
        AzureConnection.Reply r = az.poll(id);
        if (r.throttled()) throw new TransientFault("Resource Manager is throttling (HTTP " + r.status() + ", Retry-After " + r.retryAfter() + ") while polling " + id);
        if (r.status() == 404) return new JobStatus(id, JobStatus.State.FAILED, 1, null, null, "the operation " + id + " is unknown to Resource Manager");
        String status = r.body().path("status").asText("InProgress");
        JobStatus.State state = switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded" -> JobStatus.State.SUCCEEDED;
            case "failed", "canceled", "cancelled" -> JobStatus.State.FAILED;
            default -> JobStatus.State.RUNNING;
        };
        String error = state == JobStatus.State.FAILED ? r.body().path("error").path("code").asText("Failed") + ": " + r.body().path("error").path("message").asText("") : null;
        return new JobStatus(id, state, state == JobStatus.State.RUNNING ? 0.5 : 1, null, null, error);
    }
}
