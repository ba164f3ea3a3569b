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

    /** A simulated estate's state.json, told apart by the name of its one vCenter site. */
    static String st(String label) {
        '{"vcenters":[{"site":"' + label + '"}]}\n'
    }

    /** A machine's state folder holding a simulated estate whose state.json is {@code st(label)}. */
    Path stateFolder(String machine, String label) {
        Path dir = Files.createDirectories(tmp.resolve(machine).resolve('.siteplan'))
        Files.writeString(dir.resolve('state.json'), st(label))
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
            frame.beforeRecording { Files.writeString(stateDir.resolve('state.json'), st(after)) }
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
        Files.readString(b.resolve('state.json')) == st('applied')
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
        Files.readString(b.resolve('state.json')) == st('first')
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
        Files.readString(b.resolve('state.json')) == st('committed')
    }

    /**
     * Pushes to the history branch a commit that claims to record the state of 'estate', as anyone who can
     * push there could: {@code files} maps paths in the commit to their text, or to null for a symbolic link.
     */
    String forge(String run, String at, Map<String, String> files) {
        Path clone = tmp.resolve('forger-' + run)
        Git.cloneRepository().setURI(remote().toUri().toString()).setDirectory(clone.toFile()).setBranch('siteplan-history').call().withCloseable { g ->
            files.each { path, text ->
                Path f = clone.resolve(path)
                Files.createDirectories(f.parent)
                if (text == null) Files.createSymbolicLink(f, Path.of('/etc/hostname')) else Files.writeString(f, text)
            }
            g.add().addFilepattern('runs').call()
            def c = g.commit().setMessage("apply estate: succeeded\n\nSiteplan-Kind: apply\nSiteplan-Run: ${run}\nSiteplan-Estate: estate\nSiteplan-Status: succeeded\nSiteplan-State: ${at}\n")
                    .setAuthor('mallory', 'm@example.com').setCommitter('mallory', 'm@example.com').call()
            g.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec('HEAD:refs/heads/siteplan-history')).call()
            c.name()
        }
    }

    def "a record that is not as siteplan writes one is never taken: the newest good one is, and each skipped record is told with why"() {
        given: 'a good record, then five forged ones on top of it'
        def a = stateFolder('a', 'committed')
        def good = run('a', a, 'good')
        forge('r1', 'runs/r1/state', ['runs/r1/state/clock.json': '{"simulatedNow":"2026-01-01T00:00:00Z"}\n'])
        forge('r2', 'runs/r2/state', ['runs/r2/state/state.json': 'rm -rf /\n'])
        forge('r3', 'runs/elsewhere', ['runs/elsewhere/state.json': st('elsewhere')])
        forge('r4', 'runs/r4/state', ['runs/r4/state/state.json': null])
        forge('r5', 'runs/r5/state', ['runs/r5/state/state.json': st('forged'), 'runs/r5/state/estate-id': 'sim-1; rm -rf /\n'])
        def b = stateFolder('b', 'committed')
        List<RecordedState.Unusable> skipped = []

        when:
        def taken = history('b').withCloseable { h -> RecordedState.take(h, b, 'estate') { skipped << it } }

        then: 'the good record is taken; no forged file reached the state folder'
        taken.get().record().commit() == good
        Files.readString(b.resolve('state.json')) == st('good')
        !Files.exists(b.resolve('clock.json'))
        and: 'each forged record is named, newest first, with what is wrong with it'
        skipped*.entry()*.run() == ['r5', 'r4', 'r3', 'r2', 'r1']
        skipped*.why() == [
                'runs/r5/state/estate-id is not an estate ID as siteplan writes it',
                'runs/r4/state/state.json is missing (or is not a file)',
                "its Siteplan-State trailer is 'runs/elsewhere', not the run's own folder runs/RUN-ID/state",
                skipped[3].why(),
                'runs/r1/state/state.json is missing (or is not a file)']
        skipped[3].why().startsWith("runs/r2/state/state.json is not a simulated estate's state (")
        and: 'under the lock, a forged record is not a newer state either'
        RecordedState.newerThanHeld(history('b'), b, 'estate').isEmpty()
    }

    def "a state sim init wrote is kept over history, and a run from it is not refused under the lock"() {
        given: 'a recorded state, and a state folder set anew by sim init'
        def a = stateFolder('a', 'committed')
        run('a', a, 'recorded')
        def b = stateFolder('b', 'initialised')
        RecordedState.markInitialised(b)

        expect:
        history('b').withCloseable { h -> RecordedState.take(h, b, 'estate') }.isEmpty()
        Files.readString(b.resolve('state.json')) == st('initialised')
        RecordedState.newerThanHeld(history('b'), b, 'estate').isEmpty()
    }

    def "a clone whose branch is ahead with a plan it never pushed still sees the record another machine pushed since"() {
        given: 'B took the first record, then recorded a plan without pushing it; A recorded a newer state'
        def a = stateFolder('a', 'committed')
        run('a', a, 'first')
        def b = stateFolder('b', 'committed')
        history('b').withCloseable { h ->
            RecordedState.take(h, b, 'estate')
            h.begin('plan', 'estate').commit('plan estate', 'planned', [:])
        }
        def second = run('a', a, 'second')

        when: 'B runs under the lock'
        RunFrame.start(history('b'), new RunFrame.Setup('estate', 'simulated sim-1', 'drill', true, env('b'), { notes << it }, { new Refused(it) },
                java.time.Duration.ZERO, '', b), {})

        then: 'refused: a newer state was recorded'
        def e = thrown(Refused)
        e.message.contains("(${second.substring(0, 12)}) recorded a newer state of 'estate'")

        when: 'taken again'
        def taken = history('b').withCloseable { h -> RecordedState.take(h, b, 'estate') }

        then:
        taken.get().record().commit() == second
        Files.readString(b.resolve('state.json')) == st('second')
    }
}
