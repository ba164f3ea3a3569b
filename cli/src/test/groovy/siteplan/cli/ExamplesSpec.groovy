package siteplan.cli

import siteplan.dsl.load.DefinitionLoader
import siteplan.model.json.EstateWriter
import spock.lang.Unroll

/** The shipped examples are valid, realistic estates, and every form of an estate reads back equal. */
class ExamplesSpec extends CliSpecification {
    static final List<String> EXAMPLES = ['vmware-to-azure-modernized', 'vmware-to-azure', 'failback', 'hyperv-vmm-to-vmm', 'mobility-desired-state', 'move-to-modernized']

    @Unroll
    def "examples/#example validates"() {
        expect:
        siteplan('validate', "examples/${example}") == ExitCode.OK
        out.trim() == "examples/${example}: valid — ${summary}"
        err.isEmpty()

        where:
        example                      | summary
        'vmware-to-azure-modernized' | '4 files; 20 machines (43 disks), 1 Azure target, 1 VMware site, 2 policies, 3 protection groups, 2 recovery plans'
        'vmware-to-azure'        | '5 files; 12 machines (26 disks), 1 Azure target, 1 VMware site, 2 policies, 3 protection groups, 2 recovery plans'
        'failback'               | '1 file; 3 machines (6 disks), 1 Azure target, 1 VMware site, 1 policy, 1 protection group, 1 recovery plan'
        'hyperv-vmm-to-vmm'      | '2 files; 6 machines (8 disks), 2 VMM sites, 2 policies, 2 protection groups, 1 recovery plan'
        'mobility-desired-state' | '1 file; 4 machines (8 disks), 1 Azure target, 1 VMware site, 1 policy, 1 protection group'
        'move-to-modernized'     | '4 files; 7 machines (12 disks), 2 Azure targets, 1 VMware site, 1 policy, 2 protection groups, 2 recovery plans'
    }

    @Unroll
    def "examples/#example exported as #format loads to an equal model, and exporting that gives the same text"() {
        given:
        def dir = File.createTempDir()
        def file = new File(dir, "estate.${format}")
        def original = DefinitionLoader.load(["examples/${example}" as String]).estate()
        // The model names its recovery-plan scripts; they must be beside it to load.
        def scripts = new File("examples/${example}/scripts")
        if (scripts.isDirectory()) {
            new File(dir, 'scripts').mkdirs()
            scripts.listFiles().each { new File(dir, "scripts/${it.name}").bytes = it.bytes }
        }

        when:
        int exit = siteplan('export', "examples/${example}", '--format', format, '-o', file.path)
        def reloaded = DefinitionLoader.load([file.path]).estate()

        then:
        exit == ExitCode.OK
        reloaded == original
        EstateWriter.write(reloaded, EstateWriter.Format.valueOf(format.toUpperCase())) == file.text

        cleanup:
        dir.deleteDir()

        where:
        [example, format] << [EXAMPLES, ['yaml', 'json']].combinations()
    }

    def "the model keeps secrets as references: export shows names, never values"() {
        when:
        siteplan('export', 'examples/failback', '--format', 'yaml')

        then:
        out.contains('env: PARIS_VCENTER_CREDENTIAL')
        out.contains('secret: cs-par01-passphrase')
    }

    def "the model does not depend on how the estate is split into files"() {
        given: 'the Hyper-V example as one file instead of two'
        def dir = File.createTempDir()
        new File(dir, 'all.groovy').text = new File('examples/hyperv-vmm-to-vmm/replication.groovy').text + '\n' +
                new File('examples/hyperv-vmm-to-vmm/sites.groovy').text

        expect:
        DefinitionLoader.load([dir.path]).estate() == DefinitionLoader.load(['examples/hyperv-vmm-to-vmm']).estate()

        cleanup:
        dir.deleteDir()
    }

    def "Groovy, YAML and JSON files can make up one estate together"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'sites.yaml').text = '''vmwareSites:
  - name: lab
    networks:
      - name: VM Network
'''
        new File(dir, 'machines.groovy').text = '''machines('lab') {
    vmwareVm('db01') { os 'linux', 'CentOS 6.5'; nic('eth0') { network 'VM Network' } }
}
'''

        expect:
        siteplan('validate', dir.path) == ExitCode.OK
        out.contains('2 files; 1 machine (0 disks), 1 VMware site')

        cleanup:
        dir.deleteDir()
    }
}
