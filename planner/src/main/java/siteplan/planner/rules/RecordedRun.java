package siteplan.planner.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A drill or failover of a recovery plan as the history recorded it, reduced to what the RTO prediction learns from
 * (RTO-PREDICTED) and the estate report draws: the plan's shape as it ran (groups, machines with their disk sizes,
 * steps, checks) and how long each part took. Read by the CLI from the run's report.json and model.yaml.
 *
 * @param kind           what ran: a drill (test failover), or a planned or unplanned failover
 * @param passed         the run brought every machine up and its checks passed (its RTO is a measurement)
 * @param objectivesMet  its verdict against the plan's targets: true met, false missed, null not judged
 * @param rtoSeconds     measured RTO (or how long a run that did not pass took), in the provider's time
 * @param rpoSeconds     achieved RPO, null when not measured
 * @param rtoTarget      the plan's RTO target when it ran, seconds; null when none was declared
 * @param rpoTarget      the plan's RPO target when it ran, seconds; null when none was declared
 * @param machineSeconds how long each machine that came up took to fail over
 * @param stepSeconds    how long each step that was done took, by {@link RtoPredictor#stepKey}
 * @param checkSeconds   how long each check took (tries and waits included), by {@link RtoPredictor#checkKey}
 * @param attestation    the drill's attestation ({@code drill --note}) and who signed it, "text — name"; null when none
 * @param missed         what it missed, for display: "its RTO target (1h 27m against 1h)", "group 1's RTO target (8m 58s against 5m)"
 */
public record RecordedRun(String recoveryPlan, Instant at, Kind kind, boolean passed, Boolean objectivesMet, long rtoSeconds, Long rpoSeconds,
                          Long rtoTarget, Long rpoTarget, String commit, RtoPredictor.Shape shape,
                          Map<String, Long> machineSeconds, Map<String, Long> stepSeconds, Map<String, Long> checkSeconds, String attestation,
                          List<String> missed) {
    public RecordedRun {
        missed = missed == null ? List.of() : List.copyOf(missed);
        machineSeconds = Map.copyOf(machineSeconds);
        stepSeconds = Map.copyOf(stepSeconds);
        checkSeconds = Map.copyOf(checkSeconds);
    }

    public enum Kind implements siteplan.model.Token {
        DRILL, PLANNED_FAILOVER, UNPLANNED_FAILOVER;

        /**
         * Machine times are learnt from drills and unplanned failovers only: a planned failover first shuts the source down
         * and replicates its last changes, minutes a drill never spends.
         */
        boolean likeADrill() {
            return this != PLANNED_FAILOVER;
        }
    }

    /** The machines of the run, in its groups' order. */
    public List<String> machines() {
        return shape.groups().stream().flatMap(g -> g.machines().stream()).map(RtoPredictor.MachineShape::name).toList();
    }
}
