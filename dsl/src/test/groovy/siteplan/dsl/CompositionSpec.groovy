package siteplan.dsl

import java.nio.file.Files
import java.nio.file.Path
import siteplan.files.DefinitionPaths
import siteplan.model.MachineKind
import siteplan.model.SecretRef
import siteplan.units.DataSize
import spock.lang.Specification
import spock.lang.TempDir

/** Estates are written as Gradle users write builds: several files, shared definitions, loops, functions. */
class CompositionSpec extends Specification {
    @TempDir
    Path dir

    DslResult load(Map<String, String> files) {
        files.each { name, text ->
            Path f = dir.resolve(name)
            Files.createDirectories(f.parent)
            Files.writeString(f, text)
        }
        new GroovyLoader(dir).load(files.keySet().findAll { !it.split('/').last().startsWith('_') }.sort().collect { dir.resolve(it) })
    }

    def "closures from an included file act on the block they are called in"() {
        when:
        def r = load([
                'shared/_defaults.groovy': '''
linux = { os 'linux', 'CentOS 6.5' }
standardDisks = { int dataGb -> disk('root') { size 40.GB }; disk('data') { size dataGb.GB; churn (dataGb.intdiv(10)).GB } }
''',
                'machines.groovy'        : '''
include 'shared/_defaults.groovy'
machines('lab') {
    ['mq01', 'mq02'].each { n ->
        vmwareVm(n) { linux(); standardDisks(200) }
    }
}
'''])

        then:
        r.problems()*.render() == []
        r.estate().machines()*.name() == ['mq01', 'mq02']
        r.estate().machines().every { it.osVersion() == 'CentOS 6.5' && it.kind() == MachineKind.VMWARE_VM }
        r.estate().machines()[0].disks()*.size() == [DataSize.gb(40), DataSize.gb(200)]
        r.estate().machines()[0].totalChurn() == DataSize.gb(20)
    }

    def "functions defined with def in the same file act on the block they are called in"() {
        when:
        def r = load(['a.groovy': '''
def windows() { os 'windows', 'Windows Server 2012 R2' }
machines('lab') { physicalServer('print01') { windows() } }
'''])

        then:
        r.problems() == []
        r.estate().machines()[0].kind() == MachineKind.PHYSICAL
    }

    def "machines of one site may be declared in many files"() {
        when:
        def r = load(['a.groovy': "machines('lab') { vmwareVm('a') { os 'linux', 'CentOS 6.5' } }",
                      'b.groovy': "machines('lab') { vmwareVm('b') { os 'linux', 'CentOS 6.5' } }"])

        then:
        r.problems() == []
        r.estate().machines()*.name() == ['a', 'b']
    }

    def "secret and env give references whose values never enter the model"() {
        when:
        def r = load(['a.groovy': '''
vmwareSite('lab') {
    vcenter('vc01') { credential env('VC_CREDENTIAL') }
    configurationServer('cs01') { location 'azure'; passphrase secret('cs01-passphrase') }
}'''])

        then:
        r.problems() == []
        r.estate().vmwareSites()[0].vcenter().credential() == SecretRef.env('VC_CREDENTIAL')
        r.estate().vmwareSites()[0].configurationServer().passphrase() == SecretRef.secret('cs01-passphrase')
    }

    def "a top-level block inside another block is reported, not silently nested"() {
        when:
        def r = load(['a.groovy': '''machines('lab') {
    vmwareVm('a') {
        os 'linux', 'CentOS 6.5'
        recoveryPlan('x') { }
    }
}'''])

        then:
        r.problems()*.render() == ["(${DefinitionPaths.display(dir.resolve('a.groovy'))}, line 4) 'recoveryPlan' is a top-level block; it cannot appear inside machine 'a' — move it out of that block" as String]
    }

    def "assigning to a misspelt property is reported instead of creating a variable"() {
        when:
        def r = load(['a.groovy': '''machines('lab') {
    vmwareVm('a') {
        os 'linux', 'CentOS 6.5'
        churn = 10.GB
        chrun = 10.GB
    }
}'''])

        then:
        r.problems()*.message() == ["unknown property 'chrun' in machine 'a' — did you mean 'churn'?"]
        r.estate().machines()[0].churn() == DataSize.gb(10)
    }

    def "an include that goes round in a circle is reported"() {
        when:
        def r = load(['a.groovy': "include '_b.groovy'", '_b.groovy': "include 'a.groovy'"])

        then:
        r.problems()*.message().any { it.contains('goes round in a circle') }
    }

    def "churn declared on a machine and on its disks must agree"() {
        when:
        def r = load(['a.groovy': '''machines('lab') {
    vmwareVm('a') {
        os 'linux', 'CentOS 6.5'
        churn 50.GB
        disk('d') { size 100.GB; churn 20.GB }
    }
}'''])

        then:
        r.problems()*.message() == ["machine 'a' declares churn 50 GB but its disks add up to 20 GB — declare churn on the machine or on its disks, not both"]
    }

    def "a computed amount takes its unit even where Groovy reads 'churn (x).GB' as 'churn(x).GB'"() {
        when:
        def r = load(['a.groovy': '''machines('lab') {
    vmwareVm('a') {
        os 'linux', 'CentOS 6.5'
        disk('d') { size (50 * 2).GB; churn (100 / 10).GB }
        disk('e') { size 10; churn (5).minutes }
    }
}'''])

        then:
        r.estate().machines()[0].disks()[0].size() == DataSize.gb(100)
        r.estate().machines()[0].disks()[0].churn() == DataSize.gb(10)
        r.problems()*.message() == [
                "churn in disk 'e' of machine 'a' expects a data size, such as 900.GB — got 5min",
                "size in disk 'e' of machine 'a' expects a data size — got 10 without a unit; write 10.GB (or .KB, .MB, .TB)",
        ]
    }
}
