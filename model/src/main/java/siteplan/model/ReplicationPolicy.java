package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;

/**
 * A VMware/physical to Azure policy in one of two forms: the classic one (rpoThreshold, retention and
 * appConsistentFrequency, POL-FIELDS) or the modernized one (recoveryPointHistory, crash- and app-consistent
 * frequencies, InMageRcmPolicyCreationInput). Which form a policy has is what it declares; a protection group's
 * target architecture says which form it needs (validated, POL-FORM).
 */
@JsonClassDescription("A VMware/physical to Azure replication policy: the classic form (seed 000 step 7, POL-FIELDS) or the modernized form (recoveryPointHistory).")
public record ReplicationPolicy(
        @Required @JsonPropertyDescription("Policy name.") String name,
        @JsonPropertyDescription("Classic form: RPO threshold, an alert is raised when replication falls further behind, e.g. 15min.") Duration rpoThreshold,
        @JsonPropertyDescription("Classic form: how long recovery points are kept, e.g. 24h.") Duration retention,
        @JsonPropertyDescription("How often an application-consistent snapshot is taken, e.g. 60min (modernized: 0 or absent turns them off).") Duration appConsistentFrequency,
        @JsonPropertyDescription("Recover the machines of a group to one consistent point (classic: multi-VM consistency, Windows-only groups, POL-MULTIVM; modernized: multi-VM sync).") boolean multiVmConsistency,
        @JsonPropertyDescription("Modernized form: how long recovery points are kept, at most 15 days (RCM-POLICY-HISTORY).") Duration recoveryPointHistory,
        @JsonPropertyDescription("Modernized form: how often a crash-consistent point is taken; 5min unless declared.") Duration crashConsistentFrequency) {

    /** The modernized form is the one that says how long its history is. */
    public boolean modernized() {
        return recoveryPointHistory != null || crashConsistentFrequency != null;
    }

    /** How long recovery points are kept, in either form. */
    public Duration pointsKept() {
        return modernized() ? recoveryPointHistory : retention;
    }

    /**
     * The recovery point objective the policy aims at: the classic RPO threshold, or in the modernized form how often a
     * crash-consistent point is taken (5 minutes unless declared, as Site Recovery and azure-powershell default it).
     */
    public Duration rpo() {
        if (!modernized()) return rpoThreshold;
        return crashConsistentFrequency != null ? crashConsistentFrequency : Duration.ofMinutes(5);
    }
}
