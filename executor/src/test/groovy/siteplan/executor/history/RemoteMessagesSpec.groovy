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
        e.message.contains('bob:***@')

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
        History.forCommand('https://ci:s3cret@git.example.com/dr/history.git') == 'https://ci@git.example.com/dr/history.git'
        History.forCommand('https://git.example.com/dr/history.git') == 'https://git.example.com/dr/history.git'
    }
}
