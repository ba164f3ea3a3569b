package siteplan.executor.apply

import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import siteplan.executor.provider.ChangeOperations
import siteplan.executor.provider.ExecutionClock
import siteplan.executor.provider.JobOperations
import siteplan.executor.provider.JobStatus
import siteplan.executor.provider.Step
import siteplan.executor.provider.StepResult
import siteplan.executor.secrets.Secrets
import siteplan.model.Estate
import siteplan.planner.diff.Action
import siteplan.planner.diff.Change
import siteplan.planner.diff.ResourceType
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A provider whose step needs a job's result before its next call (Site Recovery's move, then the moved item's settings)
 * returns the job with what follows it (StepResult.then): the executor waits for each job as for any, and the chain is
 * bounded, so a provider that keeps answering with another job ends in a failed step, not a hung apply.
 */
class StepFollowUpSpec extends Specification {
    @TempDir
    Path tmp

    List<String> polled = []

    JobOperations jobs = new JobOperations() {
        ExecutionClock clock() {
            new ExecutionClock() {
                Instant now() { Instant.parse('2026-11-22T10:00:00Z') }
                void sleep(Duration d) {}
            }
        }

        JobStatus job(String id) {
            polled << id
            new JobStatus(id, id.startsWith('fail') ? JobStatus.State.FAILED : JobStatus.State.SUCCEEDED, 1, null, null, id.startsWith('fail') ? 'it broke' : null)
        }
    }

    ApplyResult apply(ChangeOperations ops) {
        def change = new Change('policy.gold', ResourceType.POLICY, '-', 'gold', Action.CREATE, 'policy does not exist', [], null, false)
        def graph = OperationGraph.of([change], Estate.empty())
        new Applier(ops, jobs, new Secrets([:]), new Journal(tmp.resolve('journal.jsonl'), { it }), new ApplyListener() {},
                new Applier.Options(1, new Applier.Retry(0, Duration.ofMillis(1), Duration.ofMillis(2)))).run(graph, [])
    }

    def "each job of the chain is waited for before what follows it runs, and the step says what each did"() {
        given:
        List<String> calls = []
        ChangeOperations ops = { Step s, Secrets x ->
            calls << 'move'
            StepResult.job('move-job', 'moved gold').then {
                calls << ("settle after " + polled.toString())
                StepResult.job('settle-job', 'settings set')
            }
        } as ChangeOperations

        when:
        ApplyResult r = apply(ops)

        then:
        r.succeeded()
        calls == ['move', 'settle after [move-job]']
        polled == ['move-job', 'settle-job']
        r.steps()[0].detail() == 'moved gold; settings set'
    }

    def "a follow-up that finds everything done keeps the step's first job and detail"() {
        given:
        ChangeOperations ops = { Step s, Secrets x -> StepResult.job('move-job', 'moved gold').then { StepResult.already('already as declared') } } as ChangeOperations

        when:
        ApplyResult r = apply(ops)

        then:
        r.succeeded()
        r.steps()[0].detail() == 'moved gold'
    }

    def "a failed job stops the chain: what follows it never runs"() {
        given:
        boolean followed = false
        ChangeOperations ops = { Step s, Secrets x -> StepResult.job('fail-job', 'moved gold').then { followed = true; StepResult.changed('x') } } as ChangeOperations

        when:
        ApplyResult r = apply(ops)

        then:
        !r.succeeded()
        !followed
        r.steps()[0].detail().contains('it broke')
    }

    def "a provider that keeps answering with another job fails its step after a bounded number of them"() {
        given:
        ChangeOperations ops = new ChangeOperations() {
            StepResult apply(Step s, Secrets x) { next(0) }

            StepResult next(int n) { StepResult.job("job-${n}".toString(), "round ${n}").then { next(n + 1) } }
        }

        when:
        ApplyResult r = apply(ops)

        then:
        !r.succeeded()
        r.steps()[0].detail().contains("the provider went on after ${Applier.MAX_FOLLOW_UPS} jobs of this step")
        polled.size() == Applier.MAX_FOLLOW_UPS + 1
    }
}
