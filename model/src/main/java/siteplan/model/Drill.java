package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;
import java.util.List;

@JsonClassDescription("How a recovery plan is drilled: test failover into an isolated network, then checks.")
public record Drill(
        @Required @JsonPropertyDescription("Isolated Azure network (or VMM VM network) test failovers join.") String network,
        @JsonPropertyDescription("Longest allowed time between drills, e.g. 90d.") Duration interval,
        @JsonPropertyDescription("Smoke checks after the test failover.") List<SmokeCheck> checks) {
    public Drill {
        checks = Lists.copy(checks);
    }
}
