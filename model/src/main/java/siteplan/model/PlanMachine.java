package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("A machine in a recovery-plan group, with the machines it must wait for.")
public record PlanMachine(
        @Required @JsonPropertyDescription("Machine name.") String name,
        @JsonPropertyDescription("Machines that must be up first; each in this or an earlier group.") List<String> dependsOn) {
    public PlanMachine {
        dependsOn = Lists.copy(dependsOn);
    }
}
