package siteplan.executor.history

import spock.lang.Specification

/** A history remote's password never reaches a message: not even for a URL that no parser accepts, which is when one is shown. */
class RemoteMessagesSpec extends Specification {

    def "an unusable remote (#why) is named without its password"() {
        when:
        History.open(java.nio.file.Files.createTempDirectory('history'), null, url, [:])

        then:
        History.RemoteUnreachable e = thrown()
        !e.message.contains('S3CRET')
        e.message.contains('://***@')

        where:
        why                  | url
        'port 0'             | 'https://bob:S3CRET@127.0.0.1:0/h.git'
        'port out of range'  | 'https://bob:S3CRET@127.0.0.1:99999/h.git'
        'unsupported scheme' | 'ftp://bob:S3CRET@example.com/h.git'
    }

    def "withoutPassword keeps the user and drops only the password"() {
        expect:
        History.withoutPassword('https://ci:tok@git.example.com/dr/h.git') == 'https://ci:***@git.example.com/dr/h.git'
        History.withoutPassword('https://ci@git.example.com/dr/h.git') == 'https://ci@git.example.com/dr/h.git'
        History.withoutPassword('/srv/history.git') == '/srv/history.git'
        History.withoutPassword('https://bob:S3CRET@[::1:1/h.git') == 'https://bob:***@[::1:1/h.git'
        and: 'a password that holds an @, and a URL the reason repeats'
        History.withoutPassword('https://bob:p@ss@host/h.git: not authorized; https://bob:p@ss@host/h.git') == 'https://bob:***@host/h.git: not authorized; https://bob:***@host/h.git'
    }

    def "forCommand drops the password altogether: a command printed to run next carries none, not even ***"() {
        expect:
        History.forCommand('https://ci:s3cret@git.example.com/dr/history.git') == 'https://git.example.com/dr/history.git'
        History.forCommand('https://ghp_TOKENASUSER@git.example.com/dr/history.git') == 'https://git.example.com/dr/history.git'
        History.forCommand('ssh://git@git.example.com/dr/history.git') == 'ssh://git@git.example.com/dr/history.git'
        History.forCommand('https://git.example.com/dr/history.git') == 'https://git.example.com/dr/history.git'
    }

    def "an unusable remote (#why) is refused, and neither message nor history's .git/config holds its secret"() {
        given:
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory('history')

        when:
        History.open(dir, null, url, [:])

        then:
        History.RemoteUnreachable e = thrown()
        !e.message.contains('S3C') && !e.message.contains('RET5')
        !java.nio.file.Files.exists(dir.resolve('.git/config')) || !java.nio.file.Files.readString(dir.resolve('.git/config')).matches(/(?s).*(S3CRET|TOKEN|RET5).*/)

        where:
        why                        | url
        'one slash after https:'   | 'https:/u:S3CRET@127.0.0.1:1/h.git'
        'a tab in the password'    | 'https://u:S3C\tRET@127.0.0.1:99999/h.git'
        "a '/' in the password"    | 'https://u:S3/CRET5@127.0.0.1:1/h.git'
        'upper-case scheme'        | 'HTTPS://u:S3CRET@127.0.0.1:1/h.git'
    }

    def "a token given as the user name over https is kept in memory only: history stores and shows the URL without it"() {
        given:
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory('history')

        when: 'the remote cannot be reached: the open stores the URL, the push fails'
        def h = History.open(dir, null, 'https://ghp_TOKENASUSER1234@127.0.0.1:1/h.git', [:])
        h.begin('plan', 'estate').commit('plan estate', 'planned', [:])
        h.push()

        then:
        History.RemoteUnreachable e = thrown()
        !e.message.contains('TOKENASUSER')
        h.remote() == 'https://127.0.0.1:1/h.git'
        !java.nio.file.Files.readString(dir.resolve('.git/config')).contains('TOKENASUSER')

        cleanup:
        h?.close()
    }

    def "an ssh remote keeps its user, in scp's form too: it is the account git connects as"() {
        given:
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory('history')

        when:
        def h = History.open(dir, null, url, [:])

        then:
        h.remote() == url
        java.nio.file.Files.readString(dir.resolve('.git/config')).contains("url = ${url}")

        cleanup:
        h?.close()

        where:
        url << ['git@127.0.0.1:org/history.git', 'ssh://git@127.0.0.1:1/org/history.git']
    }
}
