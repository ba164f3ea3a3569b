package siteplan.providers.sim;

import java.nio.file.Path;
import siteplan.executor.provider.PortBundle;
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
public final class SimulatedOperations extends PortBundle {
    private final SimulatedState state;
    private final GuestEndpoints endpoints;

    SimulatedOperations(Path stateDir, Estate estate, SimClock clock) {
        this(new SimulatedState(stateDir, estate, clock), new GuestEndpoints());
    }

    private SimulatedOperations(SimulatedState state, GuestEndpoints endpoints) {
        super(new SimulatedChanges(state), new SimulatedRecovery(state, endpoints), new SimulatedJobs(state));
        this.state = state;
        this.endpoints = endpoints;
    }

    @Override public String describe() {
        return "simulated estate in " + state.stateDir();
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
