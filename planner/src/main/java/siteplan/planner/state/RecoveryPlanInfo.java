package siteplan.planner.state;

import java.util.List;

/** A recovery plan in the vault: its groups of machines in order. */
public record RecoveryPlanInfo(String name, List<List<String>> groups, boolean managed) {
    public RecoveryPlanInfo {
        groups = groups == null ? List.of() : groups.stream().map(List::copyOf).toList();
    }
}
