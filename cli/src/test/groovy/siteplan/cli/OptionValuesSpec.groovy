package siteplan.cli

import java.time.Duration
import picocli.CommandLine
import siteplan.executor.drill.RecoveryRunner
import siteplan.executor.provider.RecoveryPointChoice
import siteplan.model.json.EstateWriter
import siteplan.providers.Simulator

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

    def "an option with a closed set of words reads them in any case, aliases too: #args"() {
        given: 'the command line siteplan builds, with its converters'
        def line = new CommandLine(new Siteplan())
        OptionValues.register(line)

        when:
        def parsed = line.parseArgs(args as String[])
        while (parsed.hasSubcommand()) parsed = parsed.subcommand()
        def command = parsed.commandSpec().userObject()

        then:
        command[field] == expected

        where:
        args                                                                    | field    | expected
        ['export', 'x']                                                         | 'format' | EstateWriter.Format.JSON
        ['export', 'x', '--format', 'yaml']                                     | 'format' | EstateWriter.Format.YAML
        ['export', 'x', '--format', 'yml']                                      | 'format' | EstateWriter.Format.YAML
        ['export', 'x', '--format', 'JSON']                                     | 'format' | EstateWriter.Format.JSON
        ['failover', 'x', '--recovery-plan', 'p', '--type', 'planned']          | 'mode'   | RecoveryRunner.Mode.PLANNED
        ['failover', 'x', '--recovery-plan', 'p', '--type', 'unplanned']        | 'mode'   | RecoveryRunner.Mode.UNPLANNED
        ['sim', 'generate', 'out']                                              | 'style'  | Simulator.Style.BLOCKS
        ['sim', 'generate', '--style', 'Table', 'out']                          | 'style'  | Simulator.Style.TABLE
    }

    def "a good word reaches the command: an export in YAML, a generated estate in the table style"() {
        given:
        def dir = File.createTempDir()

        expect:
        siteplan('export', 'examples/failback', '--format', 'yml') == ExitCode.OK
        out.startsWith('$schema: https://siteplan.dev/schemas/estate.schema.json\n')

        and:
        siteplan('sim', 'generate', '--machines', '4', '--files', '1', '--style', 'TABLE', new File(dir, 'out').path) == ExitCode.OK
        out.startsWith('Wrote 4 machines in 1 file to ')
        out.trim().endsWith(' table style).')

        cleanup:
        dir.deleteDir()
    }

    def "a word outside the set is one line naming the option and the words it takes, with no usage hint: #args"() {
        expect:
        siteplan(args as String[]) == ExitCode.INVALID_INPUT
        err.trim() == message
        out.isEmpty()

        where:
        args                                                                                     | message
        ['export', 'examples/failback', '--format', 'xml']                                       | "siteplan: --format must be json or yaml, not 'xml'"
        ['failover', 'examples/failback', '--recovery-plan', 'crm', '--type', 'sideways']        | "siteplan: --type must be planned or unplanned, not 'sideways'"
        ['failover', 'examples/failback', '--recovery-plan', 'crm', '--type', 'test']            | "siteplan: --type must be planned or unplanned, not 'test'"
        ['sim', 'generate', '--style', 'fancy', 'never-written']                                 | "siteplan: --style must be blocks or table, not 'fancy'"
    }
}
