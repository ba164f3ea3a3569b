package siteplan.executor

import java.nio.file.Path
import org.eclipse.jgit.api.Git
import siteplan.executor.history.EstateLock
import siteplan.executor.history.History
import spock.lang.Specification
import spock.lang.TempDir

class HistorySpec extends Specification {
    @TempDir Path tmp

    def env = [GIT_AUTHOR_NAME: 'Dana Operator', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'ci-bot', GIT_COMMITTER_EMAIL: 'ci@example.com']

    String record(History h, String kind) {
        def run = h.begin(kind, 'estate')
        run.write('result.json', '{"kind": "' + kind + '"}\n')
        run.commit(kind + ' estate: succeeded', 'succeeded', ['Siteplan-Recovery-Plan': 'erp'])
    }

    def "two runners that recorded runs at the same time both land: the second push merges, nothing is lost"() {
        given:
        def remote = tmp.resolve('remote.git')
        Git.init().setBare(true).setDirectory(remote.toFile()).call().close()
        def a = History.open(tmp.resolve('a'), null, remote.toString(), env)
        def b = History.open(tmp.resolve('b'), null, remote.toString(), env)

        when: 'both record before either pushes'
        record(a, 'apply')
        record(b, 'drill')
        a.push()
        b.push()
        def c = History.open(tmp.resolve('c'), null, remote.toString(), env)

        then: 'a new clone sees both runs'
        c.list()*.kind().sort() == ['apply', 'drill']
        c.list().every { it.author() == 'Dana Operator <dana@example.com>' }

        cleanup:
        [a, b, c]*.close()
    }

    def "an interrupted run's folder is committed by the next opener, once its process is gone"() {
        given:
        def h = History.open(tmp.resolve('h'), null, null, env)
        def run = h.begin('apply', 'estate')
        run.write('journal.jsonl', '{"event":"started"}\n')
        run.started()
        // Pretend the writer was a process that is gone: a pid that cannot exist on this host.
        def marker = run.dir().resolve('RUNNING')
        marker.toFile().text = marker.toFile().text.replaceFirst(/pid=\d+/, 'pid=2147483647')

        expect:
        h.recoverInterrupted() == [run.id()]
        h.list()[0].status() == 'interrupted'
        h.list()[0].subject() =~ /apply estate: interrupted \(process 2147483647 on \S+ ended before it finished; its journal is kept\)/
        h.recoverInterrupted().isEmpty()

        cleanup:
        h.close()
    }

    def "the local lock: one holder at a time; a wrong ID cannot remove it"() {
        given:
        def h = History.open(tmp.resolve('h'), null, null, env)
        def locks = [SITEPLAN_LOCK_DIR: tmp.resolve('locks').toString()]
        def dana = new EstateLock(h, 'estate', 'estate', locks)
        def lock = new EstateLock(h, 'estate', 'estate', locks)
        def id = dana.acquire('apply', 'Dana')

        when:
        lock.acquire('drill', 'Sam')

        then:
        def held = thrown(EstateLock.Held)
        held.message.startsWith("estate 'estate' is locked by Dana (apply, since ")

        when:
        EstateLock.find(h, 'estate', '0000000')

        then:
        thrown(IOException)

        when:
        dana.release(id)

        then:
        lock.current().isEmpty()
        lock.acquire('drill', 'Sam') != null

        cleanup:
        h.close()
    }
}
