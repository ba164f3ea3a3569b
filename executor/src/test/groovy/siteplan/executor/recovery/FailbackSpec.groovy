package siteplan.executor.recovery

import siteplan.executor.drill.MachineOutcome
import siteplan.executor.drill.RunKind
import siteplan.executor.drill.RunReport
import siteplan.executor.drill.RunStatus
import siteplan.executor.provider.JobOperations
import siteplan.executor.provider.Operations
import siteplan.executor.provider.RecoveryOperations
import spock.lang.Specification

class FailbackSpec extends Specification {
    def log = []
    def recovery = Stub(RecoveryOperations)
    def ops = Stub(Operations) {
        describe() >> 'stub provider'
        recovery() >> recovery
        jobs() >> Stub(JobOperations)
    }

    Failback failback() {
        new Failback(ops, 'rp-web', 'estate', 'paris', 'paris-dr', ['web01', 'web02'], 2, { log << it })
    }

    static RunReport failover(RunStatus status) {
        new RunReport(RunKind.PLANNED_FAILOVER, 'rp-web', 'estate', null, 'latest', status, null, '2026-01-01T00:00:00Z', 'stub provider', 60, null,
                [], [], [], [])
    }

    def "the four stages run in order and failback succeeds when each did (FB-STAGES)"() {
        given:
        def stages = [].asSynchronized()
        recovery.reprotect(_) >> { stages << "reprotect ${it[0]}"; null }
        recovery.commit(_) >> { stages << "commit ${it[0]}"; null }

        when:
        def result = failback().run { stages << 'failover back'; failover(RunStatus.SUCCEEDED) }

        then:
        result.succeeded()
        result.stages()*.stage() == FailbackStage.values() as List
        result.report().kind() == RunKind.FAILBACK
        result.report().status() == RunStatus.SUCCEEDED
        result.report().reason() == null
        result.report().notes() == ['Stage 1, reprotect to paris: succeeded', 'Stage 2, planned failover back: succeeded',
                                    'Stage 3, commit: succeeded', 'Stage 4, reprotect to paris-dr: succeeded']
        stages[0..1].every { it.startsWith('reprotect') }
        stages[2] == 'failover back'
        stages[3..4].every { it.startsWith('commit') }
        stages[5..6].every { it.startsWith('reprotect') }
        log.findAll { it.startsWith('Stage ') } == ['Stage 1 of 4: reprotect from paris-dr to paris', 'Stage 2 of 4: planned failover back to paris',
                                                    'Stage 3 of 4: commit (deletes the VMs in paris-dr)', 'Stage 4 of 4: reprotect from paris to paris-dr']
    }

    def "a machine that fails the first reprotect stops failback before anything fails over, and the report is that stage's"() {
        given:
        recovery.reprotect('web02') >> { throw new IllegalStateException('no route to the process server') }
        recovery.reprotect(_) >> null
        boolean failedOver = false

        when:
        def result = failback().run { failedOver = true; failover(RunStatus.SUCCEEDED) }

        then:
        !result.succeeded()
        !failedOver
        result.stages().size() == 1
        result.report().status() == RunStatus.FAILED
        result.report().reason() == 'stopped at: Stage 1, reprotect to paris: 1 of 2 machines failed'
        result.report().groups().size() == 1
        result.report().groups()[0].machines().find { it.name() == 'web02' }.outcome() == MachineOutcome.FAILED
    }

    def "a failover back that does not pass stops failback before the commit, whatever its status says"() {
        given:
        boolean committed = false
        recovery.reprotect(_) >> null
        recovery.commit(_) >> { committed = true; null }

        when:
        def result = failback().run { failover(RunStatus.STOPPED) }

        then:
        !result.succeeded()
        !committed
        result.stages()*.succeeded() == [true, false]
        result.report().reason() == 'stopped at: Stage 2, planned failover back: stopped'
        result.report().notes().size() == 2
    }

    def "success is decided by each stage's outcome, not by reading its note"() {
        expect: 'a summary that merely reads like success does not make a stage succeed'
        !new StageOutcome(FailbackStage.COMMIT, false, 'succeeded').succeeded()
        StageOutcome.of(FailbackStage.FAIL_OVER_BACK, failover(RunStatus.PASSED)).succeeded()
        !StageOutcome.of(FailbackStage.FAIL_OVER_BACK, failover(RunStatus.FAILED)).succeeded()
    }
}
