package siteplan.executor.provider;

import java.util.function.Supplier;

/**
 * What a provider did for a step: CHANGED (and maybe a job to wait for), or ALREADY when the estate
 * was already as planned (an idempotent repeat, e.g. after an interrupted apply).
 *
 * <p>{@code then} is what the step still does once its job is done, where the provider's next call needs the job's
 * result (Site Recovery's move creates the item the next call updates): the executor waits for the job as it waits for
 * any (cancellable, with progress, polls retried), then calls it — never a provider blocking a worker on its own.
 */
public record StepResult(Outcome outcome, String jobId, String detail, Supplier<StepResult> then) {
    public enum Outcome implements siteplan.model.Token { CHANGED, ALREADY }

    public StepResult(Outcome outcome, String jobId, String detail) {
        this(outcome, jobId, detail, null);
    }

    public static StepResult changed(String detail) {
        return new StepResult(Outcome.CHANGED, null, detail);
    }

    public static StepResult job(String jobId, String detail) {
        return new StepResult(Outcome.CHANGED, jobId, detail);
    }

    public static StepResult already(String detail) {
        return new StepResult(Outcome.ALREADY, null, detail);
    }

    /** This result, with what the step does after its job. */
    public StepResult then(Supplier<StepResult> next) {
        return new StepResult(outcome, jobId, detail, next);
    }

    /** This result followed by the next one's: changed when either changed; the next one's detail added where it did something. */
    public StepResult followedBy(StepResult next) {
        boolean changed = outcome == Outcome.CHANGED || next.outcome == Outcome.CHANGED;
        String more = next.outcome == Outcome.ALREADY || next.detail == null || next.detail.isBlank() ? "" : "; " + next.detail;
        // The job shown for the step stays its first one (the move) unless the next call started one of its own.
        return new StepResult(changed ? Outcome.CHANGED : Outcome.ALREADY, next.jobId != null ? next.jobId : jobId, (detail == null ? "" : detail) + more, next.then);
    }
}
