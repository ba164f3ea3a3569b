package siteplan.executor.history

import java.nio.file.Files
import java.nio.file.Path
import org.eclipse.jgit.api.Git
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The state folder's recorded-state marker says "this folder holds that record" (or "sim init set it anew"): believed
 * only when this machine wrote it. One committed to the checkout came with the definitions, and would let a forged
 * state.json or estate-id win over the state that travelled with history.
 */
class MarkerTrustSpec extends Specification {
    @TempDir
    Path tmp

    static final String COMMIT = '0123456789abcdef0123456789abcdef01234567'

    def "a marker this machine wrote is believed; the same marker committed to the checkout is not"() {
        given: 'a checkout whose state folder holds a marker'
        Path checkout = Files.createDirectories(tmp.resolve('checkout'))
        Path state = Files.createDirectories(checkout.resolve('examples/x/.siteplan'))
        Git git = Git.init().setDirectory(checkout.toFile()).call()
        Files.writeString(checkout.resolve('README.md'), 'definitions\n')
        git.add().addFilepattern('README.md').call()
        RecordedState.mark(state, COMMIT)

        expect: 'written here, untracked: believed'
        RecordedState.held(state) == Optional.of(COMMIT)

        when: 'the marker is committed with the definitions, as a merged pull request could'
        git.add().addFilepattern('examples/x/.siteplan/recorded-state').call()

        then: 'it is not believed, so history wins'
        RecordedState.held(state).isEmpty()
        !RecordedState.trustedMarker(state)

        cleanup:
        git?.close()
    }

    def "outside any git checkout the marker is this machine's own"() {
        given:
        Path state = Files.createDirectories(tmp.resolve('plain/.siteplan'))
        RecordedState.markInitialised(state)

        expect:
        RecordedState.trustedMarker(state)
    }

    def "a checkout's state folder dressed as a bare repository (HEAD, objects, refs committed beside the marker) does not hide it: #where"() {
        given: 'a merged change committed a marker and the files of a bare repository'
        Path checkout = Files.createDirectories(tmp.resolve('checkout'))
        Path state = Files.createDirectories(checkout.resolve('examples/x/.siteplan'))
        Path disguise = checkout.resolve(where)
        Git git = Git.init().setDirectory(checkout.toFile()).call()
        Files.createDirectories(disguise.resolve('objects'))
        Files.createDirectories(disguise.resolve('refs'))
        Files.writeString(disguise.resolve('objects/.keep'), '')
        Files.writeString(disguise.resolve('refs/.keep'), '')
        Files.writeString(disguise.resolve('HEAD'), 'ref: refs/heads/main\n')
        RecordedState.markInitialised(state)
        git.add().addFilepattern('.').call()

        expect:
        !RecordedState.trustedMarker(state)

        cleanup:
        git?.close()

        where:
        where << ['examples/x/.siteplan', 'examples/x', 'examples']
    }

    def "a marker the checkout tracks is replaced by history's state on every run, and never refuses the run under the lock"() {
        given: 'a history remote with one record, and a checkout that tracks its marker'
        Path remote = tmp.resolve('history.git')
        Git.init().setBare(true).setDirectory(remote.toFile()).call().close()
        Map<String, String> env = [GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.com', SITEPLAN_LOCK_DIR: tmp.resolve('locks').toString()]
        Path a = Files.createDirectories(tmp.resolve('a/.siteplan'))
        Files.writeString(a.resolve('state.json'), '{"vcenters":[{"site":"recorded"}]}\n')
        def frame = siteplan.executor.run.RunFrame.start(History.open(tmp.resolve('a/history'), null, remote.toUri().toString(), env),
                new siteplan.executor.run.RunFrame.Setup('estate', 'simulated sim-1', 'apply', true, env, {}, { new IllegalStateException(it) }, java.time.Duration.ZERO, '', a), {})
        frame.started()
        frame.beforeRecording {}
        String commit = frame.commit('apply estate: succeeded', 'succeeded', [:])
        frame.close()

        Path checkout = Files.createDirectories(tmp.resolve('checkout'))
        Path state = Files.createDirectories(checkout.resolve('.siteplan'))
        Files.writeString(state.resolve('state.json'), '{"vcenters":[{"site":"forged"}]}\n')
        Git git = Git.init().setDirectory(checkout.toFile()).call()
        RecordedState.mark(state, commit)
        git.add().addFilepattern('.siteplan').call()

        when:
        def h = History.open(checkout.resolve('history'), null, remote.toUri().toString(), env)
        def taken = RecordedState.take(h, state, 'estate')

        then: 'history wins, and under the lock the run goes on from what it took'
        taken.isPresent()
        Files.readString(state.resolve('state.json')) == '{"vcenters":[{"site":"recorded"}]}\n'
        RecordedState.newerThanHeld(h, state, 'estate').isEmpty()

        cleanup:
        h?.close()
        git?.close()
    }
}
