package siteplan.executor.apply;

import siteplan.model.Token;

/**
 * What happened to one step of an apply: CHANGED or ALREADY (so before it ran) when it succeeded,
 * SETTLED for a job an interrupted run had started and this one waited for, FAILED, or SKIPPED
 * (a step it waits for failed, or the apply was interrupted before it started).
 */
public enum StepStatus implements Token {
    CHANGED, ALREADY, SETTLED, FAILED, SKIPPED
}
