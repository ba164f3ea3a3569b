package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * Checks that belong to a group, as SRM runs them (issue 15): they run when their group is up, before its after-steps.
 * A failing check stops the later groups of a drill unless the group says continue; a real failover that does not say
 * asks on a terminal and otherwise goes on and reports. A check with a timeout is tried again until its service answers.
 * Every run here is a real drill or failover of examples/vmware-to-azure-modernized against its simulated estate; a
 * slow or dead service is the simulated estate's fault (faults.json).
 */
class GroupChecksSpec extends ExecutorSpecification {
    Path dir

    def setup() {
        dir = estate('vmware-to-azure-modernized')
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        // The example's after-step waits up to 5 minutes of wall time for SQL Server; the group's check says the same here.
        edit('recovery-plans.groovy', "        after { script 'scripts/check-sql.sh', timeout: 10.minutes }\n", '')
    }

    void edit(String file, String from, String to) {
        edit(dir, file, from, to)
    }

    void faults(String json) {
        faults(dir, json)
    }

    def "a group's check that fails stops the later groups of a drill, which still cleans up"() {
        given: 'SQL Server of the order system does not answer after failover'
        faults('{"closedPorts": ["ord-sql01:1433"]}')

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack')

        then:
        code == ExitCode.FAILED
        out =~ /check tcp ord-sql01:1433: failed — .*still failing after 5m/
        out.contains('tcp check ord-sql01:1433 of group 1 failed: the later groups are not drilled')
        !out.contains('ord-app01: up')
        !out.contains('Group 2:')
        out.contains('cleanup ord-sql01: removed')
        out.contains('cleanup ord-sql02: removed')
    }

    def "a group that says continue lets the later groups fail over, and the drill does not pass"() {
        given:
        faults('{"closedPorts": ["ord-sql01:1433"]}')
        edit('recovery-plans.groovy', "        checks { tcp 'ord-sql01', 1433, timeout: 5.minutes, retryEvery: 15.seconds }",
                "        checks {\n            tcp 'ord-sql01', 1433, timeout: 5.minutes, retryEvery: 15.seconds\n            onFailure 'continue'\n        }")

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack')

        then:
        code == ExitCode.FAILED
        out.contains('tcp check ord-sql01:1433 of group 1 failed: going on, as the group declares')
        out.contains('web04: up')
        out.contains('tcp check ord-sql01:1433 of group 1 failed (the run went on)')
    }

    def "a check with a timeout waits for a service that is slow to start, and gives up on one that takes longer"() {
        given: 'SQL Server answers from the fourth try; tries are 15 seconds apart'
        faults('{"slowPorts": {"ord-sql01:1433": 3}}')
        edit('recovery-plans.groovy', 'timeout: 5.minutes, retryEvery: 15.seconds', "timeout: ${timeout}, retryEvery: 15.seconds")

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack')

        then:
        code == exit
        out =~ expected

        where:
        timeout      || exit            | expected
        '1.minutes'  || ExitCode.OK     | /check tcp ord-sql01:1433: passed — connected to \S+ \(4 tries in 45s\)/
        '30.seconds' || ExitCode.FAILED | /check tcp ord-sql01:1433: failed — .* \(3 tries in 30s\)/
    }

    def "a failover whose check fails goes on when no one can be asked, and says so"() {
        given:
        faults('{"closedPorts": ["ord-sql01:1433"]}')

        when:
        int code = run('failover', dir.toString(), '--recovery-plan', 'orders-failover', '--type', 'unplanned', '--confirm-unplanned', '--ack')

        then: 'every group failed over; the run reports the check and does not succeed'
        code == ExitCode.FAILED
        out.contains('tcp check ord-sql01:1433 of group 1 failed: going on with the later groups, as a failover does when no one can be asked')
        out.contains('web04: up')
    }

    def "a failover whose group says stop stops there"() {
        given:
        faults('{"closedPorts": ["ord-sql01:1433"]}')
        edit('recovery-plans.groovy', "        checks { tcp 'ord-sql01', 1433, timeout: 5.minutes, retryEvery: 15.seconds }",
                "        checks {\n            tcp 'ord-sql01', 1433, timeout: 5.minutes, retryEvery: 15.seconds\n            onFailure 'stop'\n        }")

        when:
        int code = run('failover', dir.toString(), '--recovery-plan', 'orders-failover', '--type', 'unplanned', '--confirm-unplanned', '--ack')

        then:
        code == ExitCode.FAILED
        out.contains('tcp check ord-sql01:1433 of group 1 failed: stopping here, as the group declares')
        !out.contains('web04: up')
    }

    def "a script check passes when its script exits 0, with the group's machines' addresses"() {
        given:
        Files.writeString(dir.resolve('scripts/check-orders.sh'), 'test -n "$SITEPLAN_ADDRESS_ORD_SQL01" && echo "orders answer on $SITEPLAN_ADDRESS_ORD_SQL01" && exit ' + status + '\n')
        edit('recovery-plans.groovy', "        checks { tcp 'ord-sql01', 1433, timeout: 5.minutes, retryEvery: 15.seconds }",
                "        checks { script 'scripts/check-orders.sh' }")

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack')

        then:
        code == exit
        out =~ line

        where:
        status || exit            | line
        0      || ExitCode.OK     | /check script scripts\/check-orders.sh: passed — orders answer on 127\./
        1      || ExitCode.FAILED | /check script scripts\/check-orders.sh: failed — exit 1/
    }

    def "the drill judges each group that came up against the plan's objectives"() {
        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack')

        then:
        code == ExitCode.OK
        out =~ /(?m)^Objective met: measured RTO .+ against a target of 2h: met/
        (1..3).every { n -> out =~ /(?m)^  Objective met: group ${n} up after \S+( \S+)? against a target of 2h: met, / }
        out =~ /(?m)^  Objective met: group 1 from a recovery point \S+( \S+)? old against a target of 30m: met/
    }

    def "a check that cannot be run where it is written is refused at its line: #what"() {
        given:
        edit('recovery-plans.groovy', "        checks { tcp 'ord-sql01', 1433, timeout: 5.minutes, retryEvery: 15.seconds }", "        checks { ${check} }")

        expect:
        run('validate', dir.toString()) == ExitCode.INVALID_INPUT
        err =~ /recovery-plans\.groovy, line \d+\)/
        err.contains(message)

        where:
        what                            | check                                            || message
        'a machine of a later group'    | "tcp 'web01', 80"                                || "tcp check of group 1 of recovery plan 'orders-failover' targets machine 'web01', which is not up yet when group 1 is"
        'a machine not in the plan'     | "tcp 'mq01', 5672"                               || "targets machine 'mq01', which is not in the plan"
        'a retry without a timeout'     | "tcp 'ord-sql01', 1433, retryEvery: 15.seconds"  || 'retryEvery of tcp check in checks of group 1 of recovery plan \'orders-failover\' needs a timeout to retry within'
        'a timeout of no time'          | "tcp 'ord-sql01', 1433, timeout: 0.seconds"      || 'timeout of tcp check in checks of group 1 of recovery plan \'orders-failover\' must be longer than no time'
        'an unknown option'             | "tcp 'ord-sql01', 1433, timout: 5.minutes"       || "unknown option 'timout' of tcp check in checks of group 1 of recovery plan 'orders-failover' — did you mean 'timeout'?"
        'an unknown failure policy'     | "tcp 'ord-sql01', 1433; onFailure 'ignore'"      || "onFailure in checks of group 1 of recovery plan 'orders-failover' expects one of 'stop', 'continue' — got 'ignore'"
        'a script outside the folder'   | "script '../../etc/passwd'"                      || "script '../../etc/passwd' of group 1 of recovery plan 'orders-failover'"
        "siteplan's own log as a script" | "script '.siteplan/' + 'state.json'"            || "is in the hidden folder .siteplan: scripts must be files of the definition"
        'a port past 65535'             | "tcp 'ord-sql01', 70000"                         || 'the port of tcp check in checks of group 1 of recovery plan \'orders-failover\' must be a whole number from 1 to 65535 — got 70000'
        'a port wrapped round 64 bits'  | "tcp 'ord-sql01', 18446744073709553049"          || 'must be a whole number from 1 to 65535 — got 18446744073709553049'
        'a URL that is not one'         | "http 'ord-sql01', 'http://ord sql01/health'"    || 'http check in checks of group 1 of recovery plan \'orders-failover\' has a URL that is not one'
        'a URL of another scheme'       | "http 'ord-sql01', 'file:///etc/passwd'"         || 'takes an http or https URL'
        'a status no server answers'    | "http 'ord-sql01', 'http://ord-sql01/', status: 0" || 'status of http check in checks of group 1 of recovery plan \'orders-failover\' is 0, which no HTTP server answers'
        'a check tried without end'     | "tcp 'ord-sql01', 1433, timeout: 1.days, retryEvery: 1.seconds" || 'would be tried 86400 times (timeout over retryEvery); keep it to 360'
        'a script of no path'           | "script ''"                                      || 'script check in checks of group 1 of recovery plan \'orders-failover\' needs the path of a script'
    }
}
