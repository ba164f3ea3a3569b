package siteplan.executor.provider;

import siteplan.planner.diff.Action;
import siteplan.planner.diff.Change;
import siteplan.planner.diff.ResourceType;

/** One change of a saved plan, as the executor hands it to a provider: the address, the type and the action, nothing else. */
public record Step(String address, ResourceType type, String site, String name, Action action) {
    public static Step of(Change c) {
        return new Step(c.address(), c.type(), c.site(), c.name(), c.action());
    }
}
