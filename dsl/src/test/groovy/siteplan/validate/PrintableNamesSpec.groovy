package siteplan.validate

import java.nio.file.Files
import java.nio.file.Path
import siteplan.dsl.load.DefinitionLoader
import siteplan.diag.InvalidDefinitionException
import spock.lang.Specification
import spock.lang.TempDir

/** A name is shown on terminals and in reviewed plans: it cannot carry escapes that recolour or forge output. */
class PrintableNamesSpec extends Specification {
    @TempDir
    Path dir

    List<String> problems(String groovy) {
        Files.writeString(dir.resolve('site.groovy'), groovy)
        try {
            DefinitionLoader.load([dir.toString()])
            return []
        } catch (InvalidDefinitionException e) {
            return e.problems()*.message()
        }
    }

    static final String SITE = '''
vmwareSite('paris') { vcenter 'vc01.corp.local' }
'''

    def "a machine name with a terminal escape and a forged line is refused, the name shown escaped"() {
        when:
        def found = problems(SITE + '''
machines('paris') { vmwareVm("evil\\u001b[31mred\\nfake line: valid — 0 problems") { os 'linux', 'CentOS 7'; disk('root') { size 40.GB } } }
''')

        then:
        found.any { it == "machine 'evil\\u001B[31mred\\u000Afake line: valid — 0 problems' holds the unprintable character U+001B — names are shown on terminals and in reviews; write them with printable characters only" }
        found.every { !it.contains('\u001b') && !it.contains('\n') }
    }

    def "a bidirectional override in a recovery plan's name is refused"() {
        when:
        def found = problems(SITE + '''
recoveryPlan("erp\\u202Erevo-liaf") { }
''')

        then:
        found.any { it.startsWith("recovery plan 'erp\\u202Erevo-liaf' holds the unprintable character U+202E") }
    }

    def "ordinary names, accents included, pass this check"() {
        expect:
        problems(SITE + '''
machines('paris') { vmwareVm('café-01') { os 'linux', 'CentOS 7'; disk('root') { size 40.GB } } }
''').every { !it.contains('unprintable') }
    }
}
