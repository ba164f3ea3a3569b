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
}
