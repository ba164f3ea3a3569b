package siteplan.dsl

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

/**
 * Declarative files skip Groovy's compiler; the result must not show it. Every example and every
 * mistake file loads to the same model with the same messages both ways.
 */
class LiteralPathSpec extends Specification {
    @TempDir
    Path dir

    static List<String> definitionFiles() {
        def root = new File('../examples')
        def files = []
        root.eachFileRecurse { f -> if (f.name.endsWith('.groovy') && !f.name.startsWith('_') && !f.path.contains('/.siteplan/')) files << f.path }
        files.sort()
    }

    static DslResult load(Path root, List<Path> files, boolean literal) {
        new GroovyLoader(root, literal).load(files)
    }

    @Unroll
    def "#file loads the same with and without the literal path"() {
        given:
        Path f = Path.of(file)

        when:
        def fast = load(f.parent, [f], true)
        def groovy = load(f.parent, [f], false)

        then:
        fast.estate() == groovy.estate()
        fast.problems()*.render() == groovy.problems()*.render()

        where:
        file << definitionFiles()
    }

    def "a declarative file takes the literal path; one with code takes Groovy's"() {
        given:
        Files.writeString(dir.resolve('plain.groovy'), "machines('lab') {\n  vmwareVm('a') { os 'linux', 'CentOS 6.5'; disk('d') { size 10.GB; churn 1.GB } }\n}\n")
        Files.writeString(dir.resolve('code.groovy'), "machines('lab') {\n  ['b', 'c'].each { n -> vmwareVm(n) { os 'linux', 'CentOS 6.5' } }\n}\n")
        def loader = new GroovyLoader(dir, true)

        when:
        def r = loader.load([dir.resolve('plain.groovy'), dir.resolve('code.groovy')])

        then:
        loader.literalFiles() == 1
        r.estate().machines()*.name() == ['a', 'b', 'c']
    }

    @Unroll
    def "numbers Groovy reads otherwise than plain decimal load the same both ways: #what"() {
        given:
        Files.writeString(dir.resolve('n.groovy'), "machines('lab') {\n  vmwareVm('a') {\n    os 'linux', 'CentOS 6.5'\n    disk('d') { size ${number}.GB }\n  }\n}\n")

        when:
        def fast = load(dir, [dir.resolve('n.groovy')], true)
        def groovy = load(dir, [dir.resolve('n.groovy')], false)

        then:
        fast.estate() == groovy.estate()
        fast.problems()*.render() == groovy.problems()*.render()

        where:
        what                    | number
        'a leading zero (octal)' | '010'
        '19 digits'             | '1234567890123456789'
        '25 digits'             | '1234567890123456789012345'
        'a long decimal'        | '1.' + '1' * 60
    }

    @Unroll
    def "mistakes in a declarative file read the same both ways: #what"() {
        given:
        Files.writeString(dir.resolve('e.groovy'), text)

        when:
        def fast = load(dir, [dir.resolve('e.groovy')], true)
        def groovy = load(dir, [dir.resolve('e.groovy')], false)

        then:
        fast.problems()*.render() == groovy.problems()*.render()
        !fast.problems().isEmpty()

        where:
        what                  | text
        'unknown word'        | "machines('lab') {\n  vmwareVm('a') {\n    os 'linux', 'CentOS 6.5'\n    chrun 1.GB\n  }\n}\n"
        'bare number'         | "machines('lab') {\n  vmwareVm('a') {\n    os 'linux', 'CentOS 6.5'\n    disk('d') { size 10 }\n  }\n}\n"
        'wrong enum'          | "machines('lab') {\n  vmwareVm('a') {\n    os 'linux', 'CentOS 6.5'\n    firmware 'efi'\n  }\n}\n"
        'missing required'    | "replicationPolicy('p') {\n  rpoThreshold 15.minutes\n}\n"
        'secret as text'      | "vmwareSite('s') {\n  vcenter('vc') { credential 'hunter2' }\n}\n"
        'nested top word'     | "machines('lab') {\n  vmwareVm('a') {\n    os 'linux', 'CentOS 6.5'\n    recoveryPlan('x') { source 'a' }\n  }\n}\n"
        'wrong arguments'     | "machines('lab') {\n  vmwareVm('a') {\n    os 'linux'\n  }\n}\n"
        'bad named option'    | "networkMapping 'a', too: 'b'\n"
        'unknown top word'    | "vmwareSites('x') { }\n"
        'syntax error'        | "machines('lab') {\n  vmwareVm('a') {\n"
    }
}
