package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("One group of a recovery plan; groups fail over in order, machines of a group together.")
public record RecoveryGroup(
        @JsonPropertyDescription("Machines of the group.") List<PlanMachine> machines,
        @JsonPropertyDescription("Steps run before the group fails over.") List<PlanAction> before,
        @JsonPropertyDescription("Steps run after the group fails over.") List<PlanAction> after,
        @JsonPropertyDescription("Checks run when the group's machines are up, before its after-steps.") List<SmokeCheck> checks,
        @JsonPropertyDescription("What a failing check of the group does: stop (the later groups are not started) or continue (they are, and the run does not pass). Undeclared: a drill stops; a failover asks on a terminal, else continues.") CheckFailure onCheckFailure,
        @JsonPropertyDescription("The group's own recovery time objective: the longest from the run's start until the group is up, checked and its after-steps done, e.g. 20m. Judged in each drill and failover as the plan's rto is (a missed one misses the run's objectives) and against its predicted RTO.") java.time.Duration rto) {
    public RecoveryGroup {
        machines = Lists.copy(machines);
        before = Lists.copy(before);
        after = Lists.copy(after);
        checks = Lists.copy(checks);
    }

    /** A group without checks of its own. */
    public RecoveryGroup(List<PlanMachine> machines, List<PlanAction> before, List<PlanAction> after) {
        this(machines, before, after, List.of(), null, null);
    }

    /** A group held only to its plan's objectives. */
    public RecoveryGroup(List<PlanMachine> machines, List<PlanAction> before, List<PlanAction> after, List<SmokeCheck> checks, CheckFailure onCheckFailure) {
        this(machines, before, after, checks, onCheckFailure, null);
    }
}
