package siteplan.dsl.load

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** fmt's guarantee holds whatever the layout does: a change to the model is refused, naming the file it comes from. */
class DefinitionFormatterSpec extends Specification {
    @TempDir
    Path dir

    def "a layout that would change the model is refused with the file that changes it"() {
        given:
        Path sites = dir.resolve('sites.groovy')
        Path machines = dir.resolve('machines.groovy')
        Files.writeString(sites, "vmwareSite('lab') {\n  network 'VM Network'\n}\n")
        Files.writeString(machines, "machines('lab') {\n  vmwareVm('db01') { os 'linux', 'CentOS 6.5'; nic('nic0') { network 'VM Network' } }\n}\n")

        when: 'a layout that re-indents every file but also rewrites a value in one'
        DefinitionFormatter.format([dir.toString()], { it.replace('\n  ', '\n    ').replace('CentOS 6.5', 'CentOS 6.6') })

        then:
        def refused = thrown(DefinitionFormatter.ModelWouldChange)
        refused.files() == [machines]
    }

    def "a layout that changes only space is accepted, and nothing is written by the check"() {
        given:
        Path machines = dir.resolve('machines.groovy')
        def text = "machines('lab') {\n  vmwareVm('db01') { os 'linux', 'CentOS 6.5'; nic('nic0') { network 'VM Network' } }\n}\n"
        Files.writeString(machines, text)

        when:
        def result = DefinitionFormatter.format([dir.toString()])

        then:
        result.changes()*.file() == [machines]
        result.changes()[0].after() == text.replace('\n  ', '\n    ')
        Files.readString(machines) == text
    }
}
