package siteplan.providers.sim;

import java.time.Duration;
import java.time.Instant;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.OperationFailed;
import siteplan.planner.state.RecoveryVault.Job;

/** The simulated estate's jobs as the executor waits on them: each advances to the {@link SimClock}'s time when asked. */
final class SimulatedJobs implements JobOperations {
    private final SimulatedState state;

    SimulatedJobs(SimulatedState state) {
        this.state = state;
    }

    @Override public SimClock clock() {
        return state.clock();
    }

    @Override public JobStatus job(String id) {
        synchronized (state) {
            state.advance();
            Job j = state.job(id);
            if (j == null) throw new OperationFailed("job " + id + " is unknown to the simulated estate");
            Instant started = Instant.parse(j.started());
            Instant ends = Instant.parse(j.ended());
            JobStatus.State st = switch (j.state()) {
                case "Succeeded" -> JobStatus.State.SUCCEEDED;
                case "Failed" -> JobStatus.State.FAILED;
                default -> JobStatus.State.RUNNING;
            };
            double total = Math.max(1, Duration.between(started, ends).toMillis());
            double progress = st == JobStatus.State.RUNNING ? Math.min(0.99, Duration.between(started, state.clock().now()).toMillis() / total) : 1.0;
            return new JobStatus(id, st, progress, started, st == JobStatus.State.RUNNING ? null : ends, j.error());
        }
    }
}
