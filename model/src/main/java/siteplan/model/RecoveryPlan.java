package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("An ordered failover of machines: up to 7 groups, each with steps before and after (seed 000 step 10).")
public record RecoveryPlan(
        @Required @JsonPropertyDescription("Plan name.") String name,
        @Required @JsonPropertyDescription("Source site.") String source,
        @Required @JsonPropertyDescription("Target: an Azure target or VMM site.") String target,
        @JsonPropertyDescription("Groups in failover order (RP-LIMITS: at most 7).") List<RecoveryGroup> groups,
        @JsonPropertyDescription("Drill settings.") Drill drill) {
    public RecoveryPlan {
        groups = Lists.copy(groups);
    }

    public List<String> machineNames() {
        return groups.stream().flatMap(g -> g.machines().stream()).map(PlanMachine::name).toList();
    }
}
