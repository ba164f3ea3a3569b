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
    /** False for a look that must leave the state folder as it found it (plan, report): nothing is saved, not even the clock. */
    private final boolean saves;

    SimulatedOperations(Path stateDir, Estate estate, SimClock clock) {
        this(stateDir, estate, clock, true);
    }

    SimulatedOperations(Path stateDir, Estate estate, SimClock clock, boolean saves) {
        this(new SimulatedState(stateDir, estate, clock), new GuestEndpoints(), saves);
    }

    private SimulatedOperations(SimulatedState state, GuestEndpoints endpoints, boolean saves) {
        super(new SimulatedChanges(state), new SimulatedRecovery(state, endpoints), new SimulatedJobs(state));
        this.state = state;
        this.endpoints = endpoints;
        this.saves = saves;
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
        if (saves) state.save();
    }

    @Override public void close() {
        endpoints.close();
        if (saves) state.save();
    }
}
