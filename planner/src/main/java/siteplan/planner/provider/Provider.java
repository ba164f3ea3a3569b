package siteplan.planner.provider;

import siteplan.model.Estate;
import siteplan.planner.state.DiscoveredState;

/**
 * Where discovered state comes from: the simulated estate (a state folder), a vCenter, an Azure
 * subscription. Discovery reads only what the estate names (its sites and targets); it never changes
 * anything; changes go through the executor's operations, a port of their own.
 */
public interface Provider {
    /** A short name for messages: "simulated estate in .siteplan". */
    String describe();

    DiscoveredState discover(Estate scope) throws DiscoveryException;

    /**
     * Starts the part of discovery that does not depend on the definition (reading a state file,
     * opening a session) so it overlaps with evaluating the definition. Optional.
     */
    default void prefetch() {}

    /** A fingerprint of what discovery returned; apply refuses a plan when it has changed since. */
    default String fingerprint(DiscoveredState state) {
        return siteplan.planner.state.StateFiles.fingerprint(state);
    }

    /** Discovery failed in a way the user can act on (no state folder, unreachable vCenter, …). */
    class DiscoveryException extends RuntimeException {
        public DiscoveryException(String message) {
            super(message, null, false, false);
        }
    }
}
