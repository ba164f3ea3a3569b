package siteplan.executor.apply;

import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;

/** What an apply reports as it goes: a progress bar on a terminal, one line per event in CI. */
public interface ApplyListener {
    default void begin(int total) {}

    default void started(Step step) {}

    /** A job of the step moved on; fraction 0..1. */
    default void progress(Step step, double fraction, String detail) {}

    default void retrying(Step step, int attempt, String fault) {}

    default void finished(Step step, StepResult result, java.time.Duration took) {}

    default void failed(Step step, String message) {}

    default void skipped(Step step, String because) {}

    default void end() {}

    ApplyListener NONE = new ApplyListener() {};
}
