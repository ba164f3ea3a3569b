package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import siteplan.planner.state.ProtectedItem.ActiveLocation;
import siteplan.planner.state.ProtectedItem.ReplicationState;

/**
 * A protected item's place in the recovery lifecycle, read as Site Recovery reports it. The contract types
 * protectionState and allowedOperations as free strings; the words are the ones its published examples
 * show (azure-rest-api-specs, recoveryservicessiterecovery 2023-06-01 examples: Protected,
 * PlannedFailoverCommitRequired, UnplannedFailoverCommitPendingStatesBegin, PlannedFailoverStatesBegin;
 * allowedOperations from KnownReplicationProtectedItemOperation). What the item allows next decides first
 * (a failover not yet committed allows Commit), the state word second, so a word Azure adds later still
 * lands on the rule that applies.
 */
final class AsrStates {
    private AsrStates() {}

    /**
     * The named replication group (multi-VM consistency) of a classic item's provider details, or null: a machine in
     * no named group gets a group of its own from Site Recovery, named by its id.
     */
    static String replicationGroup(JsonNode details) {
        if (!details.hasNonNull("multiVmGroupName")) return null;
        String name = details.get("multiVmGroupName").asText();
        return name.equalsIgnoreCase(details.path("multiVmGroupId").asText()) ? null : name;
    }

    static ReplicationState state(JsonNode properties) {
        return state(properties, location(properties));
    }

    /** The same, where the machine runs is known otherwise (a modernized failback item names Azure its primary side). */
    static ReplicationState state(JsonNode properties, ActiveLocation where) {
        String state = properties.path("protectionState").asText("").toLowerCase(Locale.ROOT);
        String description = properties.path("protectionStateDescription").asText("").toLowerCase(Locale.ROOT);
        Set<String> allowed = new HashSet<>();
        properties.path("allowedOperations").forEach(o -> allowed.add(o.asText().toLowerCase(Locale.ROOT)));
        boolean recovery = where == ActiveLocation.RECOVERY;
        if (allowed.contains("commit") || state.contains("commitrequired") || state.contains("commitpending")) return ReplicationState.FAILED_OVER;
        if (state.contains("enablingprotection") || state.contains("initialreplication") || description.contains("initial replication")) return ReplicationState.INITIAL_REPLICATION;
        if (state.equals("plannedfailoverstatesbegin") || description.contains("committed") || state.contains("failovercommitted")
                || allowed.contains("reversereplicate") || allowed.contains("failback")) {
            return ReplicationState.FAILOVER_COMMITTED;
        }
        if (state.contains("reprotect") || state.contains("failback") || description.contains("reprotect")) return ReplicationState.FAILBACK_IN_PROGRESS;
        return recovery ? ReplicationState.REPROTECTED : ReplicationState.PROTECTED;
    }

    static ActiveLocation location(JsonNode properties) {
        return "Recovery".equalsIgnoreCase(properties.path("activeLocation").asText()) ? ActiveLocation.RECOVERY : ActiveLocation.PRIMARY;
    }

    /** Whether Site Recovery lists an operation as possible now (allowedOperations); true when it lists none. */
    static boolean allows(JsonNode properties, String operation) {
        JsonNode allowed = properties.path("allowedOperations");
        if (!allowed.isArray() || allowed.isEmpty()) return true;
        for (JsonNode o : allowed) if (operation.equalsIgnoreCase(o.asText())) return true;
        return false;
    }

    /** A test failover is running or waits for its cleanup. */
    static boolean testFailoverActive(JsonNode properties) {
        String s = properties.path("testFailoverState").asText("None");
        return !s.equalsIgnoreCase("None") && !s.equalsIgnoreCase("MarkedForDeletion") && !s.isBlank();
    }
}
