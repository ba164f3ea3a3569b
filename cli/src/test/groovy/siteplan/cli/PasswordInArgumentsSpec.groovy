package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.TempDir

/** A password given in a history remote's URL reaches no output, however the command line around it goes wrong. */
class PasswordInArgumentsSpec extends CliSpecification {
    @TempDir
    Path tmp

    def "an argument siteplan cannot use is repeated without the password it holds: #args"() {
        when:
        int code = siteplan(*args)

        then:
        code == ExitCode.INVALID_INPUT
        !(out + err).contains('S3CRET')
        err.contains('u:***@')

        where:
        args << [['show', 'x.json', '--history-remote', 'https://u:S3CRET2@h/r.git'],
                 ['show', 'x.json', '--history_remote=https://u:S3CRET2@h/r.git']]
    }

    def "a URL whose password git cannot read (#why) is refused, named without it, and never stored"() {
        given:
        Path dir = Files.createDirectories(tmp.resolve('plain'))

        when:
        int code = siteplan('history', '--history', dir.resolve('history').toString(), '--history-remote', url)

        then:
        code == ExitCode.INVALID_INPUT
        !(out + err).contains('S3CRET')
        !(out + err).contains('CRET5')
        err.contains('cannot be used (')
        !Files.exists(dir.resolve('history/.git/config')) || !Files.readString(dir.resolve('history/.git/config')).contains('CRET')

        where:
        why                     | url
        'an upper-case scheme'  | 'HTTPS://u:S3CRET4@127.0.0.1:1/r.git'
        "a '/' in the password" | 'https://u:S3/CRET5@127.0.0.1:1/r.git'
        "an '@' in the user"    | 'https://me@corp.com:S3CRET3@127.0.0.1:0/r.git'
    }
}
