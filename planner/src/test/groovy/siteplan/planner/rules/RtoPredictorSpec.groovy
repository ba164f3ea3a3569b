package siteplan.planner.rules

import java.time.Instant
import spock.lang.Specification

/** How a recovery plan's RTO is predicted from recorded runs (RTO-PREDICTED): the timeline's arithmetic, learnt from history. */
class RtoPredictorSpec extends Specification {

    static RtoPredictor.Shape shape(List<List<Map>> groups, List<String> finalChecks = []) {
        new RtoPredictor.Shape(groups.collect { g ->
            new RtoPredictor.GroupShape(g.collect { new RtoPredictor.MachineShape(it.name, it.gb ?: 0, it.deps ?: []) }, [], [], [])
        }, finalChecks)
    }

    static int day = 0

    static RecordedRun run(String plan, RtoPredictor.Shape s, Map<String, Long> seconds, long rto, RecordedRun.Kind kind = RecordedRun.Kind.DRILL) {
        new RecordedRun(plan, Instant.parse('2026-01-01T00:00:00Z').plusSeconds(86400L * (day++)), kind, true, null, rto, null, null, null, 'c' * 40, s,
                seconds, [:], [:], null, [])
    }

    def "with nothing recorded, the prediction rests on the simulated estate's timing model, and says so"() {
        when:
        def p = RtoPredictor.predict(shape([[[name: 'a', gb: 100]]]), [], 'p')

        then:
        p.basis() == RtoPredictor.Basis.DEFAULTS
        p.seconds() == 285 + 60
        p.errorSeconds() == null
        p.basisText().contains('rests on defaults')
    }

    def "machines of a group run side by side; one that depends on another waits for it; groups add up"() {
        given:
        def s = shape([[[name: 'db', gb: 0], [name: 'app', gb: 0, deps: ['db']], [name: 'web', gb: 0]], [[name: 'late', gb: 0]]])

        expect: 'db then app (2 × 285 s), web beside them; then the second group'
        RtoPredictor.predict(s, [], 'p').seconds() == 285 * 2 + 285
    }

    def "the time per GB is fitted from machines of different sizes, and a machine's own slowness is remembered"() {
        given: 'drills of machines of 100 and 600 GB, 300 s + 1 s/GB; slow01 always 200 s slower than its size says'
        day = 0
        def runs = (1..4).collect {
            def s = shape([[[name: 'small', gb: 100], [name: 'big', gb: 600], [name: 'slow01', gb: 100]]])
            run('p', s, [small: 400L, big: 900L, slow01: 600L], 900)
        }

        when:
        def big = RtoPredictor.predict(shape([[[name: 'new', gb: 1100]]]), runs, 'q')
        def slow = RtoPredictor.predict(shape([[[name: 'slow01', gb: 100]]]), runs, 'q')

        then: 'a machine never drilled: on the least-squares line through all three (slow01 pulls it to 420 s + 0.8 s/GB)'
        big.seconds() == 420 + 880
        big.basis() == RtoPredictor.Basis.HISTORY
        big.runs() == 4

        and: 'slow01 keeps its own deviation from that line (100 s), and is predicted as it ran'
        slow.seconds() == 600
    }

    def "a planned failover's machine times are not learnt (it first shuts the source down), its steps and checks are"() {
        given:
        day = 0
        def s = shape([[[name: 'a', gb: 0]]], ['tcp a:80'])
        def planned = new RecordedRun('p', Instant.parse('2026-02-01T00:00:00Z'), RecordedRun.Kind.PLANNED_FAILOVER, true, null, 9999, null, null, null, 'c' * 40, s,
                [a: 9000L], [:], ['tcp a:80': 40L], null, [])

        when:
        def p = RtoPredictor.predict(s, [planned], 'p')

        then:
        p.basis() == RtoPredictor.Basis.DEFAULTS
        p.seconds() == 285 + 40
        p.untimed().isEmpty()
    }

    def "its error is measured: each earlier drill of the plan predicted from the runs before it only"() {
        given: 'three drills of the plan at 500 s, 600 s and 700 s for the same machine'
        day = 0
        def s = shape([[[name: 'a', gb: 0]]])
        def runs = [run('p', s, [a: 500L], 500), run('p', s, [a: 600L], 600), run('p', s, [a: 700L], 700)]

        when:
        def tests = RtoPredictor.backtest(runs, 'p')
        def p = RtoPredictor.predict(s, runs, 'p')

        then: 'the first from defaults (285 s); the second from the first (500 s); the third from the mean of two (550 s)'
        tests*.predicted() == [285L, 500L, 550L]
        tests*.basis() == [RtoPredictor.Basis.DEFAULTS, RtoPredictor.Basis.HISTORY, RtoPredictor.Basis.HISTORY]

        and: 'the error is the mean of the two predicted from history: (100 + 150) / 2'
        p.errorSeconds() == 125
        p.errorRuns() == 2
        p.seconds() == 600
        p.basisText() == 'from 3 recorded runs, ±2m, the mean error over 2 earlier drills'
    }

    def "a step or check never recorded is counted at its default and named"() {
        given:
        def s = new RtoPredictor.Shape([new RtoPredictor.GroupShape([new RtoPredictor.MachineShape('a', 0, [])], ['runbook warm-up', 'manual call the DBA'], ['tcp a:1433'], [])], [])

        when:
        def p = RtoPredictor.predict(s, [], 'p')

        then:
        p.seconds() == 60 + 285
        p.untimed() == ['runbook warm-up', 'manual call the DBA', 'tcp a:1433 check']
    }

    def "a prediction is said to the minute"() {
        expect:
        RtoPredictor.Prediction.about(s) == text

        where:
        s    || text
        0    || '0m'
        20   || 'under 1m'
        2939 || '49m'
        3570 || '1h'
    }

    def "a chain of any length, or a cycle a forged record holds, is added up without recursion"() {
        given: '20,000 machines, each waiting for the next'
        int n = 20000
        def chain = (0..<n).collect { [name: "m${it}".toString(), gb: 0, deps: it + 1 < n ? ["m${it + 1}".toString()] : []] }
        def cycle = [[name: 'a', gb: 0, deps: ['b']], [name: 'b', gb: 0, deps: ['a']]]

        expect:
        RtoPredictor.predict(shape([chain]), [], 'p').seconds() == 285L * n
        RtoPredictor.predict(shape([cycle]), [], 'p').seconds() == 285 * 2
    }
}
