package siteplan.executor.provider;

/**
 * What a provider did for a step: CHANGED (and maybe a job to wait for), or ALREADY when the estate
 * was already as planned (an idempotent repeat, e.g. after an interrupted apply).
 */
public record StepResult(Outcome outcome, String jobId, String detail) {
    public enum Outcome implements siteplan.model.Token { CHANGED, ALREADY }

    public static StepResult changed(String detail) {
        return new StepResult(Outcome.CHANGED, null, detail);
    }

    public static StepResult job(String jobId, String detail) {
        return new StepResult(Outcome.CHANGED, jobId, detail);
    }

    public static StepResult already(String detail) {
        return new StepResult(Outcome.ALREADY, null, detail);
    }
}
