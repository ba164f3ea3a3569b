package siteplan.executor.history

import java.nio.file.Files
import java.nio.file.Path
import org.eclipse.jgit.api.Git
import siteplan.executor.run.RunFrame
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The state that travels with the history remote, between two machines that share only that remote: each
 * run's commit records the state it left, the other machine starts from the newest record of the history
 * branch (history wins over what its state folder holds), and a run whose state is no longer the newest
 * once it holds the lock is refused.
 */
class RecordedStateSpec extends Specification {
    @TempDir Path tmp
    List<String> notes = []

    static final class Refused extends RuntimeException {
        Refused(String message) { super(message) }
    }

    Path remote() {
        Path r = tmp.resolve('history.git')
        if (!Files.exists(r)) Git.init().setBare(true).setDirectory(r.toFile()).call().close()
        r
    }

    Map<String, String> env(String machine) {
        [GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.com', SITEPLAN_LOCK_DIR: tmp.resolve(machine).resolve('locks').toString()]
    }

    /** A machine's state folder holding a simulated estate whose state.json says {@code state}. */
    Path stateFolder(String machine, String state) {
        Path dir = Files.createDirectories(tmp.resolve(machine).resolve('.siteplan'))
        Files.writeString(dir.resolve('state.json'), state)
        dir
    }

    History history(String machine) {
        History.open(tmp.resolve(machine).resolve('history'), null, remote().toUri().toString(), env(machine))
    }

    /** One run on a machine that changes its estate's state to {@code after} and pushes its record; returns the commit. */
    String run(String machine, Path stateDir, String after) {
        def frame = RunFrame.start(history(machine), new RunFrame.Setup('estate', 'simulated sim-1', 'apply', true, env(machine), { notes << it }, { new Refused(it) },
                java.time.Duration.ZERO, '', stateDir), {})
        try {
            frame.started()
            frame.beforeRecording { Files.writeString(stateDir.resolve('state.json'), after) }
            return frame.commit('apply estate: succeeded', 'succeeded', [:])
        } finally {
            frame.close()
        }
    }

    def "a run records the state it left; a machine with another state folder takes it from the history branch, and says what it replaced"() {
        given: 'machine A applied; machine B is a fresh clone with the committed state'
        def a = stateFolder('a', 'committed')
        Files.writeString(a.resolve('estate-id'), 'sim-1\n')
        def commit = run('a', a, 'applied')
        def b = stateFolder('b', 'committed')

        when:
        def taken = history('b').withCloseable { h -> RecordedState.take(h, b, 'estate') }

        then: 'B holds the recorded state, the estate ID the lock is keyed on, and knows which record it holds'
        taken.get().record().commit() == commit
        taken.get().replaced().isEmpty()
        Files.readString(b.resolve('state.json')) == 'applied'
        Files.readString(b.resolve('estate-id')) == 'sim-1\n'
        RecordedState.held(b).get() == commit
        and: 'A already held it'
        RecordedState.held(a).get() == commit
        history('a').withCloseable { h -> RecordedState.take(h, a, 'estate') }.isEmpty()
        and: 'taken again, nothing changes'
        history('b').withCloseable { h -> RecordedState.take(h, b, 'estate') }.isEmpty()
    }

    def "a run whose state is no longer the newest recorded once it holds the lock is refused, nothing recorded"() {
        given: 'B took the state A recorded; then A ran again'
        def a = stateFolder('a', 'committed')
        run('a', a, 'first')
        def b = stateFolder('b', 'committed')
        history('b').withCloseable { h -> RecordedState.take(h, b, 'estate') }
        def second = run('a', a, 'second')

        when:
        RunFrame.start(history('b'), new RunFrame.Setup('estate', 'simulated sim-1', 'drill', true, env('b'), { notes << it }, { new Refused(it) },
                java.time.Duration.ZERO, '', b), {})

        then:
        def e = thrown(Refused)
        e.message.startsWith('drill refused: while it waited, apply run ')
        e.message.contains("(${second.substring(0, 12)}) recorded a newer state of 'estate' in the history branch siteplan-history of ")
        e.message.endsWith('. Nothing was changed; run the command again to start from that state.')
        Files.readString(b.resolve('state.json')) == 'first'
    }

    def "a commit pushed to another ref of the remote is never taken as state"() {
        given: 'a record on a plans ref, as a pull-request job could push one'
        def a = stateFolder('a', 'committed')
        def commit = run('a', a, 'forged')
        Git.open(remote().toFile()).withCloseable { g ->
            def plans = g.repository.updateRef('refs/siteplan/plans/pr-1')
            plans.setNewObjectId(org.eclipse.jgit.lib.ObjectId.fromString(commit))
            plans.update()
            // and the history branch never received it
            def branch = g.repository.updateRef('refs/heads/siteplan-history')
            branch.setForceUpdate(true)
            branch.delete()
        }
        def b = stateFolder('b', 'committed')

        expect:
        history('b').withCloseable { h -> RecordedState.take(h, b, 'estate') }.isEmpty()
        Files.readString(b.resolve('state.json')) == 'committed'
    }
}
