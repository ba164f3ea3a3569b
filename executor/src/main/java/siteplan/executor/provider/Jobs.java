package siteplan.executor.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for a provider job: poll often at first, then less (a tenth of the time waited, 10 s to 5 min of provider time). */
public final class Jobs {
    private Jobs() {}

    /** Waits until the job is done (or cancelled asks to stop waiting: then InterruptedException). */
    public static JobStatus await(JobOperations jobs, String id, BooleanSupplier cancelled) throws InterruptedException {
        return await(jobs.clock(), () -> jobs.job(id), cancelled, s -> { });
    }

    /** The same with the status read as the caller wants (retried, say) and each running status reported. */
    public static JobStatus await(ExecutionClock clock, java.util.function.Supplier<JobStatus> status, BooleanSupplier cancelled,
                                  java.util.function.Consumer<JobStatus> running) throws InterruptedException {
        Instant started = clock.now();
        while (true) {
            JobStatus s = status.get();
            if (s.done()) return s;
            running.accept(s);
            if (cancelled.getAsBoolean()) throw new InterruptedException("stopped waiting for " + s.id());
            Duration next = Duration.between(started, clock.now()).dividedBy(10);
            if (next.compareTo(Duration.ofSeconds(10)) < 0) next = Duration.ofSeconds(10);
            if (next.compareTo(Duration.ofMinutes(5)) > 0) next = Duration.ofMinutes(5);
            clock.sleep(next);
        }
    }
}
