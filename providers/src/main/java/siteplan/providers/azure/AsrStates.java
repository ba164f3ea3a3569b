package siteplan.providers.azure;

import java.util.Locale;
import siteplan.planner.state.ProtectedItem.ReplicationState;

/**
 * Site Recovery's protection states as the planner names them. Site Recovery reports finer states (a
 * failover in progress, a resync); each maps to the planner state whose rules apply to it.
 */
final class AsrStates {
    private AsrStates() {}

    static ReplicationState state(String protectionState) {
        String s = protectionState == null ? "" : protectionState.toLowerCase(Locale.ROOT);
        if (s.contains("initialreplication") || s.contains("enableprotection")) return ReplicationState.INITIAL_REPLICATION;
        if (s.contains("failovercommitted") || s.contains("committed")) return ReplicationState.FAILOVER_COMMITTED;
        if (s.contains("failedover") || s.contains("failovercompleted")) return ReplicationState.FAILED_OVER;
        if (s.contains("reprotected")) return ReplicationState.REPROTECTED;
        if (s.contains("failback")) return ReplicationState.FAILBACK_IN_PROGRESS;
        return ReplicationState.PROTECTED;
    }

    /** The protectionState the provider expects Site Recovery to report for a planner state (the test server writes these). */
    static String of(ReplicationState state) {
        return switch (state) {
            case INITIAL_REPLICATION -> "InitialReplicationInProgress";
            case PROTECTED -> "Protected";
            case FAILED_OVER -> "FailedOver";
            case FAILOVER_COMMITTED -> "FailoverCommitted";
            case REPROTECTED -> "Reprotected";
            case FAILBACK_IN_PROGRESS -> "FailbackInProgress";
        };
    }
}
