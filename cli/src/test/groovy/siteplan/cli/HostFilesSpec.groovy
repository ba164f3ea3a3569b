package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * What siteplan itself does with the files of a definition's folder, which may come from an untrusted
 * change: the .siteplan folder's files are never links out (nothing of a host file reaches a message),
 * history is never written outside or into a folder that is not a history repository, and the
 * definition's digest reads only files inside the folder, within a bound.
 */
class HostFilesSpec extends ExecutorSpecification {
    static final String TOKEN = 'ghp_TOKENVALUE0123456789'

    Path dir
    Path outside

    def setup() {
        dir = estate()
        outside = Files.createDirectories(tmp.resolve('outside'))
    }

    void noTrace() {
        assert !err.contains('\tat ') && !err.contains('internal error'): err
    }

    def "a state.json that links to a host file is refused without showing a byte of it"() {
        given:
        write(outside.resolve('token.txt'), TOKEN + "\n")
        Files.delete(dir.resolve('.siteplan/state.json'))
        Files.createSymbolicLink(dir.resolve('.siteplan/state.json'), outside.resolve('token.txt'))

        when:
        int code = run('plan', dir.toString(), '--no-history')

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('state.json is a symbolic link')
        !(out + err).contains('ghp_')
        noTrace()
    }

    def "a state.json that is not JSON is reported by line and column, never by its content"() {
        given:
        write(dir.resolve('.siteplan/state.json'), TOKEN + "\n")

        when:
        int code = run('plan', dir.toString(), '--no-history')

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('state.json is not a simulated estate siteplan can read: it is not valid JSON at line 1, column')
        !(out + err).contains('ghp_')
        noTrace()
    }

    def "a .siteplan folder that is itself a link is refused"() {
        given:
        Files.createDirectories(outside.resolve('st'))
        Files.move(dir.resolve('.siteplan/state.json'), outside.resolve('st/state.json'))
        Files.delete(dir.resolve('.siteplan'))
        Files.createSymbolicLink(dir.resolve('.siteplan'), outside.resolve('st'))

        when:
        int code = run('plan', dir.toString(), '-out', tmp.resolve('plan.json').toString())

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('the state folder') && err.contains('is a symbolic link')
        !Files.exists(outside.resolve('st/history'))
        !Files.exists(tmp.resolve('plan.json'))
        noTrace()
    }

    def "an estate-id linked to a host file is refused, and never becomes the estate's identity"() {
        given:
        write(outside.resolve('token.txt'), TOKEN + "\n")
        Files.createSymbolicLink(dir.resolve('.siteplan/estate-id'), outside.resolve('token.txt'))

        when:
        int code = run('apply', dir.toString(), '--auto-approve')

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('estate-id is a symbolic link')
        !(out + err).contains('ghp_')
        noTrace()
    }

    def "plan -out refuses a history folder that links outside, and writes nothing there"() {
        given:
        Path victim = Files.createDirectories(outside.resolve('victim'))
        write(victim.resolve('README.md'), "mine\n")
        Files.createSymbolicLink(dir.resolve('.siteplan/history'), victim)

        when:
        int code = run('plan', dir.toString(), '-out', tmp.resolve('plan.json').toString())

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('history is a symbolic link')
        read(victim.resolve('README.md')) == "mine\n"
        !Files.exists(victim.resolve('.git'))
        victim.toFile().list().toList() == ['README.md']
        noTrace()
    }

    def "plan -out refuses a history folder that is not a history repository"() {
        given:
        Path hist = Files.createDirectories(dir.resolve('.siteplan/history'))
        write(hist.resolve('README.md'), "mine\n")

        when:
        int code = run('plan', dir.toString(), '-out', tmp.resolve('plan.json').toString())

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('is not a siteplan history repository')
        read(hist.resolve('README.md')) == "mine\n"
        !Files.exists(hist.resolve('.git'))
        noTrace()
    }

    def "an empty history folder, or none, is where history starts"() {
        given:
        Files.createDirectories(dir.resolve('.siteplan/history'))

        when:
        int code = run('plan', dir.toString(), '-out', tmp.resolve('plan.json').toString())

        then:
        code == ExitCode.OK
        Files.isDirectory(dir.resolve('.siteplan/history/.git'))
        run('plan', dir.toString(), '-out', tmp.resolve('plan.json').toString()) == ExitCode.OK
    }

    def "the definition digest never reads a file a link leads to outside the folder"() {
        given:
        write(outside.resolve('token.txt'), TOKEN + "\n")
        Files.createSymbolicLink(dir.resolve('token.txt'), outside.resolve('token.txt'))
        String before = siteplan.dsl.load.ModelCache.key([dir.toString()])

        when: 'the outside file changes'
        write(outside.resolve('token.txt'), "another secret\n")

        then: 'the digest does not see it, because it never opened it'
        siteplan.dsl.load.ModelCache.key([dir.toString()]) == before
    }

    def "the definition digest sees an edit to a table, and to the state folder not at all"() {
        given:
        write(dir.resolve('data.csv'), "name\nweb01\n")
        String before = siteplan.dsl.load.ModelCache.key([dir.toString()])

        when:
        write(dir.resolve('.siteplan/clock.json'), '{}')
        String afterState = siteplan.dsl.load.ModelCache.key([dir.toString()])
        write(dir.resolve('data.csv'), "name\nweb02\n")

        then:
        afterState == before
        siteplan.dsl.load.ModelCache.key([dir.toString()]) != before
    }

    def "many links to one large file inside are read once"() {
        given:
        new RandomAccessFile(dir.resolve('big.bin').toFile(), 'rw').withCloseable { it.setLength(64L << 20) }
        (1..20).each { Files.createSymbolicLink(dir.resolve("big${it}.bin"), dir.resolve('big.bin')) }

        expect: '21 × 64 MB would pass the bound; read once it is well within it'
        run('validate', dir.toString()) == ExitCode.OK
    }

    def "a definition folder whose files exceed the bound is refused with a clear message"() {
        given: 'a sparse file: large, but costs no disk'
        new RandomAccessFile(dir.resolve('huge.bin').toFile(), 'rw').withCloseable { it.setLength(siteplan.dsl.load.ModelCache.MAX_INPUT_BYTES + 1) }

        when:
        int code = run('validate', dir.toString())

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('add up to more than 512 MB (at huge.bin)')
        noTrace()
    }
}
