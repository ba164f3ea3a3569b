package siteplan.planner.diff;

import java.util.List;

/**
 * What a change costs in disaster-recovery terms while it takes effect: data to send, how long the
 * initial replication takes over the process server's uplink (30% compression, seed 000 Table 2),
 * which recovery plans cannot recover the machine meanwhile, and what happens to the RPO.
 */
public record Impact(Double replicateGb, Double initialReplicationHours, String uplink, List<String> recoveryPlansWithoutCoverage, String rpoAtRisk) {
    public Impact {
        recoveryPlansWithoutCoverage = recoveryPlansWithoutCoverage == null ? List.of() : List.copyOf(recoveryPlansWithoutCoverage);
    }
}
