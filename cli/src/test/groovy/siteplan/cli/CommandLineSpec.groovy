package siteplan.cli

/** The command line itself: help, version, exit codes, and outputs that are never half-written. */
class CommandLineSpec extends CliSpecification {
    /** An example's folder, from the repository or from cli/. */
    static String example(String name) {
        new File('examples').isDirectory() ? "examples/${name}" : "../examples/${name}"
    }

    def "--version names siteplan and its runtime"() {
        expect:
        siteplan('--version') == ExitCode.OK
        out.readLines()[0] ==~ /siteplan \d+\.\d+\.\d+(-SNAPSHOT)?/
        out.contains('Groovy 4.')
    }

    def "--help lists the commands"() {
        expect:
        siteplan('--help') == ExitCode.OK
        ['validate', 'export', 'schema'].every { out.contains(it) }
    }

    def "an unknown command is an input error with a suggestion"() {
        expect:
        siteplan('valdate', 'examples') == ExitCode.INVALID_INPUT
        err.contains("Unmatched arguments from index 0: 'valdate'")
        err.contains('validate')
    }

    def "an unknown export format is an input error"() {
        expect:
        siteplan('export', 'examples/failback', '--format', 'xml') == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: --format must be json or yaml, not 'xml'"
    }

    def "export to a file replaces it whole and leaves nothing else behind"() {
        given:
        def dir = File.createTempDir()
        def target = new File(dir, 'estate.json')
        target.text = 'old'

        expect:
        siteplan('export', 'examples/failback', '-o', target.path) == ExitCode.OK
        target.text.startsWith('{')
        dir.list() as List == ['estate.json']

        cleanup:
        dir.deleteDir()
    }

    def "an invalid definition does not touch an existing export"() {
        given:
        def dir = File.createTempDir()
        def target = new File(dir, 'estate.json')
        target.text = 'previous export'

        expect:
        siteplan('export', 'examples/broken/typo.groovy', '-o', target.path) == ExitCode.INVALID_INPUT
        target.text == 'previous export'
        dir.list() as List == ['estate.json']

        cleanup:
        dir.deleteDir()
    }

    def "an internal error is one line that asks for a bug report, with the stack trace only under --debug"() {
        given:
        def w = new StringWriter()

        when:
        int code = Siteplan.handle(new IllegalStateException('boom'), new PrintWriter(w, true), false)

        then:
        code == ExitCode.INTERNAL_ERROR
        w.toString().trim() == 'siteplan: internal error: IllegalStateException: boom — this is a bug in siteplan; please report it (run again with --debug for details)'

        when:
        def d = new StringWriter()
        Siteplan.handle(new IllegalStateException('boom'), new PrintWriter(d, true), true)

        then:
        d.toString().contains('\tat ')
    }

    def "bare siteplan names no command: usage on standard error and the usage-error exit code"() {
        when:
        int code = siteplan()

        then:
        code == ExitCode.INVALID_INPUT
        out == ''
        err.startsWith('siteplan: name a command.\nUsage: siteplan ')
        err.contains('Commands:')
    }

    def "every command takes --no-color"() {
        given:
        def commands = []
        def walk
        walk = { picocli.CommandLine c -> commands << c; c.subcommands.values().each { walk(it) } }
        walk(new picocli.CommandLine(new Siteplan()))

        expect:
        commands.size() > 15
        commands.findAll { it.commandSpec.findOption('--no-color') == null }*.commandSpec*.qualifiedName() == []
        siteplan('validate', example('vmware-to-azure'), '--no-color') == ExitCode.OK
        siteplan('history', '--no-color', '--history', java.nio.file.Files.createTempDirectory('sp').resolve('h').toString()) == ExitCode.OK
    }

    def "colour only on a terminal, and never with --no-color or a non-empty NO_COLOR (no-color.org)"() {
        given:
        def dir = example('vmware-to-azure')
        def state = java.nio.file.Files.createTempDirectory('sp').toString()
        assert siteplan('sim', 'init', dir, '--state', state) == ExitCode.OK
        Siteplan.terminal = true

        when:
        runWith(FIXED_DATE + extra, *(['plan', dir, '--no-history', '--state', state] + flags))

        then:
        out.contains('\u001b[') == coloured

        cleanup:
        Siteplan.terminal = false

        where:
        flags          | extra          | coloured
        []             | [:]            | true
        ['--no-color'] | [:]            | false
        []             | [NO_COLOR: '1'] | false
        []             | [NO_COLOR: ''] | true
    }

    def "plan --json --markdown is a usage error, not a silent choice"() {
        when:
        int code = siteplan('plan', example('vmware-to-azure'), '--json', '--markdown')

        then:
        code == ExitCode.INVALID_INPUT
        err.startsWith('siteplan: Error: --json, --markdown are mutually exclusive')
        err.contains("Run 'siteplan plan --help' for usage.")
        out == ''
    }

    def "counts read as English and sizes as people write them"() {
        given:
        def state = java.nio.file.Files.createTempDirectory('sp').toString()
        def generated = java.nio.file.Files.createTempDirectory('sp').resolve('gen').toString()

        expect:
        siteplan('sim', 'init', example('vmware-to-azure'), '--state', state) == ExitCode.OK
        out.contains(': 10 VMs, 1 vault, 0 protected machines (nothing protected yet).')
        siteplan('sim', 'generate', '--machines', '1', '--files', '1', generated) == ExitCode.OK
        out =~ /^Wrote 1 machine in 1 file to \S+ \(\d+(\.\d+)? KB, \w+ style\)\.\n$/
    }
}
