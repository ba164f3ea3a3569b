package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Path
import siteplan.planner.state.StateFiles
import siteplan.providers.azure.ArmResources
import siteplan.providers.azure.ArmServer
import siteplan.dsl.load.DefinitionLoader

/**
 * Seed 003 through Site Recovery's REST surface: the Hyper-V example's vault (VMM fabrics and clouds,
 * Hyper-V Replica policies, VM network and storage classification mappings, protected VMs) lives in a
 * subscription, declared as an Azure target named like the VMM target site, reached on the local
 * Resource Manager.
 */
class HyperVAzureSpec extends AzurePeerSpecification {
    Path realVault() {
        hyperVOnPeer()
    }

    List<String> changes(Path dir) {
        int code = run('plan', dir.toString(), '--json')
        assert code == 0: this.err + ' ' + this.out
        new ObjectMapper().readTree(out).get('changes').findAll { it.get('action').asText() != 'no-op' }.collect { it.get('action').asText() + ' ' + it.get('address').asText() }
    }

    def "the Hyper-V estate's drift is planned from the vault, applied through it, and gone afterwards"() {
        given:
        Path dir = realVault()
        def before = changes(dir)

        when:
        int code = run('apply', dir.toString(), '--auto-approve')

        then:
        before.any { it.startsWith('create protection.') }
        assert code == 0: out + err
        before.findAll { it.startsWith('create protection.') }.every { arm.actions(it - 'create protection.').contains('enable') }
        changes(dir) == []
    }

    def "a VMM site the vault does not know stops what needs it, saying what to install"() {
        given:
        Path dir = realVault()
        String chicago = arm.resources.values().find { it.type == 'Microsoft.RecoveryServices/vaults/replicationFabrics' && it.properties.friendlyName == 'VMM-Chicago' }.id.toLowerCase()
        arm.resources.keySet().removeIf { it.startsWith(chicago) }
        arm.resources.keySet().removeIf { it.contains('/replicationstorageclassificationmappings/') }

        when:
        int code = run('apply', dir.toString(), '--auto-approve')

        then:
        code == ExitCode.FAILED
        out =~ /storage_mapping\.\w+: FAILED — site chicago is not registered with vault chicago-vault: install the Site Recovery Provider on VMM server VMM-Chicago and register it with the vault's registration key \(seed 003\), then apply again/
    }

    def "policies, cloud pairings, and network and storage mappings are created through Site Recovery"() {
        given: 'a vault that has only its fabrics and clouds'
        Path dir = realVault()
        arm.resources.keySet().removeIf { it.contains('/replicationpolicies/') || it.contains('/replicationnetworkmappings/') || it.contains('/replicationstorageclassificationmappings/') || it.contains('/replicationprotecteditems/') || it.contains('/replicationrecoveryplans/') }

        when:
        def planned = changes(dir)
        int code = run('apply', dir.toString(), '--auto-approve')

        then:
        planned.containsAll(['create policy.gold-hv', 'create policy.silver-hv'])
        planned.any { it.startsWith('create network_mapping.') }
        planned.any { it.startsWith('create storage_mapping.') }
        assert code == 0: out + err
        arm.get('/subscriptions/0b7e3c1d-0000-4000-8000-000000000003/resourceGroups/rg-vmm/providers/Microsoft.RecoveryServices/vaults/chicago-vault/replicationPolicies/silver-hv')
                .properties.providerSpecificDetails.subMap(['instanceType', 'initialReplicationMethod', 'offlineReplicationExportPath', 'allowedAuthenticationType', 'replicationPort']) ==
                [instanceType: 'HyperVReplica2012R2', initialReplicationMethod: 'Offline', offlineReplicationExportPath: '\\\\ny-fs01\\asr-export', allowedAuthenticationType: 2, replicationPort: 8084]
        arm.requests.any { it ==~ /PUT .*\/replicationProtectionContainers\/cloud_[-0-9a-f]+\/replicationProtectionContainerMappings\/gold-hv-GoldCloud2/ }
        changes(dir) == []
    }
}
