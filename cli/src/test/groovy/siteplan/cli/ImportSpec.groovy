package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * siteplan import: a team with Site Recovery already running starts from its own estate. The seed names the vault and
 * the site; the written definition plans with no changes against the estate it came from.
 */
class ImportSpec extends ExecutorSpecification {

    static final String MODERNIZED_SEED = '''
azure('fabrikam-dr') {
    subscription '2b9c4d1e-7a3f-4e2b-8c1d-5f6e7a8b9c0d'; region 'westeurope'; resourceGroup 'rg-siterecovery'; vault 'fabrikam-vault'
    architecture 'modernized'
}
vmwareSite('rotterdam') {
    vcenter('vc01.rtm.fabrikam.local') { credential secret('vcenter-asr'); access 'read-write' }
}
'''

    static final String CLASSIC_SEED = '''
azure('contoso-dr') {
    subscription '6f1a3b2c-0d4e-4f5a-9b8c-7d6e5f4a3b2c'; region 'westeurope'; resourceGroup 'rg-siterecovery'; vault 'contoso-vault'
}
vmwareSite('amsterdam') {
    vcenter('vc01.ams.contoso.local') { credential secret('vcenter-asr'); access 'read-write' }
    // What the vault does not report is taken from the seed: the passphrase, how ps01 discovers the vCenter.
    configurationServer('cs01') { location 'azure'; network 'dr-vnet'; subnet 'infra'; ip '10.20.0.10'; passphrase secret('cs01-passphrase') }
    processServer('ps01') { network 'VM Network'; vsphereCli '5.5.0' }
}
'''

    /** The printed "Plan it" command's arguments after "siteplan". */
    static List<String> printedPlan(String out) {
        String line = out.readLines().find { it.startsWith('Plan it') }
        assert line: out
        line.substring(line.indexOf('siteplan ') + 'siteplan '.length()).split(' ') as List<String>
    }

    def "a modernized estate imported from its simulated vault plans with no changes, by the command import prints"() {
        given: 'the modernized example, everything protected as declared'
        Path dir = estate('vmware-to-azure-modernized')
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        Path seed = tmp.resolve('seed')
        Files.createDirectories(seed)
        Files.writeString(seed.resolve('seed.groovy'), MODERNIZED_SEED)
        Path written = tmp.resolve('imported/estate.yaml')
        Files.createDirectories(written.parent)

        when:
        int code = run('import', seed.toString(), '-o', written.toString(), '--state', state(dir).toString())

        then:
        code == ExitCode.OK
        out.contains('20 protected machines in 3 protection groups, 2 policies, 2 recovery plans')
        out.contains("the OS version of badge01, print01 is not discovered (no vCenter reports it): written as 'unknown', set it")
        Files.readString(written).contains('architecture: modernized')
        Files.readString(written).contains('appliance: rtm-asr01')

        when: 'the printed command, as printed'
        int planned = run(printedPlan(out) as String[])

        then:
        planned == ExitCode.INVALID_INPUT // SRC-OS: the two physical servers' versions are for their owner to fill in
        out.contains('Plan: 0 to create, 0 to update, 0 to replace, 0 to delete.')
        out.contains('SRC-OS error: badge01 runs unknown')

        when: 'their versions filled in'
        Files.writeString(written, Files.readString(written).replace('osVersion: unknown', 'osVersion: Windows Server 2019'))

        then:
        run('plan', written.toString(), '--state', state(dir).toString(), '--no-history', '--detailed-exitcode') == ExitCode.OK
        out.contains('No changes')
    }

    def "a classic estate imported from its simulated vault plans with no changes"() {
        given:
        Path dir = estate('vmware-to-azure')
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        Path seed = tmp.resolve('seed.groovy')
        Files.writeString(seed, CLASSIC_SEED)
        Path written = tmp.resolve('classic.yaml')

        when:
        int code = run('import', seed.toString(), '-o', written.toString(), '--state', state(dir).toString())
        String imported = Files.readString(written)

        then:
        code == ExitCode.OK
        out.contains('12 protected machines in 3 protection groups, 2 policies, 2 recovery plans')
        imported.contains('processServer: ps01')
        imported.contains('masterTarget: mt-win01')
        !imported.contains('architecture: modernized')

        when: 'the physical servers given their versions'
        Files.writeString(written, imported.replace('osVersion: unknown', 'osVersion: Windows Server 2012 R2'))

        then:
        run('plan', written.toString(), '--state', state(dir).toString(), '--no-history') in [ExitCode.OK, ExitCode.INVALID_INPUT]
        out.contains('Plan: 0 to create, 0 to update, 0 to replace, 0 to delete.')
    }

    def "an estate with drift is imported as it should be, and import says which changes remain: the Mobility repairs"() {
        given: 'the committed partial estate: some agents stopped'
        Path dir = estate('vmware-to-azure-modernized')
        Path seed = tmp.resolve('seed.groovy')
        Files.writeString(seed, MODERNIZED_SEED)
        Path written = tmp.resolve('drift.yaml')

        when:
        int code = run('import', seed.toString(), '-o', written.toString(), '--state', state(dir).toString())
        String said = out

        then:
        code == ExitCode.OK
        said.contains('Note: planned against the estate it came from, the written definition still changes 3: update mobility.files01, update mobility.mq02, update mobility.ord-app02')
        !said.contains('no changes expected')

        when: 'the printed command, as printed'
        run(printedPlan(said) as String[])

        then:
        out.contains('0 to create, 3 to update, 0 to replace, 0 to delete.')
        out.contains('~ mobility.files01')
    }

    def "import refuses to overwrite, to write anything but YAML, and a seed without a vault; nothing is written"() {
        given:
        Path dir = estate('vmware-to-azure-modernized')
        Path seed = tmp.resolve('seed.groovy')
        Files.writeString(seed, MODERNIZED_SEED)
        Path existing = tmp.resolve('mine.yaml')
        Files.writeString(existing, 'keep me')
        Path noVault = tmp.resolve('novault.groovy')
        Files.writeString(noVault, "vmwareSite('rotterdam') { }")

        expect:
        run('import', seed.toString(), '-o', existing.toString(), '--state', state(dir).toString()) == ExitCode.INVALID_INPUT
        err.contains('mine.yaml exists; import replaces a file only with --force. Nothing was written.')
        Files.readString(existing) == 'keep me'

        run('import', seed.toString(), '-o', tmp.resolve('estate.groovy').toString(), '--state', state(dir).toString()) == ExitCode.INVALID_INPUT
        err.contains('import writes a YAML definition: name the output FILE.yaml')
        !Files.exists(tmp.resolve('estate.groovy'))

        run('import', noVault.toString(), '-o', tmp.resolve('x.yaml').toString(), '--state', state(dir).toString()) == ExitCode.INVALID_INPUT
        err.contains('declares no Azure target')
        !Files.exists(tmp.resolve('x.yaml'))
    }
}
