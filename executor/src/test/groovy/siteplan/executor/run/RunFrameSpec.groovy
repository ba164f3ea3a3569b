package siteplan.executor.run

import java.nio.file.Files
import java.nio.file.Path
import siteplan.executor.history.EstateLock
import siteplan.executor.history.History
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The frame of a run that changes the estate: the estate lock is held from start to close, the run is
 * recorded in history when it commits, and a run that never began changing anything leaves no trace.
 */
class RunFrameSpec extends Specification {
    @TempDir Path tmp

    Map<String, String> env() {
        [GIT_AUTHOR_NAME: 'Dana Operator', GIT_AUTHOR_EMAIL: 'dana@example.com', SITEPLAN_LOCK_DIR: tmp.resolve('locks').toString()]
    }

    List<String> notes = []

    static final class Refused extends RuntimeException {
        Refused(String message) { super(message) }
    }

    RunFrame.Setup runOf(String kind = 'apply') {
        new RunFrame.Setup('estate', 'estate', kind, false, env(), { notes << it }, { new Refused(it) }, java.time.Duration.ZERO)
    }

    History history() {
        History.open(tmp.resolve('history'), null, null, env())
    }

    def "a committed run is in history, and the lock is free again once the frame is closed"() {
        given:
        def frame = RunFrame.start(history(), runOf('drill'), {})

        when:
        frame.started()
        frame.run().write('report.json', '{}\n')
        def commit = frame.commit('drill estate: passed', 'passed', [:])
        frame.close()
        def again = history()

        then:
        commit
        again.list()*.kind() == ['drill']

        when: 'another run takes the lock'
        def next = RunFrame.start(again, runOf(), {})

        then:
        noExceptionThrown()

        cleanup:
        next?.close()
    }

    def "while a frame is open the estate is locked: a second run is refused"() {
        given:
        def first = RunFrame.start(history(), runOf(), {})

        when:
        RunFrame.start(history(), runOf('drill'), {})

        then:
        thrown(EstateLock.Held)

        cleanup:
        first.close()
    }

    def "a check under the lock that fails releases the lock and records nothing"() {
        when:
        RunFrame.start(history(), runOf(), { throw new Refused('the plan is stale') })

        then:
        def e = thrown(Refused)
        e.message == 'the plan is stale'

        when:
        def h = history()
        def frame = RunFrame.start(h, runOf(), {})
        frame.close()

        then: 'the lock was free, and no run was recorded'
        history().list().isEmpty()
    }

    def "a run closed before it started changing anything is discarded, not recorded as interrupted"() {
        given:
        def frame = RunFrame.start(history(), runOf(), {})

        when:
        frame.close()
        def next = RunFrame.start(history(), runOf(), {})
        next.close()

        then:
        notes.isEmpty()
        history().list().isEmpty()
    }

    def "a run that started and never committed is recorded by the next run as interrupted, with a note"() {
        given:
        def h = history()
        def frame = RunFrame.start(h, runOf(), {})
        frame.started()
        def id = frame.run().id()
        // As kill -9 leaves it: the run's folder and its marker, of a process that is gone, and no commit. The lock is released here so the next run can start.
        Runtime.runtime.removeShutdownHook(frame.@hook)
        def marker = frame.run().dir().resolve(History.RUNNING)
        Files.writeString(marker, Files.readString(marker).replaceAll(/(?m)^pid=.*$/, 'pid=2147483646'))
        frame.@lock.release(frame.@lockId)
        h.close()

        when:
        def next = RunFrame.start(history(), runOf(), {})
        next.close()

        then:
        notes == ["Note: run ${id} was interrupted before it finished; its journal is now in history (siteplan history show ${id}).".toString()]
    }
}
