package siteplan.executor.provider;

import java.util.Objects;

/**
 * The part every provider's {@link Operations} shares: holding its three ports. A provider builds its
 * ports over one connection or state, hands them here, and adds only what is its own: how it
 * describes itself and what it closes.
 */
public abstract class PortBundle implements Operations {
    private final ChangeOperations changes;
    private final RecoveryOperations recovery;
    private final JobOperations jobs;

    protected PortBundle(ChangeOperations changes, RecoveryOperations recovery, JobOperations jobs) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    @Override public final ChangeOperations changes() {
        return changes;
    }

    @Override public final RecoveryOperations recovery() {
        return recovery;
    }

    @Override public final JobOperations jobs() {
        return jobs;
    }
}
