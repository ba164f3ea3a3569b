package siteplan.providers.azure

import java.nio.file.Path
import java.time.Instant
import siteplan.dsl.load.DefinitionLoader
import siteplan.executor.provider.FailoverType
import siteplan.executor.provider.JobStatus
import siteplan.executor.provider.Jobs
import siteplan.executor.provider.RecoveryPointChoice
import siteplan.executor.provider.Step
import siteplan.executor.secrets.Secrets
import siteplan.model.AzureTarget
import siteplan.model.Estate
import siteplan.model.ProviderKind
import siteplan.planner.diff.Action
import siteplan.planner.diff.ResourceType
import siteplan.planner.state.StateFiles
import siteplan.providers.TrustedEndpoints
import siteplan.providers.Vcsim
import spock.lang.Specification

/**
 * The calls of the Azure provider that the end-to-end specs (cli's AzureProviderSpec, FailbackAzureSpec,
 * HyperVAzureSpec, AzureLifecycleSpec) do not reach, each made once against the contract peer: the bodies
 * are what the published contract and Microsoft's own client send, and the peer's state after them is what
 * Site Recovery would report.
 */
class AzureCallsSpec extends Specification {
    ArmServer arm
    Estate estate
    AzureOperations ops
    Map<String, String> env = [SITEPLAN_AZURE_TIME_SCALE: '1000', SITEPLAN_SECRET_VCENTER_ASR: 'v', SITEPLAN_SECRET_ASR_PUSH_ROOT: 'r', SITEPLAN_SECRET_ASR_PUSH_ADMIN: 'a']

    def cleanup() {
        arm?.close()
    }

    /** An example's vault on the peer, and the provider's operations on it. */
    void vault(String example, AzureTarget t = null) {
        Path dir = Vcsim.root().resolve("examples/${example}")
        estate = DefinitionLoader.load([dir.toString()]).estate()
        arm = ArmServer.start()
        AzureTarget declared = t ?: estate.azure()[0]
        AzureTarget target = new AzureTarget(declared.name(), declared.subscription(), declared.region(), declared.resourceGroup(), declared.vault(), declared.deploymentModel(),
                declared.reservedPublicIpLimit(), declared.registrationKeyIssued(), declared.storageAccounts(), declared.networks(),
                ProviderKind.AZURE, arm.endpoint, null, arm.thumbprint, null)
        ArmResources.seed(arm, target, StateFiles.read(dir.resolve('.siteplan/state.json')), estate)
        ops = new AzureOperations(AzureConnection.open(target, arm.token, TrustedEndpoints.parse("127.0.0.1:${arm.server.address.port}")), estate, env)
    }

    /** A Hyper-V vault: the example's, in a subscription of its own, with both VMM servers registered (seed 003). */
    void hyperVVault() {
        Path dir = Vcsim.root().resolve('examples/hyperv-vmm-to-vmm')
        estate = DefinitionLoader.load([dir.toString()]).estate()
        def sim = StateFiles.read(dir.resolve('.siteplan/state.json'))
        arm = ArmServer.start()
        def v = sim.vaults()[0]
        AzureTarget target = new AzureTarget(v.target(), '0b7e3c1d-0000-4000-8000-000000000003', 'eastus', 'rg-vmm', v.name(), null, null, null, [], [],
                ProviderKind.AZURE, arm.endpoint, null, arm.thumbprint, null)
        ArmResources.seed(arm, target, sim, estate)
        ArmResources.seedFabric(arm, target, new siteplan.planner.state.RecoveryVault.Fabric('chicago', 'vmm', null, [], ['GoldCloud2', 'SilverCloud2']), estate)
        ops = new AzureOperations(AzureConnection.open(target, arm.token, TrustedEndpoints.parse("127.0.0.1:${arm.server.address.port}")), estate, env)
    }

    String apply(ResourceType type, Action action, String site, String name) {
        def r = ops.changes().apply(new Step("${type.name().toLowerCase()}.${name}".toString(), type, site, name, action), new Secrets(env))
        if (r.jobId()) assert done(r.jobId())
        r.detail()
    }

    boolean done(String job) {
        JobStatus s = Jobs.await(ops.jobs(), job, { false })
        assert s.state() == JobStatus.State.SUCCEEDED: s.error()
        true
    }

    List<Map> ofType(String type) {
        arm.resources.values().findAll { it.type == "Microsoft.RecoveryServices/vaults/${type}".toString() } as List<Map>
    }

    def "a VMware policy is created with its failback policy and associated with the configuration server both ways (FB-POLICY); one no longer declared is deleted"() {
        given:
        vault('vmware-to-azure')
        arm.resources.keySet().removeIf { it.contains('/replicationpolicies/gold') }

        when:
        String detail = apply(ResourceType.POLICY, Action.CREATE, 'contoso-dr', 'gold')

        then:
        detail == 'created policy gold; created failback policy gold-failback (FB-POLICY); associated gold with configuration server of amsterdam; associated gold-failback with configuration server of amsterdam'
        ofType('replicationPolicies').find { it.name == 'gold-failback' }.properties.providerSpecificDetails.instanceType == 'InMage'
        def mappings = arm.resources.values().findAll { it.type?.endsWith('replicationProtectionContainerMappings') }
        mappings*.properties*.targetProtectionContainerId.sort() == [AzureVault.AZURE_FABRIC, ofType('replicationFabrics/replicationProtectionContainers')[0].id].sort()

        when: 'applied again'
        String again = apply(ResourceType.POLICY, Action.CREATE, 'contoso-dr', 'gold')

        then:
        again == 'policy gold is as declared'

        when:
        apply(ResourceType.POLICY, Action.DELETE, '-', 'silver')

        then:
        !ofType('replicationPolicies').any { it.name == 'silver' }
    }

    def "a vCenter is added under the configuration server's id for its account, never the account's name or password"() {
        given:
        vault('vmware-to-azure')
        arm.resources.keySet().removeIf { it.contains('/replicationvcenters/') }

        when:
        apply(ResourceType.VCENTER, Action.CREATE, 'amsterdam', 'amsterdam/vc01.ams.contoso.local')

        then:
        def vc = ofType('replicationFabrics/replicationvCenters')[0]
        vc.properties.ipAddress == 'vc01.ams.contoso.local'
        vc.properties.runAsAccountId ==~ /\d+/
    }

    def "the Mobility service is updated with the push account's id on the configuration server (seed 004)"() {
        given:
        vault('vmware-to-azure')
        arm.item('mq01').properties.providerSpecificDetails.agentVersion = '8.9'

        when:
        apply(ResourceType.MOBILITY, Action.UPDATE, 'amsterdam', 'mq01')

        then:
        arm.actions('mq01') == ['updateMobilityService']
        arm.lastBody('mq01', 'updateMobilityService').properties.runAsAccountId ==~ /\d+/
    }

    def "a failover to the latest application-consistent point, or to a time, names the recovery point Site Recovery listed"() {
        given:
        vault('vmware-to-azure')

        when:
        done(ops.recovery().failover('mq01', FailoverType.UNPLANNED, new RecoveryPointChoice(RecoveryPointChoice.Kind.LATEST_APP_CONSISTENT, null)))
        String point = arm.lastBody('mq01', 'unplannedFailover').properties.providerSpecificDetails.recoveryPointId

        then:
        point.contains('/recoveryPoints/')
        arm.recoveryPoints(arm.item('mq01')).find { it.id == point }.properties.recoveryPointType == 'AppConsistent'

        when:
        Instant at = Instant.now().minusSeconds(2 * 3600)
        done(ops.recovery().failover('files01', FailoverType.UNPLANNED, new RecoveryPointChoice(RecoveryPointChoice.Kind.TIME, at)))
        String timed = arm.lastBody('files01', 'unplannedFailover').properties.providerSpecificDetails.recoveryPointId

        then:
        !Instant.parse(arm.recoveryPoints(arm.item('files01')).find { it.id == timed }.properties.recoveryPointTime).isAfter(at)
    }

    def "a recovery plan no longer declared is deleted"() {
        given:
        vault('vmware-to-azure')
        String id = "${ArmResources.vault(estate.azure()[0])}/replicationRecoveryPlans/old-plan"
        arm.put(id, [type: 'Microsoft.RecoveryServices/vaults/replicationRecoveryPlans', properties: [friendlyName: 'old-plan', groups: []]])

        when:
        apply(ResourceType.RECOVERY_PLAN, Action.DELETE, '-', 'old-plan')

        then:
        ofType('replicationRecoveryPlans').isEmpty()
    }

    def "network and storage mappings no longer declared are deleted"() {
        given:
        hyperVVault()

        when:
        apply(ResourceType.NETWORK_MAPPING, Action.DELETE, '-', 'VMNetwork1-NewYork')
        apply(ResourceType.STORAGE_MAPPING, Action.DELETE, '-', 'GOLD')

        then:
        arm.resources.values().count { it.type?.endsWith('replicationNetworkMappings') } == 0
        arm.resources.values().count { it.type?.endsWith('replicationStorageClassificationMappings') } == 1
    }

    def "a Hyper-V VM is drilled, failed over unplanned, committed and reverse-replicated with no provider input (none exists for VMM → VMM)"() {
        given:
        hyperVVault()
        String vm = 'app-ny-01'

        when:
        done(ops.recovery().testFailover(vm, 'VMNetwork1-Chicago', RecoveryPointChoice.LATEST))
        done(ops.recovery().cleanupTestFailover(vm))
        done(ops.recovery().failover(vm, FailoverType.UNPLANNED, RecoveryPointChoice.LATEST))
        done(ops.recovery().commit(vm))
        done(ops.recovery().reprotect(vm))

        then:
        arm.actions(vm) == ['testFailover', 'testFailoverCleanup', 'unplannedFailover', 'failoverCommit', 'reProtect']
        arm.lastBody(vm, 'testFailover').properties.networkId.contains('/replicationNetworks/')
        !arm.lastBody(vm, 'unplannedFailover').properties.containsKey('providerSpecificDetails')
        arm.item(vm).properties.protectionState == 'Protected'
        arm.item(vm).properties.activeLocation == 'Recovery'
        ops.recovery().item(vm).state() == siteplan.planner.state.ProtectedItem.ReplicationState.REPROTECTED
    }

    def "a machine Site Recovery keeps in a replication group is not failed over, drilled or committed on its own: said before anything is sent"() {
        given: "the example's vault: erp-db01 is in replication group erp (policy gold has multi-VM consistency)"
        vault('vmware-to-azure')
        int before = arm.requests.size()

        when:
        ops.recovery().testFailover('erp-db01', 'drill-vnet', RecoveryPointChoice.LATEST)

        then:
        def e = thrown(siteplan.executor.provider.OperationFailed)
        e.message == 'test failover of erp-db01 is not possible on its own: Site Recovery keeps it in replication group erp, whose machines fail over only together,' +
                ' in a recovery plan Site Recovery runs — run the plan from the vault (siteplan keeps it there with its steps)'

        when:
        ops.recovery().failover('erp-db01', FailoverType.UNPLANNED, RecoveryPointChoice.LATEST)

        then:
        thrown(siteplan.executor.provider.OperationFailed)

        when:
        ops.recovery().commit('erp-app01')

        then:
        thrown(siteplan.executor.provider.OperationFailed)
        arm.requests.drop(before).every { it.startsWith('GET ') }
        arm.actions('erp-db01').isEmpty()
    }
}
