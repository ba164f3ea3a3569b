package siteplan.providers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import siteplan.executor.provider.Operations;
import siteplan.model.Estate;
import siteplan.planner.provider.Provider;
import siteplan.planner.state.DiscoveredState;

/**
 * The simulated estate as the rest of siteplan sees it: a provider for a state folder (discovery and
 * operations on its modelled clock), and its own tools for the sim command (make a state folder's
 * contents, write a large estate). Everything simulated stays behind this interface.
 */
public interface Simulator {
    /** How a generated estate is written: one block per machine, or an inventory table and a loop. */
    enum Style { BLOCKS, TABLE }

    /** Discovery from the state file in stateDir. */
    Provider discovery(Path stateDir);

    /** Operations on the simulated estate in stateDir, on its modelled clock (SITEPLAN_SIM_SPEED from env paces its waits in real time). */
    Operations operations(Path stateDir, Estate estate, Map<String, String> env);

    /** Operations for reading only (a recovery point's age): closing them leaves the state folder as it was, clock and all. */
    Operations readOnly(Path stateDir, Estate estate, Map<String, String> env);

    /** Refuses a SITEPLAN_SIM_SPEED that is not a number of at least 1 (IllegalArgumentException, a message a user can act on). */
    void checkSettings(Map<String, String> env);

    /** A problem with the faults file in stateDir, said so that it can be fixed, or empty when it reads. */
    Optional<String> faultsProblem(Path stateDir);

    /**
     * A simulated estate made from a model: its infrastructure exists and nothing is protected; or,
     * fromModel, everything as declared; or partialPercent of the machines protected, with drift.
     */
    DiscoveredState create(Estate estate, boolean fromModel, Integer partialPercent);

    /**
     * The ID of the simulated estate in stateDir, written by `sim init` (an older folder gets one now):
     * what its lock is keyed on, wherever the folder is named from.
     */
    String id(Path stateDir) throws IOException;

    /** Writes a large, valid estate for benchmarks and returns the number of bytes written. */
    long generate(Path dir, int machines, int files, Style style) throws IOException;
}
