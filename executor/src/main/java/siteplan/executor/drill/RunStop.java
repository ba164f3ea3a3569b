package siteplan.executor.drill;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a recovery run should start nothing new (Ctrl-C), and the first reason it stopped or
 * failed: the report gives that one reason, since what follows it is usually its consequence.
 */
final class RunStop {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<String> reason = new AtomicReference<>();

    void cancel(String why) {
        cancelled.set(true);
        because(why);
    }

    /** Keeps the reason unless an earlier one is already kept. */
    void because(String why) {
        reason.compareAndSet(null, why);
    }

    boolean cancelled() {
        return cancelled.get();
    }

    String reason() {
        return reason.get();
    }
}
