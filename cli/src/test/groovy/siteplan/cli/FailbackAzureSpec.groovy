package siteplan.cli

import java.nio.file.Path
import siteplan.planner.state.StateFiles
import siteplan.providers.Vcsim
import siteplan.providers.azure.ArmResources
import siteplan.providers.azure.ArmServer
import siteplan.dsl.load.DefinitionLoader

/**
 * Seeds 001/002 through the real providers: the failback example's vCenter is the govmomi simulator and
 * its vault the local Resource Manager; failover, commit and the four failback stages are Site Recovery
 * calls, and the estate ends where it started.
 */
class FailbackAzureSpec extends AzurePeerSpecification {
    def "failover, commit, then failback in the four stages brings the plan home through Site Recovery"() {
        given: 'every machine of the failback example protected, as Site Recovery reports it'
        Path fb = failbackOnPeers()
        def items = { arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') } }

        expect: 'nothing to do to start with'
        run('plan', fb.toString(), '--no-history') == 0
        out.contains('0 to create, 0 to update, 0 to replace, 0 to delete.')

        when: 'planned failover to Azure, then commit'
        int failover = run('failover', fb.toString(), '--recovery-plan', 'crm', '--type', 'planned', '--ack')
        int commit = run('commit', fb.toString(), '--recovery-plan', 'crm')

        then:
        failover == 0
        commit == 0
        items().every { it.properties.protectionState == 'PlannedFailoverStatesBegin' && it.properties.activeLocation == 'Recovery' }
        run('plan', fb.toString(), '--no-history') == 0
        out.contains('<~ protection.crm-db01')

        when:
        int failback = run('failback', fb.toString(), '--recovery-plan', 'crm', '--ack')

        then:
        assert failback == 0: out + err
        ['Stage 1 of 4: reprotect from contoso-paris-dr to paris', 'Stage 2 of 4: planned failover back to paris',
         'Stage 3 of 4: commit (deletes the VMs in contoso-paris-dr)', 'Stage 4 of 4: reprotect from paris to contoso-paris-dr'].inject(-1) { at, st ->
            int i = out.indexOf(st); assert i > at: "${st} missing or out of order"; i }
        items().every { it.properties.activeLocation == 'Primary' }
        arm.actions('crm-db01').containsAll(['reProtect', 'unplannedFailover', 'failoverCommit'])
        arm.lastBody('crm-db01', 'reProtect').properties.providerSpecificDetails.instanceType == 'InMageAzureV2'
        run('plan', fb.toString(), '--no-history') == 0
        out.contains('0 to create, 0 to update, 0 to replace, 0 to delete.')
    }
}
