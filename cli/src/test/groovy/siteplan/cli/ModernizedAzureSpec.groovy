package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import siteplan.providers.Vcsim
import siteplan.providers.azure.ArmServer

/**
 * examples/vmware-to-azure-modernized with real providers on both sides: Rotterdam's vCenter is the govmomi simulator, the
 * modernized vault (InMageRcm) a local Resource Manager over HTTPS that holds every Site Recovery request and response to the
 * published contract, seeded with what the example's simulated estate holds. Nothing reads the simulated estate once seeded.
 */
class ModernizedAzureSpec extends ExecutorSpecification {
    Vcsim vcsim
    ArmServer arm

    /** Site Recovery refused nothing siteplan asked (an action its item's state does not allow): checked after every feature. */
    def cleanup() {
        vcsim?.close()
        arm?.close()
        assert arm == null || arm.refused.isEmpty(): "Site Recovery would have refused: ${arm.refused}"
    }

    /** The example on the peers; nothing of its simulated estate is read afterwards. */
    Path onPeers() {
        Path dir = estate('vmware-to-azure-modernized')
        Path site = dir.resolve('site.groovy'), state = state(dir).resolve('state.json')
        write(state, read(state).replace('vc01.rtm.fabrikam.local', '127.0.0.1'))
        vcsim = Vcsim.start(state: state, site: 'rotterdam', datastores: true)
        arm = ArmServer.start()
        write(site, RealPeers.azure(RealPeers.vsphere(read(site), 'vc01.rtm.fabrikam.local', vcsim), 'fabrikam-dr', arm))
        RealPeers.seedFromState(arm, dir, state)
        env.SITEPLAN_SECRET_VCENTER_ASR = vcsim.password
        env.SITEPLAN_SECRET_ARM_TOKEN = arm.token
        RealPeers.trust(env, vcsim, arm)
        dir
    }

    /** The plan's changes (action and address); {@code exit} is 1 where the plan reports error findings beside them. */
    List<String> changes(Path dir, int exit = 0) {
        int code = run('plan', dir.toString(), '--json')
        assert code == exit: "exit ${code}\n${err}\n${out}"
        new ObjectMapper().readTree(out).get('changes').findAll { it.get('action').asText() != 'no-op' }.collect { it.get('action').asText() + ' ' + it.get('address').asText() }
    }

    def "plan reads the modernized vault and the vCenter through their APIs, apply protects through the appliances, and the next plan is empty"() {
        given:
        Path dir = onPeers()

        expect: "the simulated estate's drift, read through Site Recovery and vSphere: grown disks grown in place (RCM-RESIZE), sizes changed, half the machines to protect"
        changes(dir) == ['create mobility.ord-sql01', 'create mobility.ord-sql02', 'create mobility.print01', 'create mobility.search01', 'create mobility.search02',
                         'create mobility.search03', 'create mobility.web01', 'create mobility.web02', 'create mobility.web03', 'create mobility.web04',
                         'update protection.badge01', 'update protection.jump01', 'update protection.mq01', 'update protection.ord-app01', 'update protection.ord-app03',
                         'create protection.ord-sql01', 'create protection.ord-sql02', 'create protection.print01', 'create protection.search01', 'create protection.search02',
                         'create protection.search03', 'create protection.web01', 'create protection.web02', 'create protection.web03', 'create protection.web04',
                         'create recovery_plan.orders-failover', 'create recovery_plan.services-failover']
        run('plan', dir.toString(), '--no-color') == 0
        out.contains("against vCenter 127.0.0.1, Azure 2b9c4d1e-7a3f-4e2b-8c1d-5f6e7a8b9c0d/rg-siterecovery at ${arm.endpoint}")
        out.contains('(profile asr-2026)')

        when:
        int code = run('apply', dir.toString(), '--auto-approve')

        then:
        code == 0
        out.contains('Apply succeeded')

        and:
        changes(dir) == []
    }

    def "a drill, a planned failover, commit and the modernized failback run through Site Recovery, and the services come home to nothing to change"() {
        given:
        Path dir = onPeers()
        assert run('apply', dir.toString(), '--auto-approve') == 0
        def services = ['jump01', 'mq01', 'mq02', 'monitor01', 'search01', 'search02', 'search03', 'files01', 'print01', 'badge01']
        def items = { arm.resources.values().findAll { it.type?.endsWith('replicationProtectedItems') && it.properties.friendlyName in services } }
        arm.testAddresses.mq01 = '127.2.0.1'
        def mq = new ServerSocket(5672, 50, InetAddress.getByName('127.2.0.1'))
        Thread.startDaemon { while (!mq.closed) { try { mq.accept().close() } catch (IOException ignored) { } } }

        when: 'a drill of the services into the drill network'
        int drill = run('drill', dir.toString(), '--recovery-plan', 'services-failover', '--ack')

        then: "each machine test-fails over with InMageRcm's input and is cleaned up; mq01 answers where its test VM's NIC is"
        drill == 0
        out.contains('check tcp mq01:5672: passed — connected to 127.2.0.1:5672')
        services.every { arm.actions(it).containsAll(['testFailover', 'testFailoverCleanup']) }
        arm.lastBody('mq01', 'testFailover').properties.providerSpecificDetails == [instanceType: 'InMageRcm', networkId: arm.lastBody('mq01', 'testFailover').properties.networkId]
        (arm.lastBody('mq01', 'testFailover').properties.networkId as String).endsWith('/virtualNetworks/drill-vnet')
        items().every { it.properties.testFailoverState == 'None' }

        when: 'a planned failover to Azure, then its commit'
        int failover = run('failover', dir.toString(), '--recovery-plan', 'services-failover', '--type', 'planned', '--ack')
        int commit = run('commit', dir.toString(), '--recovery-plan', 'services-failover')

        then: 'Site Recovery shuts the sources down first (performShutdown), and the machines run in Azure, committed'
        failover == 0
        commit == 0
        arm.lastBody('mq01', 'unplannedFailover').properties == [failoverDirection: 'PrimaryToRecovery', sourceSiteOperations: 'Required',
                                                                providerSpecificDetails: [instanceType: 'InMageRcm', performShutdown: 'True']]
        items().every { it.properties.activeLocation == 'Recovery' && it.properties.protectionState == 'PlannedFailoverStatesBegin' }

        when: 'failback: reprotect through the failback appliance, planned failover back, commit, reprotect to Azure'
        int failback = run('failback', dir.toString(), '--recovery-plan', 'services-failover', '--ack')

        then:
        failback == 0
        out.contains('Failback succeeded: 10 of 10 machines failed back')
        !out.contains('FB-CS')

        and: "reprotect to VMware names rtm-asr-fb's reprotect agent, the group's failback datastore and log account, and the policy's failback twin"
        Map home = arm.history('mq01').find { it.action == 'reProtect' }.body as Map
        home.properties.failoverDirection == 'RecoveryToPrimary'
        home.properties.providerSpecificDetails.instanceType == 'InMageRcm'
        home.properties.providerSpecificDetails.datastoreName == 'rtm-silver'
        (home.properties.providerSpecificDetails.logStorageAccountId as String).endsWith('/storageAccounts/fabrikamlog01')
        (home.properties.providerSpecificDetails.policyId as String).endsWith('/replicationPolicies/silver-failback')

        and: 'the failover back is a planned one with no direction, and reprotect to Azure names the appliance and the policy again'
        arm.lastBody('mq01', 'plannedFailover').properties == [providerSpecificDetails: [instanceType: 'InMageRcmFailback', recoveryPointType: 'CrashConsistent']]
        Map away = arm.lastBody('mq01', 'reProtect')
        away.properties.failoverDirection == 'PrimaryToRecovery'
        away.properties.providerSpecificDetails.instanceType == 'InMageRcmFailback'
        (away.properties.providerSpecificDetails.policyId as String).endsWith('/replicationPolicies/silver')

        and: 'home, replicating to Azure as before, and nothing to change'
        items().every { it.properties.activeLocation == 'Primary' && it.properties.providerSpecificDetails.instanceType == 'InMageRcm' }
        changes(dir) == []

        cleanup:
        mq?.close()
    }

    def "a new modernized vault, its appliances registered and nothing protected: apply creates the policies, their failback twins and associations, sets agent auto-upgrade, and protects every machine"() {
        given: 'the vault as it is once the appliances have registered, before anything is declared in it'
        Path dir = onPeers()
        arm.resources.values().removeAll { r -> ['replicationPolicies', 'replicationProtectionContainerMappings', 'replicationProtectedItems', 'replicationRecoveryPlans'].any { (r.type as String)?.endsWith('/' + it) } }

        and: "the appliances leave upgrading the Mobility agent to the operators (seed 004's desired state, kept by siteplan's plan)"
        Path site = dir.resolve('site.groovy')
        write(site, read(site).replace('        uplink 500.Mbps\n', '        uplink 500.Mbps; agentAutoUpgrade false\n').replace('        uplink 200.Mbps\n', '        uplink 200.Mbps; agentAutoUpgrade false\n'))
        assert read(site).count('agentAutoUpgrade false') == 3

        and: "files01 fails over as files01-dr: Site Recovery names its item so, and siteplan still knows it by the machine its appliance discovered"
        Path machines = dir.resolve('machines.groovy')
        write(machines, read(machines).replace("        nic('nic0') { network 'VM Network'; subnet 'servers' }\n        failover { vmSize 'Standard_D4s_v5' }\n    }\n\n    // Linux services",
                "        nic('nic0') { network 'VM Network'; subnet 'servers' }\n        failover { vmSize 'Standard_D4s_v5'; azureName 'files01-dr' }\n    }\n\n    // Linux services"))
        assert read(machines).contains("azureName 'files01-dr'")

        expect:
        changes(dir).count { it.startsWith('create protection.') } == 20
        changes(dir).containsAll(['create policy.gold', 'create policy.silver'])

        when:
        int code = run('apply', dir.toString(), '--auto-approve')

        then:
        code == 0
        out.contains('created policy gold')
        out.contains('created failback policy gold-failback')
        out.contains('agent auto-upgrade off for the machines of rotterdam')

        and: 'the policies as azure-powershell creates them for a modernized vault, and their failback twins'
        arm.get(arm.resources.keySet().find { it.endsWith('/replicationpolicies/gold') }).properties.providerSpecificDetails ==
                [instanceType: 'InMageRcm', recoveryPointHistoryInMinutes: 4320, crashConsistentFrequencyInMinutes: 5, appConsistentFrequencyInMinutes: 60, enableMultiVmSync: 'True']
        arm.get(arm.resources.keySet().find { it.endsWith('/replicationpolicies/gold-failback') }).properties.providerSpecificDetails ==
                [instanceType: 'InMageRcmFailback', crashConsistentFrequencyInMinutes: 5, appConsistentFrequencyInMinutes: 60]

        and: "the mappings towards Azure keep agents as declared; every machine is carried by its group's appliance"
        arm.resources.values().findAll { (it.type as String).endsWith('/replicationProtectionContainerMappings') && it.properties.providerSpecificDetails }
                .collect { it.properties.providerSpecificDetails.enableAgentAutoUpgrade }.unique() == ['false']
        arm.item('ord-sql01').properties.providerSpecificDetails.processServerName == 'rtm-asr01'
        arm.item('web01').properties.providerSpecificDetails.processServerName == 'rtm-asr02'
        arm.item('web01').properties.providerSpecificDetails.protectedDisks*.diskType.unique() == ['Standard_LRS']
        (arm.item('web01').properties.providerSpecificDetails.targetResourceGroupId as String).endsWith('/resourceGroups/rg-dr-web')
        arm.item('ord-sql01').properties.providerSpecificDetails.multiVmGroupName == 'orders'
        arm.item('files01-dr').properties.providerSpecificDetails.targetVmName == 'files01-dr'
        arm.item('files01') == null

        and: "Site Recovery's list of items leaves out their disks and NICs; each is read alone"
        arm.requests.any { it ==~ /GET .*\/replicationProtectedItems\/vcenter_[^\/]+/ }

        and: 'nothing left to change'
        changes(dir) == []

        when: "web01's agent falls behind: Site Recovery reports 9.60 where 9.66 is declared"
        arm.item('web01').properties.providerSpecificDetails.mobilityAgentDetails.version = '9.60.6956.1'

        then: 'the plan says so, and apply upgrades it with a run-as account the appliances hold (no auto-upgrade here)'
        changes(dir) == ['update mobility.web01']
        run('apply', dir.toString(), '--auto-approve') == 0
        out.contains('updating the Mobility agent of web01 from 9.60.6956.1 to 9.66')
        (arm.lastBody('web01', 'updateMobilityService').properties.runAsAccountId as String).contains('/providers/Microsoft.OffAzure/')
        changes(dir) == []

        when: 'silver takes app-consistent points every 2 hours instead of 4'
        Path protection = dir.resolve('protection.groovy')
        write(protection, read(protection).replace('    recoveryPointHistory 1.days\n    appConsistentFrequency 4.hours', '    recoveryPointHistory 1.days\n    appConsistentFrequency 2.hours'))

        then: 'the policy and its failback twin are updated as azure-powershell updates a policy (PATCH), and nothing is left to change'
        changes(dir) == ['update policy.silver']
        run('apply', dir.toString(), '--auto-approve') == 0
        out.contains('updated policy silver; updated failback policy silver-failback')
        arm.get(arm.resources.keySet().find { it.endsWith('/replicationpolicies/silver') }).properties.providerSpecificDetails.appConsistentFrequencyInMinutes == 120
        arm.get(arm.resources.keySet().find { it.endsWith('/replicationpolicies/silver-failback') }).properties.providerSpecificDetails.appConsistentFrequencyInMinutes == 120
        arm.requests.count { it ==~ /PATCH .*\/replicationPolicies\/silver(-failback)?/ } == 2
        changes(dir) == []
    }

    def "a real modernized vault imported through Site Recovery's REST surface plans with no changes (siteplan import)"() {
        given: 'the example applied to the peer, so the vault holds what the definition says'
        Path dir = onPeers()
        assert run('apply', dir.toString(), '--auto-approve') == 0
        assert changes(dir) == []

        and: 'a seed of the vault and the site only: how to reach them, nothing about machines'
        Path seed = RealPeers.importSeed(tmp, dir)
        Path imported = tmp.resolve('imported/estate.yaml')

        when:
        int sent = arm.requests.size()
        int code = run('import', seed.toString(), '-o', imported.toString())

        then: 'read only, the appliances and the modernized groups in the definition'
        code == ExitCode.OK
        arm.requests.drop(sent).every { it.startsWith('GET ') }
        out.contains('20 protected machines in ')
        read(imported).contains('architecture: modernized')
        read(imported).contains('appliance: rtm-asr01')

        and: "the imported estate plans with no changes; its errors are the OS versions no vCenter reports (SRC-OS), which import says to set"
        changes(imported, ExitCode.INVALID_INPUT) == []
    }
}
