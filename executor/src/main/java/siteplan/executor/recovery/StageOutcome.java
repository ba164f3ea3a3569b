package siteplan.executor.recovery;

import siteplan.executor.drill.RunReport;

/**
 * How one failback stage went: whether it succeeded decides whether the next stage runs; the
 * summary is only for people (the report's notes), never read back.
 */
public record StageOutcome(FailbackStage stage, boolean succeeded, String summary) {

    /** A stage that acted on every machine at once: it succeeded when every machine is up. */
    public static StageOutcome of(FailbackStage stage, RunReport.Group group) {
        long failed = group.machines().stream().filter(m -> !m.up()).count();
        return new StageOutcome(stage, failed == 0, failed == 0 ? "succeeded" : failed + " of " + group.machines().size() + " machines failed");
    }

    /** The planned failover back: it succeeded when its run passed. */
    public static StageOutcome of(FailbackStage stage, RunReport failover) {
        return new StageOutcome(stage, failover.passed(), failover.status().token());
    }

    public String note(String source, String target) {
        return stage.label(source, target) + ": " + summary;
    }
}
