package siteplan.cli

import java.nio.file.Path

/**
 * SRC-RESIZE: a resized disk is replicated again. The plan's exposure window and the time apply takes
 * come from one computation, so a reviewer sees what apply will take (seed 000: only the resized
 * volume's data is sent again).
 */
class ReReplicationSpec extends ExecutorSpecification {

    def "the plan's re-replication of a resized disk is what apply sends and how long it takes in the simulated estate"() {
        given: "the committed estate replicates erp-app01's disk d at 225 GB; the definition declares 300 GB"
        Path dir = estate()

        when:
        int code = run('plan', dir.toString(), '--no-history')

        then:
        code == ExitCode.OK
        out.contains('disk d: "225GB" → "300GB"')
        out.contains('impact: 300.0 GB to replicate, about 5.0 h at 100Mbps; not recoverable meanwhile by erp-failover')

        when:
        code = run('apply', dir.toString(), '--auto-approve')

        then: '300 GB over ps01 at 100 Mbps, 30% compressed: 18,039 s'
        code == ExitCode.OK
        out.contains('~> protection.erp-app01: done in ')
        out.readLines().find { it.contains('~> protection.erp-app01: done') }.endsWith('protection enabled again; initial replication of 300 GB takes about 5h')
    }
}
