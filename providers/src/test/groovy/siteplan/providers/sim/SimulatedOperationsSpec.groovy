package siteplan.providers.sim

import java.nio.file.Files
import java.nio.file.Path
import siteplan.executor.provider.JobStatus
import siteplan.executor.provider.Jobs
import siteplan.executor.provider.OperationFailed
import siteplan.executor.provider.RecoveryPointChoice
import siteplan.executor.provider.Step
import siteplan.executor.provider.StepResult
import siteplan.executor.secrets.Secrets
import siteplan.planner.diff.Action
import siteplan.planner.diff.ResourceType
import siteplan.planner.state.ProtectedItem
import siteplan.planner.state.StateFiles
import siteplan.dsl.load.DefinitionLoader
import spock.lang.Specification
import spock.lang.TempDir

class SimulatedOperationsSpec extends Specification {
    @TempDir Path dir
    def estate = DefinitionLoader.load([example('vmware-to-azure')]).estate()
    def secrets = new Secrets([SITEPLAN_SECRET_ASR_PUSH_ADMIN: 'a-secret', SITEPLAN_SECRET_ASR_PUSH_ROOT: 'b-secret',
                               SITEPLAN_SECRET_VCENTER_ASR: 'c-secret', SITEPLAN_SECRET_CS01_PASSPHRASE: 'd-secret'])

    static String example(String name) {
        (Files.isDirectory(Path.of('examples')) ? Path.of('examples') : Path.of('../examples')).resolve(name).toString()
    }

    SimulatedOperations ops(double speed = 1_000_000) {
        new SimulatedOperations(dir, estate, new SimClock(dir, speed))
    }

    def setup() {
        StateFiles.write(dir.resolve('state.json'), SimulatedEstate.create(estate, false, null))
    }

    def "every operation is idempotent: the second time it reports ALREADY and changes nothing"() {
        given:
        def o = ops()
        def step = new Step('vault.contoso-dr', ResourceType.VAULT, 'contoso-dr', 'contoso-dr', Action.CREATE)

        expect:
        o.changes().apply(step, secrets).outcome() == StepResult.Outcome.ALREADY // the infrastructure-only estate has the vault
        o.changes().apply(new Step('policy.gold', ResourceType.POLICY, 'contoso-dr', 'gold', Action.CREATE), secrets).outcome() == StepResult.Outcome.CHANGED
        o.changes().apply(new Step('policy.gold', ResourceType.POLICY, 'contoso-dr', 'gold', Action.CREATE), secrets).outcome() == StepResult.Outcome.ALREADY
    }

    def "FB-POLICY: creating a VMware-to-Azure policy also makes its failback policy, which siteplan does not manage"() {
        when:
        def o = ops()
        o.changes().apply(new Step('policy.gold', ResourceType.POLICY, 'contoso-dr', 'gold', Action.CREATE), secrets)
        def policies = o.state().vault('contoso-dr').get().policies()

        then:
        def fb = policies.find { it.name() == 'gold-failback' }
        fb.kind() == 'failback'
        !fb.managed()
        fb.settings() == [appConsistentFrequency: '60m', retention: '24h', rpoThreshold: '15m']
    }

    def "enabling protection is a job: initial replication takes the machine's data over the uplink, then the item is protected"() {
        given:
        def o = ops(2_000_000)
        [['process_server', 'amsterdam/ps01'], ['process_server', 'amsterdam/ps02'], ['master_target', 'amsterdam/mt-win01'], ['master_target', 'amsterdam/mt-lnx01']].each { t, n ->
            o.changes().apply(new Step("${t}.${n}", ResourceType.valueOf(t.toUpperCase()), 'amsterdam', n, Action.CREATE), secrets)
        }
        ['gold', 'silver'].each { o.changes().apply(new Step("policy.$it", ResourceType.POLICY, 'contoso-dr', it, Action.CREATE), secrets) }

        when:
        def r = o.changes().apply(new Step('protection.erp-db01', ResourceType.PROTECTION, 'amsterdam', 'erp-db01', Action.CREATE), secrets)

        then:
        r.jobId() != null
        // 1.49 TB over ps01's 100 Mbps uplink with 30% compression: 91,600 s
        r.detail() == 'protection enabled; initial replication of 1.49 TB takes about 1d 1h'
        o.recovery().item('erp-db01').state() == ProtectedItem.ReplicationState.INITIAL_REPLICATION

        when:
        def s = Jobs.await(o.jobs(), r.jobId(), { false })

        then:
        s.state() == JobStatus.State.SUCCEEDED
        o.recovery().item('erp-db01').state() == ProtectedItem.ReplicationState.PROTECTED
        and: 'asking again while protected does nothing'
        o.changes().apply(new Step('protection.erp-db01', ResourceType.PROTECTION, 'amsterdam', 'erp-db01', Action.CREATE), secrets).outcome() == StepResult.Outcome.ALREADY
    }

    def "the changes, recovery and jobs of one simulated estate share its state: what one port starts, the others see"() {
        given:
        def o = ops()
        [['process_server', 'amsterdam/ps01'], ['process_server', 'amsterdam/ps02'], ['master_target', 'amsterdam/mt-win01'], ['master_target', 'amsterdam/mt-lnx01']].each { t, n ->
            o.changes().apply(new Step("${t}.${n}", ResourceType.valueOf(t.toUpperCase()), 'amsterdam', n, Action.CREATE), secrets)
        }
        ['gold', 'silver'].each { o.changes().apply(new Step("policy.$it", ResourceType.POLICY, 'contoso-dr', it, Action.CREATE), secrets) }

        when: 'protection is enabled through the changes'
        def r = o.changes().apply(new Step('protection.erp-db01', ResourceType.PROTECTION, 'amsterdam', 'erp-db01', Action.CREATE), secrets)

        then: 'recovery sees the item, the jobs know its initial replication, and the changes know it is pending'
        o.recovery().item('erp-db01').state() == ProtectedItem.ReplicationState.INITIAL_REPLICATION
        o.jobs().job(r.jobId()).state() == JobStatus.State.RUNNING
        o.changes().pendingJob('erp-db01') == Optional.of(r.jobId())

        cleanup:
        o?.close()
    }

    def "a test failover cannot start before initial replication completes"() {
        when:
        ops().recovery().testFailover('erp-db01', 'drill-vnet', RecoveryPointChoice.LATEST)

        then:
        def e = thrown(OperationFailed)
        e.message == 'erp-db01 is not protected: apply the plan that protects it first'
    }

    def "a test failover runs from the primary site only: a machine failed over, committed and reprotected in Azure is refused (FB-STAGES)"() {
        given:
        StateFiles.write(dir.resolve('state.json'), SimulatedEstate.create(estate, true, null))
        def o = ops()
        Jobs.await(o.jobs(), o.recovery().failover('mq01', siteplan.executor.provider.FailoverType.PLANNED, RecoveryPointChoice.LATEST), { false })
        Jobs.await(o.jobs(), o.recovery().commit('mq01'), { false })
        Jobs.await(o.jobs(), o.recovery().reprotect('mq01'), { false })
        assert o.recovery().item('mq01').state() == ProtectedItem.ReplicationState.REPROTECTED

        when:
        o.recovery().testFailover('mq01', 'drill-vnet', RecoveryPointChoice.LATEST)

        then:
        def e = thrown(OperationFailed)
        e.message == 'mq01 runs at the recovery site: a test failover runs from the primary site only; fail it back first (FB-STAGES)'
        o.recovery().item('mq01').testFailover() == null

        cleanup:
        o?.close()
    }

    def "the simulated clock never goes back: the next process continues from the time the last one saved"() {
        given:
        def first = new SimClock(dir, 1_000_000)
        sleep(20)
        def saved = first.now()
        first.save()

        expect:
        !new SimClock(dir, 1).now().isBefore(saved.minusSeconds(1))
    }

    def "CS-REG-KEY: a configuration server registers only with a registration key younger than 5 days"() {
        given: 'the vault exists but the configuration server is not registered yet'
        def state = SimulatedEstate.create(estate, false, null)
        def vault = state.vault('contoso-dr').get()
        def fabric = vault.fabric('amsterdam').get()
        def bare = new siteplan.planner.state.RecoveryVault.Fabric('amsterdam', fabric.type(), fabric.replicationMechanism(), [], fabric.protectionContainers())
        def v2 = new siteplan.planner.state.RecoveryVault(vault.target(), vault.name(), vault.region(), [bare], [], [], [], [], [], [])
        StateFiles.write(dir.resolve('state.json'), new siteplan.planner.state.DiscoveredState(state.vcenters(), state.vmms(), state.azure(), [v2]))
        def t = estate.azure()[0]
        def withKey = { String issued ->
            def target = new siteplan.model.AzureTarget(t.name(), t.subscription(), t.region(), t.resourceGroup(), t.vault(), t.deploymentModel(), t.reservedPublicIpLimit(),
                    issued, t.storageAccounts(), t.networks(), t.provider(), t.endpoint(), t.token(), t.thumbprint(), t.architecture())
            new siteplan.model.Estate([target], estate.vmwareSites(), estate.vmmSites(), estate.machines(), estate.replicationPolicies(), estate.hyperVPolicies(),
                    estate.networkMappings(), estate.storageMappings(), estate.protectionGroups(), estate.recoveryPlans())
        }
        def step = new Step('configuration_server.amsterdam/cs01', ResourceType.CONFIGURATION_SERVER, 'amsterdam', 'amsterdam/cs01', Action.CREATE)

        when: 'the key is 9 days old'
        new SimulatedOperations(dir, withKey(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(9).toString()), new SimClock(dir, 1_000_000)).changes().apply(step, secrets)

        then:
        def e = thrown(OperationFailed)
        e.message == 'the registration key of vault contoso-vault was downloaded 9 days ago and has expired (keys are valid 5 days, CS-REG-KEY): download a new one from the vault, set registrationKeyIssued, and plan and apply again'

        when: 'a fresh key'
        def r = new SimulatedOperations(dir, withKey(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString()), new SimClock(dir, 1_000_000)).changes().apply(step, secrets)

        then:
        r.outcome() == StepResult.Outcome.CHANGED
        r.detail() =~ /registered with vault contoso-vault's registration key of \S+ \(1 of 5 days, CS-REG-KEY\)/
    }
}
