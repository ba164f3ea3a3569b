package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path

/**
 * examples/move-to-modernized as its operators use it: every machine of a classic vault moves to a modernized vault
 * in the same region by Site Recovery's switch provider, as a plan like any other (MOVE-*): its prerequisites
 * checked at plan time, the batches and the time by Microsoft's formula shown, the recovery plans created again
 * in the new vault, gated like a destructive change, applied, and then nothing left to change.
 */
class MoveToModernizedSpec extends ExecutorSpecification {
    static final ObjectMapper JSON = new ObjectMapper()
    Path dir

    def setup() {
        dir = estate('move-to-modernized')
    }

    def "the move is planned with what it needs, how long it takes and what it leaves to do, gated, applied, and then the estate is as declared"() {
        when: 'the plan, without accepting that the classic recovery points expire'
        int gated = run('plan', dir.toString(), '--no-history', '--no-color')

        then: 'each machine moves (=>) rather than being protected anew, and the move is refused until accepted'
        gated == ExitCode.INVALID_INPUT
        out.contains('=> protection.fin-sql01 (classic recovery points expire)')
        out.contains('# moves from classic vault northwind-vault to modernized vault northwind-vault-modern by Site Recovery\'s switch provider')
        out.contains('vault: "northwind-vault" → "northwind-vault-modern"')
        out.contains('processServer: "ps01" → (removed)')
        out.contains('appliance: "utr-asr01"')
        out.contains('PLAN-DESTROY error: protection.fin-sql01 would move to another vault, its recovery points in the classic vault expiring after their retention (move)')
        !out.contains('+ protection.')
        and: 'nothing Site Recovery would refuse: the other side of each MOVE- limit'
        ['MOVE-AGENT', 'MOVE-STATE', 'MOVE-SERVERS', 'MOVE-APPLIANCE', 'MOVE-REGION', 'MOVE-LOG', 'MOVE-DISKS', 'MOVE-BLOCKED'].every { !out.contains(it) }

        when: 'accepted'
        int code = run('plan', dir.toString(), '--no-history', '--no-color', '--allow-destroy')

        then: 'a healthy machine moves in about 2 h; the classic vault keeps its recovery points for the retention of its policy'
        code == ExitCode.OK
        out.contains('impact: about 2.0 h; no new recovery point until the first one in northwind-vault-modern;'
                + ' the classic vault\'s last recovery points stay failover-able for their retention (1d), then Site Recovery purges them')
        and: 'seven machines, one batch of up to ten (MOVE-BATCH)'
        out.contains('MOVE-BATCH info: 7 machines move from classic to modernized vaults in 1 batch of up to 10, about 2.0 h in all')
        and: 'the recovery plans are created again in the new vault (MOVE-PLANS)'
        out.contains('+ recovery_plan.finance-failover')
        out.contains('# recovery plan is in vault northwind-vault, not in its target\'s vault: created again there (MOVE-PLANS')
        out.contains('MOVE-PLANS info: recovery plan finance-failover is created again in vault northwind-vault-modern')
        out.contains('7 to move')
        and: 'no policy to create: Site Recovery moves the machines under its copy of their classic policy (MOVE-POLICY)'
        !out.contains('+ policy.standard')
        out.contains("MOVE-POLICY info: Site Recovery copies classic policy standard into vault northwind-vault-modern as 'standard northwind-vault-modern_rg-asr'")

        when: 'saved and applied from the saved plan'
        Path plan = tmp.resolve('move.json')
        assert run('plan', dir.toString(), '--no-history', '--allow-destroy', '-out', plan.toString()) == ExitCode.OK
        def json = JSON.readValue(plan.toFile(), Map)
        int applied = run('apply', plan.toString(), dir.toString(), '--allow-destroy')

        then: 'the saved plan counts the moves, and apply moves every machine'
        json.format_version == '1.2'
        json.summary.move == 7
        json.changes.find { it.address == 'protection.mq01' }.action == 'move'
        applied == ExitCode.OK
        out.contains('=> protection.mq01: done')
        out.contains('moving to the vault of northwind-dr (switch provider)')

        when:
        int next = run('plan', dir.toString(), '--no-history', '--no-color', '--detailed-exitcode')

        then: "the machines replicate in the modernized vault under Site Recovery's copy of their policy, which takes the declared settings next"
        next == ExitCode.CHANGES
        out.contains("~ policy.standard")
        out.contains("# Site Recovery's copy of the classic policy, 'standard northwind-vault-modern_rg-asr', which the moved machines run under, takes the declared settings (MOVE-POLICY)")
        out.contains('recoveryPointHistory: "1d" → "3d"')
        !out.contains('protection.')

        when:
        assert run('apply', dir.toString(), '--auto-approve') == ExitCode.OK
        int again = run('plan', dir.toString(), '--no-history', '--detailed-exitcode')

        then: 'nothing left to change'
        again == ExitCode.OK
        out.contains('No changes')
        def after = JSON.readValue(state(dir).resolve('state.json').toFile(), Map)
        after.vaults.find { it.target == 'northwind-dr' }.protectedItems*.machine.sort() == ['files01', 'fin-app01', 'fin-app02', 'fin-sql01', 'mq01', 'web01', 'web02']
        !after.vaults.find { it.target == 'northwind-classic' }.protectedItems
    }

    def "a machine Site Recovery would refuse to move is an error at plan time, and nothing runs"() {
        given: 'fin-app01 runs an agent older than 9.50; mq01 is still in its initial replication'
        Path stateFile = state(dir).resolve('state.json')
        def saved = JSON.readValue(stateFile.toFile(), Map)
        def classic = saved.vaults.find { it.target == 'northwind-classic' }
        classic.protectedItems.find { it.machine == 'fin-app01' }.mobility.version = '9.48'
        classic.protectedItems.find { it.machine == 'mq01' }.state = 'initial-replication'
        JSON.writerWithDefaultPrettyPrinter().writeValue(stateFile.toFile(), saved)
        String before = Files.readString(stateFile)

        when:
        int code = run('plan', dir.toString(), '--no-history', '--no-color', '--allow-destroy')

        then:
        code == ExitCode.INVALID_INPUT
        out.contains('MOVE-AGENT error: fin-app01 runs Mobility agent 9.48; moving it to the modernized vault needs 9.50 or later (profile asr-2026)')
        out.contains('MOVE-STATE error: mq01 is initial replication; Site Recovery moves only a machine whose initial replication is complete')
        out.contains('machines.groovy, line 5)')

        when:
        int applied = run('apply', dir.toString(), '--auto-approve', '--allow-destroy')

        then: 'apply plans first and stops on the errors: the estate is untouched'
        applied == ExitCode.INVALID_INPUT
        Files.readString(stateFile) == before
    }

    def "a move Site Recovery cannot switch (between two modernized vaults) disables and enables protection, with the full initial replication"() {
        given: 'the move done'
        assert run('apply', dir.toString(), '--auto-approve', '--allow-destroy') == ExitCode.OK
        and: 'then the groups retarget another modernized vault'
        Files.writeString(dir.resolve('site.groovy'), Files.readString(dir.resolve('site.groovy')) + '''
azure('northwind-dr2') {
    subscription '8d2e6f1a-3b4c-4d5e-9f6a-7b8c9d0e1f2a'
    region 'westeurope'
    resourceGroup 'rg-asr2'
    vault 'northwind-vault-2'
    architecture 'modernized'
    storageAccount('northwindlog02') { replication 'lrs' }
    network('dr-vnet') {
        addressSpace '10.70.0.0/16'
        subnet 'servers', '10.70.1.0/24'
        subnet 'web', '10.70.2.0/24'
    }
    network('drill-vnet') {
        addressSpace '10.99.0.0/16'
        subnet 'servers', '10.99.1.0/24'
        drill true
    }
}
''')
        ['protection.groovy', 'recovery-plans.groovy'].each { f -> Files.writeString(dir.resolve(f), Files.readString(dir.resolve(f)).replace("target 'northwind-dr'", "target 'northwind-dr2'")) }

        when:
        int code = run('plan', dir.toString(), '--no-history', '--no-color', '--allow-destroy')

        then:
        code == ExitCode.OK
        out.contains('-/+ protection.fin-sql01 (destroys recovery points)')
        out.contains('# moves from vault northwind-vault-modern (modernized) to vault northwind-vault-2 (modernized), which Site Recovery cannot switch')
        out.contains('impact: 1028.0 GB to replicate, about ')
        !out.contains('=> protection.')

        when: 'applied'
        int applied = run('apply', dir.toString(), '--auto-approve', '--allow-destroy')

        then: 'the machines replicate in the new vault, nothing left in the old one'
        applied == ExitCode.OK
        run('plan', dir.toString(), '--no-history', '--detailed-exitcode') == ExitCode.OK
        def after = JSON.readValue(state(dir).resolve('state.json').toFile(), Map)
        after.vaults.find { it.target == 'northwind-dr2' }.protectedItems.size() == 7
        !after.vaults.find { it.target == 'northwind-dr' }.protectedItems
    }

    def "what the move needs of the servers, the vaults and the log account is checked at plan time: #rule"() {
        given:
        Path stateFile = state(dir).resolve('state.json')
        def saved = JSON.readValue(stateFile.toFile(), Map)
        stateEdit(saved)
        JSON.writerWithDefaultPrettyPrinter().writeValue(stateFile.toFile(), saved)
        definitionEdit(dir)

        when:
        int code = run('plan', dir.toString(), '--no-history', '--no-color', '--allow-destroy')

        then:
        code == (severity == 'error' ? ExitCode.INVALID_INPUT : ExitCode.OK)
        out.contains("${rule} ${severity}: ${message}")

        where:
        rule             | severity  | message                                                                                                 | stateEdit                                                                                                             | definitionEdit
        'MOVE-SERVERS'   | 'error'   | 'configuration server cs01 of site utrecht is critical in vault northwind-vault'                        | { s -> server(s, 'northwind-classic', 'cs01').health = 'critical' }                                                   | { d -> }
        'MOVE-APPLIANCE' | 'error'   | 'replication appliance utr-asr01 that takes fin-sql01 over is critical'                                 | { s -> server(s, 'northwind-dr', 'utr-asr01').health = 'critical' }                                                   | { d -> }
        'MOVE-REGION'    | 'warning' | 'fin-sql01 leaves classic vault northwind-vault in westeurope for a vault in northeurope: Site Recovery\'s switch provider moves machines only within' | { s -> }                                                                                                              | { d -> edit(d, 'site.groovy', "region 'westeurope'\n    resourceGroup 'rg-asr'\n", "region 'northeurope'\n    resourceGroup 'rg-asr'\n"); logAccountOfItsOwn(d) }
        'MOVE-LOG'       | 'warning' | 'fin-sql01 moves with its classic log storage account northwindcache01, but group finance declares northwindlog02' | { s -> } | { d -> edit(d, 'site.groovy', "    network('dr-vnet') {", "    storageAccount('northwindlog02') { replication 'lrs' }\n    network('dr-vnet') {"); edit(d, 'protection.groovy', "logStorageAccount 'northwindcache01'     // the classic target's: the move keeps the log account (MOVE-LOG)\n    tagged 'finance'", "logStorageAccount 'northwindlog02'\n    tagged 'finance'") }
        'MOVE-DISKS'     | 'warning' | "fin-sql01 replicates to a storage account (unmanaged disks) in classic vault northwind-vault: Site Recovery's switch provider moves only machines replicating to managed disks, so it is protected anew" | { s -> item(s, 'fin-sql01').moveReadiness = [managedDisks: false] } | { d -> }
        'MOVE-BLOCKED'   | 'error'   | 'vault northwind-vault reports that fin-sql01 cannot move to a modernized vault now: SwitchProviderBlocked: the machine has pending resynchronisation — resynchronise it' | { s -> item(s, 'fin-sql01').moveReadiness = [managedDisks: true, blockers: ['SwitchProviderBlocked: the machine has pending resynchronisation — resynchronise it']] } | { d -> }
    }

    def "the batches follow the profile: a copy of asr-2026 moving 5 machines at once shows two batches (MOVE-BATCH)"() {
        given:
        Path profile = tmp.resolve('asr-2026-batch5.yaml')
        Path bundled = Path.of(Files.isDirectory(Path.of('planner')) ? 'planner' : '../planner').resolve('src/main/resources/siteplan/profiles/asr-2026.yaml')
        Files.writeString(profile, Files.readString(bundled).replace('name: asr-2026', 'name: asr-2026-batch5').replace('batch: 10 ', 'batch: 5 '))

        when:
        int code = run('plan', dir.toString(), '--no-history', '--no-color', '--allow-destroy', '--profile', profile.toString())

        then:
        code == ExitCode.OK
        out.contains('MOVE-BATCH info: 7 machines move from classic to modernized vaults in 2 batches of up to 5, about 4.0 h in all')
        out.contains('batch 1 (5, about 2.0 h): files01, fin-app01, fin-app02, fin-sql01, mq01; batch 2 (2, about 2.0 h): web01, web02')
    }

    static Map item(Map state, String machine) {
        state.vaults.find { it.target == 'northwind-classic' }.protectedItems.find { it.machine == machine } as Map
    }

    /** The modernized target in another region logs through an account of its own region (a log account is the vault region's). */
    static void logAccountOfItsOwn(Path d) {
        edit(d, 'site.groovy', "    network('dr-vnet') {", "    storageAccount('northwindlog02') { replication 'lrs' }\n    network('dr-vnet') {")
        Files.writeString(d.resolve('protection.groovy'), Files.readString(d.resolve('protection.groovy')).replace("logStorageAccount 'northwindcache01'", "logStorageAccount 'northwindlog02'"))
    }

    static Map server(Map state, String target, String name) {
        state.vaults.find { it.target == target }.fabrics.collectMany { it.servers }.find { it.name == name } as Map
    }

    static void edit(Path dir, String file, String from, String to) {
        String text = Files.readString(dir.resolve(file))
        assert text.contains(from): "${file} has no '${from}'"
        Files.writeString(dir.resolve(file), text.replace(from, to))
    }
}
