package siteplan.planner.diff;

import java.util.List;

/**
 * What a change costs in disaster-recovery terms while it takes effect: data to send, how long the
 * initial replication takes over the process server's uplink (30% compression, seed 000 Table 2),
 * which recovery plans cannot recover the machine meanwhile, and what happens to the RPO.
 */
@com.fasterxml.jackson.annotation.JsonClassDescription("What a change costs in disaster-recovery terms while it takes effect.")
public record Impact(@com.fasterxml.jackson.annotation.JsonPropertyDescription("Data to replicate or re-replicate, in GB.") Double replicateGb,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("Estimated hours of initial replication over the process server's uplink, 30% compression assumed.") Double initialReplicationHours,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("The uplink the estimate uses.") String uplink,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("Recovery plans that cannot recover the machine meanwhile.") List<String> recoveryPlansWithoutCoverage,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("What happens to the recovery point objective meanwhile.") String rpoAtRisk) {
    public Impact {
        recoveryPlansWithoutCoverage = recoveryPlansWithoutCoverage == null ? List.of() : List.copyOf(recoveryPlansWithoutCoverage);
    }
}
