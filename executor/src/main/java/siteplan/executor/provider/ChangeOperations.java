package siteplan.executor.provider;

import java.util.Optional;
import siteplan.executor.secrets.Secrets;

/**
 * The port `apply` uses: carry out one planned change. Idempotent: asking for what already is does nothing
 * and says so, so an interrupted apply can simply be run again.
 */
public interface ChangeOperations {
    /** Carries out one planned change; a long one returns a job to wait on through {@link JobOperations#job(String)}. */
    StepResult apply(Step step, Secrets secrets);

    /**
     * A protection job still running for the machine (an initial replication an earlier, interrupted run
     * started), so an apply can see it through; empty when none.
     */
    default Optional<String> pendingJob(String machine) {
        return Optional.empty();
    }
}
