package siteplan.cli

/** The command line itself: help, version, exit codes, and outputs that are never half-written. */
class CommandLineSpec extends CliSpecification {

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
}
