package siteplan.providers.sim;

import java.nio.file.Path;
import siteplan.executor.provider.ChangeOperations;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.Operations;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.model.Estate;
import siteplan.planner.state.DiscoveredState;

/**
 * The simulated estate as a cloud that carries out operations: its changes, recovery and jobs over one
 * {@link SimulatedState}. Each change is recorded in the {@link StateJournal} (the state file is written
 * whole only by recovery operations and at close), and every effective change appends one line to
 * operations.log, the simulator's own record (tests read it to prove no operation ran twice). Long
 * operations are jobs on the modelled {@link SimClock}: initial replication takes the machine's data
 * over its process server's uplink (30% compression, as the planner estimates it).
 */
public final class SimulatedOperations implements Operations {
    private final SimulatedState state;
    private final GuestEndpoints endpoints = new GuestEndpoints();
    private final SimulatedChanges changes;
    private final SimulatedRecovery recovery;
    private final SimulatedJobs jobs;

    SimulatedOperations(Path stateDir, Estate estate, SimClock clock) {
        this.state = new SimulatedState(stateDir, estate, clock);
        this.changes = new SimulatedChanges(state);
        this.recovery = new SimulatedRecovery(state, endpoints);
        this.jobs = new SimulatedJobs(state);
    }

    @Override public String describe() {
        return "simulated estate in " + state.stateDir();
    }

    @Override public ChangeOperations changes() {
        return changes;
    }

    @Override public RecoveryOperations recovery() {
        return recovery;
    }

    @Override public JobOperations jobs() {
        return jobs;
    }

    /** The state as it is now (jobs advanced to the simulated time). */
    DiscoveredState state() {
        synchronized (state) {
            state.advance();
            return state.now();
        }
    }

    @Override public void save() {
        state.save();
    }

    @Override public void close() {
        endpoints.close();
        state.save();
    }
}
