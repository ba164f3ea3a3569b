package siteplan.executor.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The clock a provider's operations run by: now and a wait. Wall time for real providers, modelled time for the simulated estate. */
public interface ExecutionClock {
    Instant now();

    void sleep(Duration d) throws InterruptedException;

    /** True when the clock is modelled (the simulated estate's): the durations it measures are simulated time. */
    default boolean simulated() {
        return false;
    }

    /** How the clock runs, for the first line of an apply ("simulated clock at 1000000x"); empty for wall time. */
    default Optional<String> pace() {
        return Optional.empty();
    }
}
