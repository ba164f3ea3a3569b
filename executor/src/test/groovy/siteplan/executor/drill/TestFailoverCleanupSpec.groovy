package siteplan.executor.drill

class TestFailoverCleanupSpec extends RecoveryRunnerSpecification {

    def "a drill removes every test VM it started even when a later group failed, listed in plan order"() {
        given:
        failing = ['db'] as Set
        def p = plan([group(machine('web02'), machine('web01')), group(machine('db')), group(machine('app'))])

        when:
        def report = runner(p).run('estate')

        then:
        report.status() == RunStatus.FAILED
        report.cleanup()*.machine() == ['web02', 'web01', 'db']
        report.cleanup()*.outcome() == [CleanupOutcome.REMOVED] * 3
        cleaned as Set == ['web02', 'web01', 'db'] as Set
    }

    def "a failover is not a drill: nothing is cleaned up"() {
        when:
        def report = runner(plan([group(machine('web'))]), RecoveryRunner.Mode.PLANNED).run('estate')

        then:
        report.cleanup().isEmpty()
        cleaned.isEmpty()
    }

    def "a cleanup that fails fails a drill that otherwise passed, and says where to finish it"() {
        given:
        cleanupFailing = ['web'] as Set

        when:
        def report = runner(plan([group(machine('web'))])).run('estate')

        then:
        report.status() == RunStatus.FAILED
        report.reason() == 'cleanup of a test failover failed: remove it in the vault'
        report.cleanup()*.outcome() == [CleanupOutcome.FAILED]
    }

    def "nothing to clean is said as such"() {
        given:
        nothingToClean = true

        when:
        def report = runner(plan([group(machine('web'))])).run('estate')

        then:
        report.cleanup()*.outcome() == [CleanupOutcome.NOTHING_TO_CLEAN]
        report.json().contains('"outcome" : "nothing to clean"')
    }
}
