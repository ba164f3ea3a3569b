package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("One group of a recovery plan; groups fail over in order, machines of a group together.")
public record RecoveryGroup(
        @JsonPropertyDescription("Machines of the group.") List<PlanMachine> machines,
        @JsonPropertyDescription("Steps run before the group fails over.") List<PlanAction> before,
        @JsonPropertyDescription("Steps run after the group fails over.") List<PlanAction> after) {
    public RecoveryGroup {
        machines = Lists.copy(machines);
        before = Lists.copy(before);
        after = Lists.copy(after);
    }
}
