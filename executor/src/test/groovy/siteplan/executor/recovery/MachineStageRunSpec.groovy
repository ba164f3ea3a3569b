package siteplan.executor.recovery

import siteplan.executor.drill.MachineOutcome
import siteplan.executor.drill.RunKind
import siteplan.executor.drill.RunStatus
import siteplan.executor.provider.JobOperations
import siteplan.executor.provider.Operations
import siteplan.executor.provider.RecoveryOperations
import spock.lang.Specification

class MachineStageRunSpec extends Specification {
    def recovery = Stub(RecoveryOperations)
    def ops = Stub(Operations) {
        describe() >> 'stub provider'
        recovery() >> recovery
        jobs() >> Stub(JobOperations)
    }

    def "commit of a recovery plan on its own succeeds when every machine is done"() {
        given:
        recovery.commit(_) >> null

        when:
        def report = MachineStageRun.run(ops, RunKind.COMMIT, 'rp-web', 'estate', ['web01', 'web02'], recovery.&commit, 2, { })

        then:
        report.kind() == RunKind.COMMIT
        report.status() == RunStatus.SUCCEEDED
        report.reason() == null
        report.provider() == 'stub provider'
        report.groups()[0].machines()*.outcome() == [MachineOutcome.UP, MachineOutcome.UP]
    }

    def "one machine that fails makes the stage fail, and the others still run"() {
        given:
        recovery.reprotect('web01') >> { throw new IllegalStateException('vCenter is read-only') }
        recovery.reprotect('web02') >> null

        when:
        def report = MachineStageRun.run(ops, RunKind.REPROTECT, 'rp-web', 'estate', ['web01', 'web02'], recovery.&reprotect, 2, { })

        then:
        report.status() == RunStatus.FAILED
        report.reason() == 'a machine failed; see the table'
        report.groups()[0].machines().collectEntries { [it.name(), it.outcome()] } == [web01: MachineOutcome.FAILED, web02: MachineOutcome.UP]
    }
}
