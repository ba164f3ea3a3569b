package siteplan.cli

import java.time.Duration
import siteplan.executor.provider.RecoveryPointChoice

/** Option values are converted once, before a command runs; a refused value is one line naming the option where it always did. */
class OptionValuesSpec extends CliSpecification {

    def "a duration is milliseconds or what the definitions read: #text"() {
        expect:
        OptionValues.duration(text) == expected

        where:
        text    | expected
        '500ms' | Duration.ofMillis(500)
        '2s'    | Duration.ofSeconds(2)
        '1m'    | Duration.ofMinutes(1)
    }

    def "a recovery point is latest, latest-app-consistent or a time"() {
        expect:
        OptionValues.recoveryPoint('latest') == RecoveryPointChoice.LATEST
        OptionValues.recoveryPoint('2026-11-21T08:00:00Z').toString() == '2026-11-21T08:00:00Z'
    }

    def "a bad duration names its option, then says what a duration looks like"() {
        expect:
        siteplan('drill', 'examples/failback', '--recovery-plan', 'any', '--script-timeout', 'forever') == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: --script-timeout 'forever' is not a duration such as 500ms, 2s or 1m"
    }

    def "a bad recovery point says what one is, with no usage hint"() {
        expect:
        siteplan('drill', 'examples/failback', '--recovery-plan', 'any', '--recovery-point', 'yesterday') == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: recovery point 'yesterday' is not latest, latest-app-consistent or a time such as 2026-11-21T08:00:00Z"
    }

    def "every command has a help of its own"() {
        expect:
        siteplan('show', '--help') == ExitCode.OK
        out.contains('Usage: siteplan show')
    }
}
