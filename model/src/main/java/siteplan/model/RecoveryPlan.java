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
        @JsonPropertyDescription("Drill settings.") Drill drill,
        @JsonPropertyDescription("Recovery time objective: the longest the plan's failover may take, from its start until its last group is up and checked, e.g. 45m.") java.time.Duration rto,
        @JsonPropertyDescription("Recovery point objective: the most data, in time, the plan's machines may lose, e.g. 15m.") java.time.Duration rpo) {
    public RecoveryPlan {
        groups = Lists.copy(groups);
    }

    /** A plan that declares no recovery objectives. */
    public RecoveryPlan(String name, String source, String target, List<RecoveryGroup> groups, Drill drill) {
        this(name, source, target, groups, drill, null, null);
    }

    public List<String> machineNames() {
        return groups.stream().flatMap(g -> g.machines().stream()).map(PlanMachine::name).toList();
    }
}
