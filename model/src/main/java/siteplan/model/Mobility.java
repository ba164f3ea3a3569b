package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("Desired state of the Mobility service and Azure VM agent on a machine (seed 004, MOB-SERVICES).")
public record Mobility(
        @JsonPropertyDescription("Mobility service version to keep installed, e.g. 9.3.") String version,
        @JsonPropertyDescription("push (by the process server, MOB-PUSH-*) or manual; push unless declared.") InstallMethod install,
        @JsonPropertyDescription("Reference to the account used to push the installation.") SecretRef account,
        @JsonPropertyDescription("What that account is on the machine: administrator (Windows), root (Linux) or standard (MOB-PUSH-WIN, MOB-PUSH-LINUX).") AccountStanding accountStanding,
        @JsonPropertyDescription("True to keep the Azure VM agent installed and running too; true unless declared.") Boolean vmAgent) {}
