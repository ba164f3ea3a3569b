package siteplan.executor.drill

class GroupScheduleSpec extends RecoveryRunnerSpecification {

    def "groups run in order on one timeline, and a machine starts when the machine of its group it depends on is up"() {
        given:
        took = [db: 120L, app: 60L, web: 30L]
        def p = plan([group(machine('db')), group(machine('web', ['app']), machine('app'))])

        when:
        def report = runner(p).run('estate')

        then:
        report.kind() == RunKind.DRILL
        report.status() == RunStatus.PASSED
        report.groups()*.number() == [1, 2]
        failedOver.indexOf('db') == 0
        failedOver.indexOf('app') < failedOver.indexOf('web')

        and: 'group 2 begins where group 1 ended; web waits for app'
        def (one, two) = report.groups()
        one.startSeconds() == 0
        one.endSeconds() == 120
        two.startSeconds() == 120
        def web = two.machines().find { it.name() == 'web' }
        def app = two.machines().find { it.name() == 'app' }
        app.startSeconds() == 120
        web.startSeconds() == 180
        report.rtoSeconds() == 210

        and: 'machines are reported in the order the plan declares them'
        two.machines()*.name() == ['web', 'app']
    }

    def "a machine that does not come up stops the plan before its later groups, and skips the machines that depend on it"() {
        given:
        failing = ['app'] as Set
        def p = plan([group(machine('app'), machine('web', ['app'])), group(machine('db'))])

        when:
        def report = runner(p, RecoveryRunner.Mode.PLANNED).run('estate')

        then:
        report.kind() == RunKind.PLANNED_FAILOVER
        report.status() == RunStatus.FAILED
        report.reason() == 'a machine of group 1 did not fail over'
        report.groups()[0].machines()*.outcome() == [MachineOutcome.FAILED, MachineOutcome.SKIPPED]
        and: 'the later group is reported, its machines not started, so the report accounts for the whole plan'
        report.groups()*.number() == [1, 2]
        report.groups()[1].machines()*.outcome() == [MachineOutcome.SKIPPED]
        report.groups()[1].machines()[0].detail() == 'not started: the run stopped at group 1'
        report.groups()[1].actions().isEmpty()
        !('db' in failedOver)
        !('web' in failedOver)
    }

    def "a real failover that ends well succeeds rather than passes"() {
        expect:
        runner(plan([group(machine('db'))]), RecoveryRunner.Mode.UNPLANNED).run('estate').status() == RunStatus.SUCCEEDED
    }

    def "Ctrl-C before the run starts no machine and the run is stopped"() {
        given:
        def r = runner(plan([group(machine('db'))]))

        when:
        r.cancel()
        def report = r.run('estate')

        then:
        report.status() == RunStatus.STOPPED
        report.reason() == 'interrupted (Ctrl-C)'
        failedOver.isEmpty()
    }
}
