package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * examples/vmware-to-azure-modernized as a user runs it against its simulated estate: the modernized architecture
 * (replication appliances, InMageRcm) plans, applies, drills, fails over, commits and fails back, each vault's
 * machines checked against profile asr-2026. ModernizedAzureSpec runs the same example through the real providers.
 */
class ModernizedExampleSpec extends ExecutorSpecification {
    Path dir

    def setup() {
        dir = estate('vmware-to-azure-modernized')
    }

    def "the committed partial estate plans with the appliances' sizing and profile asr-2026, and applies to an empty plan"() {
        when:
        int code = run('plan', dir.toString(), '--no-history', '--no-color')

        then:
        code == ExitCode.OK
        out.contains('(profile asr-2026)')
        out.contains('replication appliance rotterdam/rtm-asr01: 16 vCPU, 32 GB memory, 1 TB cache')
        out.contains('appliance: "rtm-asr01"')
        out.contains('# a grown disk keeps replicating: Site Recovery grows its replica in place, recovery points kept (RCM-RESIZE)')
        !out.contains('configuration server')
        out.contains('Findings: 0 errors, 0 warnings.')

        when:
        int saved = run('plan', dir.toString(), '-out', tmp.resolve('plan.json').toString(), '--no-history')
        int applied = run('apply', tmp.resolve('plan.json').toString(), dir.toString())

        then:
        saved == ExitCode.OK
        applied == ExitCode.OK
        out.contains('Apply succeeded')

        when:
        int again = run('plan', dir.toString(), '--no-history', '--detailed-exitcode')

        then: 'the grown disks were grown in place, the rest created: nothing left to change'
        again == ExitCode.OK
        out.contains('Plan: 0 to create, 0 to update, 0 to replace, 0 to delete.')
    }

    def "a drill, a planned failover, commit and the modernized failback bring the services plan home"() {
        given: 'everything protected as declared'
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0

        expect: 'a drill of the order system'
        run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack') == ExitCode.OK
        out.contains('Drill passed')

        and: 'failover and commit of the services'
        run('failover', dir.toString(), '--recovery-plan', 'services-failover', '--type', 'planned', '--ack') == ExitCode.OK
        out.contains('Failover succeeded')
        run('commit', dir.toString(), '--recovery-plan', 'services-failover') == ExitCode.OK

        and: 'failback needs none of the classic servers: the appliance rtm-asr-fb reprotects (RCM-FAILBACK-APPLIANCE)'
        run('failback', dir.toString(), '--recovery-plan', 'services-failover', '--ack') == ExitCode.OK
        out.contains('Failback succeeded: 10 of 10 machines failed back')
        !out.contains('FB-CS')

        and: 'home, and nothing to change'
        run('plan', dir.toString(), '--no-history', '--detailed-exitcode') == ExitCode.OK
    }

    def "failback refuses an appliance that is not healthy, before anything runs"() {
        given:
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        assert run('failover', dir.toString(), '--recovery-plan', 'services-failover', '--type', 'planned', '--ack') == ExitCode.OK
        assert run('commit', dir.toString(), '--recovery-plan', 'services-failover') == ExitCode.OK
        Path stateFile = state(dir).resolve('state.json')
        Files.writeString(stateFile, Files.readString(stateFile).replaceFirst(
                /("role" : "replication-appliance",\s*"name" : "rtm-asr-fb",\s*"health" : )"healthy"/, '$1"critical"'))
        def before = Files.readString(stateFile)

        expect:
        before.contains('"critical"')
        run('failback', dir.toString(), '--recovery-plan', 'services-failover', '--ack') == ExitCode.INVALID_INPUT
        err.contains('RCM-FAILBACK-APPLIANCE')
        err.contains('fails back through replication appliance rtm-asr-fb, which is critical')
        Files.readString(stateFile) == before
    }
}
