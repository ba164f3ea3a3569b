package siteplan.planner.rules;

import java.time.Duration;
import java.util.Map;

/**
 * How old each protected machine's latest recovery point is now, as the provider reports it (Site Recovery's
 * rpoInSeconds of an InMageRcm or InMageAzureV2 item; the simulated estate's model), for RPO-LAG. Read alongside
 * discovery but kept out of the discovered state: it changes by the minute, and a saved plan must not go stale
 * because replication caught up between plan and apply. A machine the provider reports nothing for is absent.
 *
 * @param where who reported it, for messages
 */
public record ReplicationLag(String where, Map<String, Duration> byMachine) {
    public ReplicationLag {
        byMachine = Map.copyOf(byMachine);
    }
}
