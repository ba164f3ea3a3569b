package siteplan.executor.history

import java.nio.file.Files
import java.nio.file.Path
import org.eclipse.jgit.api.Git
import siteplan.executor.run.RunFrame
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Which record a state folder holds is this machine's own note, in the user's home: a `recorded-state` file in
 * the folder (committed with the definitions, in a source archive, unpacked from a pull request's artifact) is
 * never read, so it cannot keep a forged state.json or estate-id over the state that travelled with history.
 */
class MarkerTrustSpec extends Specification {
    @TempDir
    Path tmp

    Map<String, String> getEnv() {
        [GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.com', SITEPLAN_LOCK_DIR: tmp.resolve('locks').toString()]
    }

    Path remote() {
        Path r = tmp.resolve('history.git')
        if (!Files.exists(r)) Git.init().setBare(true).setDirectory(r.toFile()).call().close()
        r
    }

    /** A protected job's run that records the state {"vcenters":[{"site":"recorded"}]}; returns its commit. */
    String record() {
        Path a = Files.createDirectories(tmp.resolve('a/.siteplan'))
        Files.writeString(a.resolve('state.json'), '{"vcenters":[{"site":"recorded"}]}\n')
        def frame = RunFrame.start(History.open(tmp.resolve('a/history'), null, remote().toUri().toString(), env),
                new RunFrame.Setup('estate', 'simulated sim-1', 'apply', true, env, {}, { new IllegalStateException(it) }, java.time.Duration.ZERO, '', a), {})
        try {
            frame.started()
            frame.beforeRecording {}
            return frame.commit('apply estate: succeeded', 'succeeded', [:])
        } finally {
            frame.close()
        }
    }

    def "a recorded-state file in the state folder is never read, however it got there: history wins (#how)"() {
        given: 'a recorded state, and a checkout whose state folder holds a forged state and a file naming that record'
        String commit = record()
        Path checkout = Files.createDirectories(tmp.resolve('checkout'))
        Path state = Files.createDirectories(checkout.resolve('examples/x/.siteplan'))
        Files.writeString(state.resolve('state.json'), '{"vcenters":[{"site":"forged"}]}\n')
        Files.writeString(state.resolve('estate-id'), 'attacker-estate-1\n')
        Files.writeString(state.resolve('recorded-state'), (marker == 'commit' ? commit : 'sim init') + '\n')
        if (layout == 'git clone') Git.init().setDirectory(checkout.toFile()).call().withCloseable { it.add().addFilepattern('.').call() }
        if (layout == 'disguised') ['HEAD', 'objects/.keep', 'refs/.keep'].each { Files.createDirectories(state.resolve(it).parent); Files.writeString(state.resolve(it), 'ref: refs/heads/main\n') }

        when:
        def h = History.open(checkout.resolve('history'), null, remote().toUri().toString(), env)
        def taken = RecordedState.take(h, state, 'estate')

        then: 'the record replaced the state and the estate ID; under the lock the run goes on from it'
        taken.isPresent()
        Files.readString(state.resolve('state.json')) == '{"vcenters":[{"site":"recorded"}]}\n'
        !Files.exists(state.resolve('estate-id')) || Files.readString(state.resolve('estate-id')) != 'attacker-estate-1\n'
        RecordedState.newerThanHeld(h, state, 'estate').isEmpty()
        RecordedState.held(state) == Optional.of(commit)

        cleanup:
        h?.close()

        where:
        how                                              | layout          | marker
        'committed in a git clone, naming the record'    | 'git clone'     | 'commit'
        'in a source archive without .git, sim init'     | 'archive'       | 'sim init'
        'beside a HEAD, objects and refs, sim init'      | 'disguised'     | 'sim init'
        'unpacked from an artifact, naming the record'   | 'archive'       | 'commit'
    }

    def "the note this machine writes is in the user's home, names the folder, and is believed"() {
        given:
        Path state = Files.createDirectories(tmp.resolve('plain/.siteplan'))

        when:
        RecordedState.mark(state, '0123456789abcdef0123456789abcdef01234567')

        then:
        RecordedState.held(state) == Optional.of('0123456789abcdef0123456789abcdef01234567')
        RecordedState.markerFile(state).startsWith(Path.of(System.getProperty('user.home'), '.siteplan', 'recorded-state'))
        Files.readAllLines(RecordedState.markerFile(state))[1] == state.toRealPath().toString()
        !Files.exists(state.resolve('recorded-state'))

        cleanup:
        Files.deleteIfExists(RecordedState.markerFile(state))
    }
}
