package siteplan.executor.apply;

import java.util.List;

/** How an apply went: each step's outcome in the order steps finished, and the counts. */
public record ApplyResult(ApplyStatus status, List<StepOutcome> steps, int changed, int already, int failed, int skipped, String simulatedDuration) {
    public ApplyResult {
        steps = List.copyOf(steps);
    }

    /** One step: its address and action, what happened (changed, already, failed, skipped), and why. */
    public record StepOutcome(String address, String action, StepStatus outcome, String detail, String started, String ended, int attempts) {}

    public boolean succeeded() {
        return failed == 0 && skipped == 0 && status == ApplyStatus.SUCCEEDED;
    }
}
