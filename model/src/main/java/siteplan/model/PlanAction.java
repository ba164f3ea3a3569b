package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;

@JsonClassDescription("A step before or after a recovery-plan group: a manual instruction, a script or an Azure Automation runbook (RP-ORDER).")
public record PlanAction(
        @Required @JsonPropertyDescription("manual, script or runbook.") ActionKind kind,
        @Required @JsonPropertyDescription("Manual: the instruction shown to the operator; script: the path, relative to the definition; runbook: its name.") String value,
        @JsonPropertyDescription("How long the step may take; scripts are stopped after it.") Duration timeout) {}
