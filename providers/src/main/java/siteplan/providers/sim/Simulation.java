package siteplan.providers.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import siteplan.executor.provider.Operations;
import siteplan.model.Estate;
import siteplan.planner.provider.Provider;
import siteplan.planner.state.DiscoveredState;
import siteplan.providers.Simulator;

/** The simulated estate behind the {@link Simulator} facade: the one door into this package. */
public enum Simulation implements Simulator {
    INSTANCE;

    @Override public Provider discovery(Path stateDir) {
        return new SimulatedProvider(stateDir);
    }

    @Override public Operations operations(Path stateDir, Estate estate, Map<String, String> env) {
        return new SimulatedOperations(stateDir, estate, new SimClock(stateDir, SimClock.speedFrom(env)));
    }

    @Override public Operations readOnly(Path stateDir, Estate estate, Map<String, String> env) {
        return new SimulatedOperations(stateDir, estate, new SimClock(stateDir, SimClock.speedFrom(env)), false);
    }

    @Override public void checkSettings(Map<String, String> env) {
        SimClock.speedFrom(env);
    }

    @Override public Optional<String> faultsProblem(Path stateDir) {
        return Faults.check(stateDir);
    }

    @Override public DiscoveredState create(Estate estate, boolean fromModel, Integer partialPercent) {
        return SimulatedEstate.create(estate, fromModel, partialPercent);
    }

    @Override public String id(Path stateDir) throws IOException {
        return SimulatedEstate.id(stateDir);
    }

    @Override public long generate(Path dir, int machines, int files, Style style) throws IOException {
        return EstateGenerator.generate(dir, machines, files, style);
    }
}
