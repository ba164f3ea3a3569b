package siteplan.executor.apply;

import siteplan.planner.diff.ResourceType;

/**
 * What one change makes available to later layers of the {@link OperationGraph} and another change waits for:
 * a target, a site, a machine, a policy or a recovery plan by name, any policy at all, or every change of one
 * resource type.
 */
record ResourceKey(Scope scope, String name) {

    /** What a key names. */
    enum Scope { TARGET, SITE, MACHINE, POLICY, ANY_POLICY, RECOVERY_PLAN, TYPE }

    static ResourceKey target(String name) { return new ResourceKey(Scope.TARGET, name); }

    static ResourceKey site(String name) { return new ResourceKey(Scope.SITE, name); }

    static ResourceKey machine(String name) { return new ResourceKey(Scope.MACHINE, name); }

    static ResourceKey policy(String name) { return new ResourceKey(Scope.POLICY, name); }

    static ResourceKey recoveryPlan(String name) { return new ResourceKey(Scope.RECOVERY_PLAN, name); }

    /** Every deletion waits for the policies; a policy change provides this besides its own name. */
    static ResourceKey anyPolicy() { return new ResourceKey(Scope.ANY_POLICY, null); }

    static ResourceKey type(ResourceType type) { return new ResourceKey(Scope.TYPE, type.token()); }
}
