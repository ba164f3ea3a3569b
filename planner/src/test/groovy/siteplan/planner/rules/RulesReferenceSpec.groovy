package siteplan.planner.rules

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification

/** docs/rules.md, the reference a finding's rule ID is looked up in, is what the rule classes and the profiles say. */
class RulesReferenceSpec extends Specification {
    static final Path DOC = RulesReference.root().resolve('docs/rules.md')

    def "docs/rules.md is generated from the rule classes and the profiles, and is not stale"() {
        given:
        String generated = RulesReference.generate()
        if (Boolean.getBoolean('siteplan.docs.write')) Files.writeString(DOC, generated)

        expect:
        assert Files.exists(DOC) && Files.readString(DOC) == generated: 'docs/rules.md does not match the rule classes and profiles: ' +
                'run mvn -o -q -B install -pl model,planner -Dtest=RulesReferenceSpec -Dsiteplan.docs.write=true and review its diff'
    }

    def "every rule a rule class reports is described, with the severity it is reported with"() {
        given:
        String doc = RulesReference.generate()
        List<String> rows = doc.readLines().findAll { it ==~ /\| [A-Z]{2,5}-[A-Z0-9-]+ \|.*/ }

        expect: 'the rules of every family'
        rows.size() >= 60
        ['SRC-DISK-SIZE', 'PS-CHURN', 'CS-REG-KEY', 'MT-SIZE', 'POL-HV-COPY', 'MAP-NET', 'RP-LIMITS', 'FB-PS-AZURE', 'MOB-PUSH-WIN'].every { id -> rows.any { it.startsWith("| ${id} |") } }
        and: 'none without what it checks or without a severity'
        rows.every { it.split(/ \| /)[1].trim() }
        rows.findAll { it.split(/ \| /)[2].trim() == '—' }.isEmpty()
        and: 'a limit as each profile gives it'
        rows.find { it.startsWith('| SRC-DISK-SIZE |') }.contains('source.diskMaxSize: 1023GB | source.diskMaxSize: 4095GB')
        rows.find { it.startsWith('| MAP-NET |') }.contains('error / warning')
    }
}
