package siteplan.cli

import java.nio.file.Files

/** What a Terraform user's scripts type: single-dash spellings of the common flags. */
class TerraformSpellingsSpec extends ExecutorSpecification {
    def "plan takes -json, -no-color, -detailed-exitcode and -out as Terraform spells them"() {
        given:
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        run('plan', dir.toString(), '--json')
        def json = out

        expect: 'the same plan as with the double-dash spellings'
        run('plan', dir.toString(), '-json', '-detailed-exitcode') == ExitCode.CHANGES
        out == json
        out.startsWith("{") && out.contains("\"changes\"")

        and:
        run('plan', dir.toString(), '--no-color') == ExitCode.OK
        def text = out
        run('plan', dir.toString(), '-no-color') == ExitCode.OK
        out == text

        and:
        run('plan', dir.toString(), '-out', tmp.resolve('p.json').toString()) == ExitCode.OK
        Files.isRegularFile(tmp.resolve('p.json'))
    }

    def "apply takes -auto-approve and -lock-timeout"() {
        given:
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0

        expect:
        run('apply', dir.toString(), '-auto-approve', '-lock-timeout', '1m') == ExitCode.OK
        out.contains('Apply succeeded')
    }

    def "every command that takes the estate lock offers --lock-timeout, and a value that is no duration is refused naming the flag"() {
        expect:
        ['apply', 'drill', 'failover', 'commit', 'reprotect', 'failback'].every { command ->
            assert run(command, '--help') == ExitCode.OK
            assert out.contains('-lock-timeout, --lock-timeout=DURATION'): command
            assert out.replaceAll(/\s+/, ' ').contains('Wait up to DURATION (e.g. 30s, 5m) for a lock another run holds, instead of exiting 5 at once (default: 0s).'): command
            true
        }

        when:
        def dir = estate()
        int code = run('apply', dir.toString(), '--auto-approve', '--lock-timeout', 'soon')

        then:
        code == ExitCode.INVALID_INPUT
        err == "siteplan: --lock-timeout 'soon' is not a duration such as 500ms, 2s or 1m\n"
    }
}
