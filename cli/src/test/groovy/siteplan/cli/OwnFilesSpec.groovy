package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Files that land in a definition folder beside the definition: siteplan's own (a saved plan, an
 * export) are recognised and skipped with a note; any other data file is named as not a definition,
 * once, with what to do.
 */
class OwnFilesSpec extends ExecutorSpecification {
    Path dir

    def setup() {
        dir = estate('vmware-to-azure')
    }

    /** siteplan run in the definition folder itself, as `siteplan plan .` is; stdout in out, stderr in err. */
    int here(String... args) {
        def cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-cp', System.getProperty('java.class.path'), 'siteplan.cli.Main'] + args.toList()
        def pb = new ProcessBuilder(cmd).directory(dir.toFile())
        pb.environment().putAll(env)
        Path o = tmp.resolve('stdout'), e = tmp.resolve('stderr')
        pb.redirectOutput(o.toFile()).redirectError(e.toFile())
        Process p = pb.start()
        assert p.waitFor(180, TimeUnit.SECONDS)
        out = Files.readString(o)
        err = Files.readString(e)
        p.exitValue()
    }

    def "a plan saved into the definition folder is skipped with a note, and the saved plan still applies"() {
        given:
        here('plan', '.', '-out', 'plan.json') == 0
        String planned = out.readLines().find { it.startsWith('Plan: ') }

        when:
        int again = here('plan', '.')

        then:
        again == 0
        err.readLines().contains('Note: skipped plan.json: a plan saved by siteplan plan -out, not part of the definition.')
        out.readLines().find { it.startsWith('Plan: ') } == planned

        when: 'the apply plan -out printed'
        int applied = here('apply', 'plan.json', '.')

        then:
        applied == 0
        out.contains('Apply succeeded')
    }

    def "an export written into the folder is skipped while it declares nothing the other files do not"() {
        given:
        here('export', '.', '-o', 'estate.yaml') == 0

        when:
        int code = here('validate', '.')

        then:
        code == 0
        out.trim() == '.: valid — 5 files; 12 machines (26 disks), 1 Azure target, 1 VMware site, 2 policies, 3 protection groups, 2 recovery plans'
        err.readLines() == ['Note: skipped estate.yaml: an export (siteplan export) that declares nothing the other files do not.']
    }

    def "a file with the export's \$schema that declares more is a definition: its machine is planned, not skipped"() {
        given: 'one machine of an export, renamed: one the other files do not declare, beside the export\'s $schema'
        here('export', '.', '--format', 'json', '-o', '_export.json') == 0
        def mapper = new com.fasterxml.jackson.databind.ObjectMapper()
        def exported = mapper.readTree(dir.resolve('_export.json').toFile())
        def extra = mapper.createObjectNode()
        extra.set('$schema', exported.get('$schema'))
        def machine = exported.get('machines').get(0).deepCopy().put('name', 'extra01')
        machine.get('nics').get(0).put('ip', '10.1.1.99')
        extra.putArray('machines').add(machine)
        Files.writeString(dir.resolve('extra.json'), mapper.writeValueAsString(extra))

        when:
        here('validate', '.')

        then:
        !err.contains('Note: skipped')
        out.contains('13 machines')
    }

    def "any other data file is named once as not a siteplan definition, with what to do"() {
        given:
        Files.writeString(dir.resolve('package.json'), '{\n  "name": "dr-runbook",\n  "version": "1.0.0"\n}\n')

        when:
        int code = here('validate', '.')

        then:
        code == ExitCode.INVALID_INPUT
        err.readLines() == ["(package.json, line 1) is not a siteplan definition: none of its keys (name, version) is one of an estate's"
                                    + " (azure, vmwareSites, vmmSites, machines, replicationPolicies, hyperVPolicies, networkMappings, storageMappings, protectionGroups, recoveryPlans, objectives);"
                                    + " move it out of the definition folder, or prefix its name with _ or . so that siteplan skips it",
                            '1 problem found; nothing was changed. Names used across files are checked once these are fixed.']

        when: 'prefixed as the message says'
        Files.move(dir.resolve('package.json'), dir.resolve('_package.json'))

        then:
        here('validate', '.') == 0
    }
}
