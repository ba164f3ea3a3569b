package siteplan.executor.provider;

import java.time.Instant;

/** A provider job: running until it succeeds or fails; progress 0..1 when the provider knows it. */
public record JobStatus(String id, State state, double progress, Instant started, Instant ended, String error) {
    public enum State implements siteplan.model.Token { RUNNING, SUCCEEDED, FAILED }

    public boolean done() {
        return state != State.RUNNING;
    }
}
