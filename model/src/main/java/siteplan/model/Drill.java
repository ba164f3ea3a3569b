package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;
import java.util.List;

@JsonClassDescription("How a recovery plan is drilled: test failover into an isolated network, then checks.")
public record Drill(
        @JsonPropertyDescription("Isolated Azure network (or VMM VM network) test failovers join; without one, drill needs --network.") String network,
        @JsonPropertyDescription("Longest allowed time between successful drills, e.g. 90d (DRILL-OVERDUE); with mandatory: true an overdue drill stops apply.") Duration interval,
        @JsonPropertyDescription("Smoke checks after the test failover.") List<SmokeCheck> checks,
        @JsonPropertyDescription("The cadence is mandatory: a plan whose last successful drill is older than the interval is an error that stops apply (DRILL-OVERDUE), not a warning.") boolean mandatory) {
    public Drill {
        checks = Lists.copy(checks);
    }

    /** A drill whose cadence is a warning when overdue. */
    public Drill(String network, Duration interval, List<SmokeCheck> checks) {
        this(network, interval, checks, false);
    }
}
