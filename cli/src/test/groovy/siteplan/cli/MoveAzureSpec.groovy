package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import siteplan.providers.Vcsim
import siteplan.providers.azure.ArmServer

/**
 * examples/move-to-modernized with real providers: Utrecht's vCenter is the govmomi simulator, both vaults (the classic one
 * the machines replicate to, the modernized one they move to) live in one local Resource Manager that holds every Site
 * Recovery request and response to the published contract. The move is Site Recovery's switch provider, asked of the
 * classic vault for each machine (ReplicationProtectedItems_SwitchProvider, InMageAzureV2SwitchProviderInput).
 */
class MoveAzureSpec extends ExecutorSpecification {
    Vcsim vcsim
    ArmServer arm

    def cleanup() {
        vcsim?.close()
        arm?.close()
    }

    Path onPeers(Closure stateEdit = null) {
        Path dir = estate('move-to-modernized')
        Path site = dir.resolve('site.groovy'), state = state(dir).resolve('state.json')
        Files.writeString(state, Files.readString(state).replace('vc01.utr.northwind.local', '127.0.0.1'))
        if (stateEdit) {
            def saved = new ObjectMapper().readValue(state.toFile(), Map)
            stateEdit(saved)
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(state.toFile(), saved)
        }
        vcsim = Vcsim.start(state: state, site: 'utrecht', datastores: true)
        arm = ArmServer.start()
        String text = RealPeers.vsphere(Files.readString(site), 'vc01.utr.northwind.local', vcsim)
        text = RealPeers.azure(RealPeers.azure(text, 'northwind-classic', arm), 'northwind-dr', arm)
        Files.writeString(site, text)
        def estate = siteplan.dsl.load.DefinitionLoader.load([dir.toString()]).estate()
        def discovered = siteplan.planner.state.StateFiles.read(state)
        estate.azure().each { t -> siteplan.providers.azure.ArmResources.seed(arm, t, discovered, estate) }
        Files.delete(state)
        env.SITEPLAN_SECRET_VCENTER_ASR = vcsim.password
        env.SITEPLAN_SECRET_ARM_TOKEN = arm.token
        RealPeers.trust(env, vcsim, arm)
        dir
    }

    List<String> changes(Path dir, int exit = 0) {
        int code = run('plan', dir.toString(), '--json', '--allow-destroy')
        assert code == exit: "exit ${code}\n${err}\n${out}"
        new ObjectMapper().readTree(out).get('changes').findAll { it.get('action').asText() != 'no-op' }.collect { it.get('action').asText() + ' ' + it.get('address').asText() }
    }

    def "the classic vault's machines move to the modernized vault through Site Recovery's switch provider, and the next plan is empty"() {
        given:
        Path dir = onPeers()
        def machines = ['files01', 'fin-app01', 'fin-app02', 'fin-sql01', 'mq01', 'web01', 'web02']

        expect: "read through both vaults: every machine moves (under Site Recovery's copy of its policy), its recovery plans are created in the new vault"
        changes(dir) == machines.collect { "move protection.${it}".toString() } + ['create recovery_plan.finance-failover', 'create recovery_plan.services-failover']

        when:
        int code = run('apply', dir.toString(), '--auto-approve', '--allow-destroy')

        then: 'each machine was moved by the classic vault, naming the modernized vault, its fabric and the appliance'
        code == 0
        out.contains('Apply succeeded')
        def switched = arm.history.values().flatten().findAll { it.action == 'switchProvider' }
        switched.size() == 7
        switched.every { it.state == 'Succeeded' && (it.target as String).contains('/vaults/northwind-vault/') }
        switched.every { it.body.properties.targetInstanceType == 'InMageRcm' && it.body.properties.providerSpecificDetails.instanceType == 'InMageAzureV2' }
        switched.every { (it.body.properties.providerSpecificDetails.targetVaultID as String).endsWith('/vaults/northwind-vault-modern') }
        and: 'the machines replicate in the modernized vault, by the appliance'
        arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') && it.id.contains('/vaults/northwind-vault-modern/') }
                .collect { it.properties.providerSpecificDetails.instanceType }.unique() == ['InMageRcm']
        arm.refused.isEmpty()
        and: "under the copy of their policy Site Recovery made, named as Microsoft Learn says"
        arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') && it.id.contains('/vaults/northwind-vault-modern/') }
                .collect { it.properties.policyFriendlyName }.unique() == ['standard northwind-vault-modern_rg-asr']
        and: "logging through the classic log account, which stays in the classic vault's resource group"
        arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') && it.id.contains('/vaults/northwind-vault-modern/') }
                .collect { it.properties.providerSpecificDetails.protectedDisks*.logStorageAccountId }.flatten().unique()
                == ['/subscriptions/8d2e6f1a-3b4c-4d5e-9f6a-7b8c9d0e1f2a/resourceGroups/rg-asr-classic/providers/Microsoft.Storage/storageAccounts/northwindcache01']

        and: 'the copy takes the declared settings next, and then nothing is left to change'
        changes(dir) == ['update policy.standard']
        run('apply', dir.toString(), '--auto-approve') == 0
        changes(dir) == []
    }

    def "an apply that stops waiting while Site Recovery moves the machines leaves the moves running; the next apply waits for them instead of asking again"() {
        given: "Site Recovery's moves outlast the first apply's patience (SITEPLAN_AZURE_OPERATION_TIMEOUT)"
        Path dir = onPeers()
        arm.pollsPerJob = 1_000_000
        env.SITEPLAN_AZURE_OPERATION_TIMEOUT = '10m'

        when:
        int first = run('apply', dir.toString(), '--auto-approve', '--allow-destroy')

        then: 'the apply fails, every move asked once and still running in the classic vault'
        first != 0
        (out + err).contains('still running after 10m')
        arm.history.values().flatten().count { it.action == 'switchProvider' } == 7
        arm.resources.values().count { it.type?.endsWith('replicationProtectedItems') && it.id.contains('/vaults/northwind-vault/')
                && it.properties.currentScenario.scenarioName != 'None' } == 7

        when: 'Site Recovery finishes them while the next apply waits'
        arm.pollsPerJob = 2
        env.remove('SITEPLAN_AZURE_OPERATION_TIMEOUT')
        int second = run('apply', dir.toString(), '--auto-approve', '--allow-destroy')

        then: 'no move is asked twice; each moved machine is found in the modernized vault and given its declared settings'
        second == 0
        out.contains('waited for the Site Recovery job moving it in vault northwind-vault')
        arm.history.values().flatten().count { it.action == 'switchProvider' } == 7
        arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') && it.id.contains('/vaults/northwind-vault-modern/') }.size() == 7
        arm.refused.isEmpty()
        changes(dir) == ['update policy.standard']
    }

    def "what the classic vault reports of an item decides its move: one on unmanaged disks is protected anew (MOVE-DISKS), one Site Recovery names blockers for is not moved (MOVE-BLOCKED)"() {
        given: "fin-sql01's item replicates to a storage account; mq01's reports why it cannot move"
        Path dir = onPeers { Map s ->
            def items = s.vaults.find { it.target == 'northwind-classic' }.protectedItems
            items.find { it.machine == 'fin-sql01' }.moveReadiness = [managedDisks: false]
            items.find { it.machine == 'mq01' }.moveReadiness = [managedDisks: true, blockers: ['The configuration server heartbeat is stale — restart its services']]
        }

        when:
        int code = run('plan', dir.toString(), '--no-color', '--allow-destroy')

        then: 'read from the vault (useManagedDisks, switchProviderBlockingErrorDetails), as the simulated estate has them'
        code == ExitCode.INVALID_INPUT
        out.contains('MOVE-BLOCKED error: vault northwind-vault reports that mq01 cannot move to a modernized vault now: The configuration server heartbeat is stale — restart its services')
        out.contains("MOVE-DISKS warning: fin-sql01 replicates to a storage account (unmanaged disks) in classic vault northwind-vault")
        out.contains('-/+ protection.fin-sql01')
        out.contains('=> protection.fin-app01')

        when: 'Site Recovery no longer reports the blocker'
        Map item = arm.resources.values().find { it.type?.endsWith('replicationProtectedItems') && it.properties.friendlyName == 'mq01' }
        item.properties.providerSpecificDetails.remove('switchProviderBlockingErrorDetails')
        int applied = run('apply', dir.toString(), '--auto-approve', '--allow-destroy')

        then: 'six machines move; fin-sql01 is disabled in the classic vault and protected anew in the modernized one'
        applied == 0
        arm.history.values().flatten().count { it.action == 'switchProvider' } == 6
        arm.history('fin-sql01')*.action.contains('remove')
        arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') && it.id.contains('/vaults/northwind-vault-modern/') }.size() == 7
        arm.refused.isEmpty()
    }

    def "a machine whose group moves to a modernized vault of another region is disabled in the classic vault and protected anew there"() {
        given: 'the modernized vault is in another region: switch provider does not apply (MOVE-REGION)'
        Path dir = onPeers()
        Path site = dir.resolve('site.groovy')
        Files.writeString(site, Files.readString(site).replace("region 'westeurope'\n    resourceGroup 'rg-asr'\n", "region 'northeurope'\n    resourceGroup 'rg-asr'\n")
                .replace("    network('dr-vnet') {", "    storageAccount('northwindlog02') { replication 'lrs' }\n    network('dr-vnet') {"))
        and: 'a log account of its region (Site Recovery caches logs in the vault\'s region)'
        Path groups = dir.resolve('protection.groovy')
        Files.writeString(groups, Files.readString(groups).replace("logStorageAccount 'northwindcache01'", "logStorageAccount 'northwindlog02'"))

        expect:
        changes(dir).findAll { it.contains('protection.') }.every { it.startsWith('replace ') }

        when:
        int code = run('apply', dir.toString(), '--auto-approve', '--allow-destroy')

        then: 'each was disabled in the classic vault, then enabled through the appliance in the modernized one'
        code == 0
        arm.history.values().flatten().findAll { it.action == 'switchProvider' }.isEmpty()
        arm.history.values().flatten().count { it.action == 'remove' && (it.target as String).contains('/vaults/northwind-vault/') } == 7
        arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') }.collect { it.properties.providerSpecificDetails.instanceType }.unique() == ['InMageRcm']
        arm.refused.isEmpty()

        when: 'the classic network mappings, which Site Recovery holds on the classic items, are no longer declared'
        Path protection = dir.resolve('protection.groovy')
        Files.writeString(protection, Files.readAllLines(protection).findAll { !it.startsWith('networkMapping ') }.join('\n') + '\n')

        then: 'nothing left to change'
        changes(dir) == []
    }
}
