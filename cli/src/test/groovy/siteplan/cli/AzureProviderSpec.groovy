package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Path
import siteplan.planner.state.StateFiles
import siteplan.providers.Vcsim
import siteplan.providers.azure.ArmResources
import siteplan.providers.azure.ArmServer
import siteplan.dsl.load.DefinitionLoader

/**
 * The example estate with real providers on both sides: its vCenter is the govmomi simulator (vSphere
 * API), its Azure target a local Resource Manager over HTTPS (Site Recovery REST, seeded with what the
 * simulated estate holds). plan, apply and drill run end to end through them; nothing reads the
 * simulated estate any more.
 */
class AzureProviderSpec extends ExecutorSpecification {
    static final String RUNBOOK = '/subscriptions/6f1a3b2c-0d4e-4f5a-9b8c-7d6e5f4a3b2c/resourceGroups/rg-automation/providers/Microsoft.Automation/automationAccounts/contoso-automation/runbooks/Update-PublicDns'

    Vcsim vcsim
    ArmServer arm

    def cleanup() {
        vcsim?.close()
        arm?.close()
    }

    /** The example on the peers; {@code replicationGroups}: keep its policies' multi-VM consistency (RP-VAULT-GROUP refuses it on a real vault). */
    Path realEstate(boolean replicationGroups = false) {
        Path dir = estate()
        Path site = dir.resolve('site.groovy'), state = state(dir).resolve('state.json')
        write(state, read(state).replace('vc01.ams.contoso.local', '127.0.0.1'))
        vcsim = Vcsim.start(state: state, site: 'amsterdam')
        arm = ArmServer.start()
        write(site, RealPeers.azure(RealPeers.vsphere(read(site), 'vc01.ams.contoso.local', vcsim), 'contoso-dr', arm))
        // A real vault takes a runbook by its resource id (RP-RUNBOOK); the example names it only.
        Path plans = dir.resolve('recovery-plans.groovy')
        write(plans, read(plans).replace("runbook 'Update-PublicDns'", "runbook '${RUNBOOK}'"))
        // A real vault's replication groups fail over only in a plan Site Recovery runs (RP-VAULT-GROUP): no multi-VM consistency.
        Path protection = dir.resolve('protection.groovy')
        if (!replicationGroups) {
            write(protection, RealPeers.withoutReplicationGroups(read(protection)))
            assert read(state).contains('"multiVmConsistency" : "true"')
            write(state, read(state).replace('"multiVmConsistency" : "true"', '"multiVmConsistency" : "false"'))
        }
        def estate = DefinitionLoader.load([dir.toString()]).estate()
        ArmResources.seed(arm, estate.azure()[0], StateFiles.read(state), estate)
        // From here on nothing may come from the simulated estate.
        java.nio.file.Files.delete(state)
        env.SITEPLAN_SECRET_VCENTER_ASR = vcsim.password
        env.SITEPLAN_SECRET_ARM_TOKEN = arm.token
        RealPeers.trust(env, vcsim, arm)
        dir
    }

    /** The plan's changes; {@code exit} is 1 where the plan reports error findings beside them. */
    List<String> changes(Path dir, int exit = 0) {
        assert run('plan', dir.toString(), '--json', *RealPeers.beforeRetirement(tmp)) == exit: err
        new ObjectMapper().readTree(out).get('changes').findAll { it.get('action').asText() != 'no-op' }.collect { it.get('action').asText() + ' ' + it.get('address').asText() }
    }

    def "plan reads both sides through their APIs and finds the example's drift"() {
        given:
        Path dir = realEstate()

        expect:
        changes(dir) == ['create mobility.mq02', 'create mobility.print01', 'create mobility.scan01', 'create mobility.web01', 'create mobility.web02', 'create mobility.web03',
                         'create network_mapping.DMZ', 're-replicate protection.erp-app01', 'update protection.erp-db01', 're-replicate protection.monitor01',
                         'create protection.mq02', 'create protection.print01', 'create protection.scan01', 'create protection.web01', 'create protection.web02', 'create protection.web03',
                         'create recovery_plan.erp-failover', 'create recovery_plan.linux-services']
        run('plan', dir.toString(), '--no-color', *RealPeers.beforeRetirement(tmp)) == 0
        out.contains("against vCenter 127.0.0.1, Azure 6f1a3b2c-0d4e-4f5a-9b8c-7d6e5f4a3b2c/rg-siterecovery at ${arm.endpoint}")
    }

    def "apply carries the plan out through Site Recovery's REST surface, and the next plan is empty (long-running operations: #lroMode)"() {
        given:
        Path dir = realEstate()
        arm.lroMode = lroMode // Azure-AsyncOperation with Location, or Location only: the provider follows either
        arm.throttle(2) // the first writes are throttled: retried by the executor, not failed

        when: "web01 is protected anew: planned as the classic vault was before its retirement (ARCH-CLASSIC)"
        int code = run('apply', dir.toString(), '--auto-approve', '--retry-delay', '100ms', *RealPeers.beforeRetirement(tmp))

        then:
        code == 0
        out.contains('Apply succeeded')
        !out.contains('simulated time')
        arm.actions('web01').contains('enable')
        arm.actions('erp-db01').contains('update')
        arm.actions('erp-app01').containsAll(['remove', 'enable'])
        arm.requests.any { it ==~ /PUT .*\/replicationRecoveryPlans\/linux-services/ }
        arm.resources.values().count { it.type == 'Microsoft.RecoveryServices/vaults/replicationJobs' } >= 10

        and: 'no secret went to Azure'
        !arm.requests.any { it.contains(vcsim.password) }

        and: "the recovery plan's steps are in Site Recovery's plan too: manual steps and the script as manual actions, the runbook as an Automation action"
        def erp = arm.resources.values().find { it.type == 'Microsoft.RecoveryServices/vaults/replicationRecoveryPlans' && it.name == 'erp-failover' }
        def boot = erp.properties.groups.findAll { it.groupType == 'Boot' }
        boot[0].startGroupActions*.customDetails == [[instanceType: 'ManualActionDetails', description: 'Confirm with the DBA on call that batch jobs are stopped']]
        boot[2].endGroupActions*.customDetails*.instanceType == ['AutomationRunbookActionDetails', 'ManualActionDetails']
        boot[2].endGroupActions[0].customDetails.runbookId == RUNBOOK
        boot[2].endGroupActions[0].customDetails.fabricLocation == 'Recovery'

        and:
        changes(dir) == []

        when: "a plan the vault holds gets a group more: mq02 starts after mq01, once someone has checked it"
        Path plans = dir.resolve('recovery-plans.groovy')
        write(plans, read(plans).replace("group { machines 'mq01', 'mq02' }", "group { machines 'mq01' }; group { machines 'mq02'; before { manual 'Check that mq01 serves its queues' } }"))
        int puts = arm.requests.count { it ==~ /PUT .*\/replicationRecoveryPlans\/.*/ }

        then: "it is updated as azure-powershell edits a plan: a PATCH of every group, Site Recovery's Shutdown and Failover groups as the vault holds them"
        run('apply', dir.toString(), '--auto-approve', *RealPeers.beforeRetirement(tmp)) == 0
        out.contains('updated recovery plan linux-services (3 groups)')
        arm.planUpdates*.name == ['linux-services']
        arm.planUpdates[0].body.properties.groups*.groupType == ['Shutdown', 'Failover', 'Boot', 'Boot', 'Boot']
        arm.planUpdates[0].body.properties.groups[3].startGroupActions*.customDetails == [[instanceType: 'ManualActionDetails', description: 'Check that mq01 serves its queues']]
        arm.requests.count { it ==~ /PUT .*\/replicationRecoveryPlans\/.*/ } == puts
        changes(dir) == []

        where:
        lroMode << ['async', 'location']
    }

    def "a real classic vault imported through Site Recovery's REST surface plans with no changes (siteplan import)"() {
        given: 'the example applied to the peer, so the vault holds what the definition says'
        Path dir = realEstate()
        assert run('apply', dir.toString(), '--auto-approve', *RealPeers.beforeRetirement(tmp)) == 0
        assert changes(dir) == []

        and: 'a seed of the vault and the site only: how to reach them, nothing about machines'
        Path seed = RealPeers.importSeed(tmp, dir)
        Path imported = tmp.resolve('imported/estate.yaml')

        when:
        int sent = arm.requests.size()
        int code = run('import', seed.toString(), '-o', imported.toString())

        then: 'read only'
        code == ExitCode.OK
        arm.requests.drop(sent).every { it.startsWith('GET ') }
        out.contains("Imported from vCenter 127.0.0.1, Azure 6f1a3b2c-0d4e-4f5a-9b8c-7d6e5f4a3b2c/rg-siterecovery at ${arm.endpoint}")
        out.contains('12 protected machines in ')

        when: 'the physical servers given the version their owner knows, the imported estate planned'
        write(imported, read(imported).replace('osVersion: unknown', 'osVersion: Windows Server 2012 R2'))
        int planned = run('plan', imported.toString(), '--json', *RealPeers.beforeRetirement(tmp))

        then: 'no change; the findings are what discovery cannot know (the configuration server\'s passphrase, the vSphere CLI)'
        new ObjectMapper().readTree(out).get('changes').findAll { it.get('action').asText() != 'no-op' }.collect { it.get('action').asText() + ' ' + it.get('address').asText() } == []
    }

    def "a runbook named only by its name is refused at plan time: a real vault takes its resource id (RP-RUNBOOK)"() {
        given:
        Path dir = realEstate()
        Path plans = dir.resolve('recovery-plans.groovy')
        write(plans, read(plans).replace("runbook '${RUNBOOK}'", "runbook 'Update-PublicDns'"))

        when:
        int code = run('plan', dir.toString(), '--no-color')

        then:
        code == ExitCode.INVALID_INPUT
        out.contains("RP-RUNBOOK error: runbook Update-PublicDns in group 3 of recovery plan erp-failover: Site Recovery takes a runbook by its Azure resource id — write runbook '/subscriptions/SUBSCRIPTION/resourceGroups/GROUP/providers/Microsoft.Automation/automationAccounts/ACCOUNT/runbooks/Update-PublicDns'")
    }

    def "a real classic vault refuses new protection at plan time, as Azure has since its retirement (ARCH-CLASSIC); protected machines keep their operations"() {
        given: "the example on the peers: web01 is not protected yet; erp-app01 would be re-replicated (disabled, then enabled); erp-db01 only updated"
        Path dir = realEstate()

        when: "planned under the default profile, which carries the retirement date"
        int code = run('plan', dir.toString(), '--no-color')

        then:
        code == ExitCode.INVALID_INPUT
        out.contains('ARCH-CLASSIC error: web01 would be newly protected in the classic architecture of vault target contoso-dr, which Azure no longer accepts since 2026-01-31 (profile asr-2015)')
        out.contains('ARCH-CLASSIC error: erp-app01 would be protected anew (re-replicate: its protection disabled, then enabled again, which Azure would refuse, leaving it unprotected) in the classic architecture of vault target contoso-dr')
        !out.contains('ARCH-CLASSIC error: erp-db01')

        and: "a plan limited to what Azure still takes plans: the rule reads the changes planned"
        run('plan', dir.toString(), '--no-color', '-target', 'protection.erp-db01') == 0

        and: 'planned as the vault was before the retirement (a profile without the date), the same definition plans'
        run('plan', dir.toString(), '--no-color', *RealPeers.beforeRetirement(tmp)) == 0
    }

    def "a recovery plan of a real vault that fails over a replication group's machines is refused at plan time: Site Recovery fails them over only as a plan it runs itself (RP-VAULT-GROUP)"() {
        given: "the example as written: policy gold has multi-VM consistency, so protection group erp is one replication group in the vault"
        Path dir = realEstate(true)

        when:
        int code = run('plan', dir.toString(), '--no-color', *RealPeers.beforeRetirement(tmp))

        then:
        code == ExitCode.INVALID_INPUT
        out.contains('RP-VAULT-GROUP error: recovery plan erp-failover fails over erp-db01, erp-app01, erp-app02 of protection group erp, which vault target contoso-dr keeps in one replication group (policy gold has multiVmConsistency)')
        out.contains('set multiVmConsistency false in policy gold')
        !out.contains('recovery plan linux-services fails over')
    }

    def "a saved plan made through the real providers applies, and only while what exists is unchanged"() {
        given:
        Path dir = realEstate()
        Path saved = tmp.resolve('plan.json')

        when:
        int planned = run('plan', dir.toString(), '-out', saved.toString(), '--no-history', *RealPeers.beforeRetirement(tmp))
        int applied = run('apply', saved.toString(), dir.toString(), *RealPeers.beforeRetirement(tmp))

        then:
        planned == 0
        applied == 0
        out.contains('Apply succeeded')

        when: 'the same plan again: what exists has changed since it was made'
        int stale = run('apply', saved.toString(), dir.toString(), *RealPeers.beforeRetirement(tmp))

        then:
        stale == 1
        err.contains('is stale: what exists (vCenter 127.0.0.1, Azure 6f1a3b2c-0d4e-4f5a-9b8c-7d6e5f4a3b2c/rg-siterecovery at')

        and: 'the summary of what exists names each side'
        run('discover', dir.toString()) == 0
        out.contains('vault contoso-vault (contoso-dr): 1 fabric, 4 policies, 12 protected items, 2 recovery plans')
    }

    def "a job that fails fails its step and what depends on it; the rest is applied and the next apply finishes"() {
        given:
        Path dir = realEstate()
        arm.failNext('EnableDr', 'mq02')

        when:
        int code = run('apply', dir.toString(), '--auto-approve', *RealPeers.beforeRetirement(tmp))

        then:
        code == ExitCode.FAILED
        out =~ /protection\.mq02: FAILED — job \S+ failed: InternalError: EnableDr of mq02 failed/
        out =~ /mobility\.mq02: skipped: protection\.mq02 failed/
        out =~ /recovery_plan\.linux-services: skipped: protection\.mq02 failed/
        out =~ /protection\.web01: done/

        when:
        int again = run('apply', dir.toString(), '--auto-approve', *RealPeers.beforeRetirement(tmp))

        then:
        again == 0
        changes(dir) == []
    }

    def "a drill test-fails-over each group into the drill network, checks the machines where Site Recovery says they are, and cleans up"() {
        given:
        Path dir = realEstate()
        assert run('apply', dir.toString(), '--auto-approve', *RealPeers.beforeRetirement(tmp)) == 0
        arm.testAddresses.mq01 = '127.2.0.1'

        and: "print01's protection is gone from the vault: Azure would not protect it anew (ARCH-CLASSIC), yet the machines protected keep their drills"
        Map print = arm.item('print01')
        arm.resources.remove((print.id as String).toLowerCase())
        Map protectable = arm.get(print.properties.protectableItemId as String)
        protectable.properties.protectionStatus = 'Unprotected'
        protectable.properties.remove('replicationProtectedItemId')
        assert run('plan', dir.toString(), '--no-color') == ExitCode.INVALID_INPUT && out.contains('ARCH-CLASSIC error: print01 would be newly protected')
        def mq = new ServerSocket(5672, 50, InetAddress.getByName('127.2.0.1'))
        Thread.startDaemon { while (!mq.closed) { try { mq.accept().close() } catch (IOException ignored) { } } }

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'linux-services', '--ack')

        then:
        code == 0
        out.contains('check tcp mq01:5672: passed — connected to 127.2.0.1:5672')
        out.contains('RabbitMQ answers on 127.2.0.1:5672')
        out =~ /Drill passed: measured RTO [^,]+, achieved RPO 1m 30s/
        ['mq01', 'mq02', 'files01', 'monitor01'].every { m -> arm.actions(m).containsAll(['testFailover', 'testFailoverCleanup']) }
        arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') }.every { it.properties.testFailoverState == 'None' }

        cleanup:
        mq?.close()
    }

    def "a planned failover and its commit go through Site Recovery, and the plan sees the machines where they run"() {
        given:
        Path dir = realEstate()
        assert run('apply', dir.toString(), '--auto-approve', *RealPeers.beforeRetirement(tmp)) == 0
        def items = { arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') && it.properties.friendlyName in ['mq01', 'mq02', 'files01', 'monitor01'] } }
        arm.testAddresses.mq01 = '127.2.0.1'
        def mq = new ServerSocket(5672, 50, InetAddress.getByName('127.2.0.1'))
        Thread.startDaemon { while (!mq.closed) { try { mq.accept().close() } catch (IOException ignored) { } } }

        when:
        int failover = run('failover', dir.toString(), '--recovery-plan', 'linux-services', '--type', 'planned', '--ack')

        then: "the after-step script reaches mq01 where its failed-over VM's NIC says it is"
        failover == 0
        out.contains('RabbitMQ answers on 127.2.0.1:5672')
        items().every { it.properties.protectionState == 'UnplannedFailoverCommitPendingStatesBegin' && it.properties.activeLocation == 'Recovery' }

        and: 'VMware machines have no planned failover in Site Recovery: the unplanned one, with the source shut down first'
        arm.lastBody('mq01', 'unplannedFailover').properties.sourceSiteOperations == 'Required'
        !arm.actions('mq01').contains('plannedFailover')
        and: 'the plan proposes nothing for them, and already says what bringing them back to amsterdam lacks'
        !changes(dir, ExitCode.INVALID_INPUT).any { it.contains('mq01') }

        when:
        int commit = run('commit', dir.toString(), '--recovery-plan', 'linux-services')

        then:
        commit == 0
        items().every { it.properties.protectionState == 'PlannedFailoverStatesBegin' }

        and: 'the plan proposes the reprotect, and reports as errors what replicating back to amsterdam lacks'
        changes(dir, ExitCode.INVALID_INPUT).contains('reprotect protection.mq01')
        new ObjectMapper().readTree(out).get('findings').collect { it.get('rule').asText() }.containsAll(['FB-PS-AZURE', 'FB-LINK'])

        when: "amsterdam is not prepared for failback, so reprotect back to it is refused as failback is (FB-PS-AZURE, FB-LINK); FailbackAzureSpec reprotects through Site Recovery"
        int reprotect = run('reprotect', dir.toString(), '--recovery-plan', 'linux-services')

        then:
        reprotect == ExitCode.INVALID_INPUT
        err.contains('FB-PS-AZURE site amsterdam has no process server in Azure')
        items().every { it.properties.protectionState == 'PlannedFailoverStatesBegin' }
        !arm.actions('mq01').contains('reProtect')

        cleanup:
        mq?.close()
    }
}
