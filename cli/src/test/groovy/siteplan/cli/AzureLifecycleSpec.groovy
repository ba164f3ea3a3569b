package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import siteplan.planner.state.StateFiles
import siteplan.providers.Vcsim
import siteplan.providers.azure.ArmResources
import siteplan.providers.azure.ArmServer
import siteplan.dsl.load.DefinitionLoader

/**
 * A recovery plan's whole life through Site Recovery's REST surface (the contract peer): protection
 * enabled by apply, planned failover, commit, reprotect, failback; after each stage the state is read
 * back through discovery (discover --json) and compared with what the vault holds. Both shapes: the
 * classic VMware → Azure → VMware one (seeds 000-002, examples/failback) and Hyper-V VMM → VMM (seed 003).
 */
class AzureLifecycleSpec extends AzurePeerSpecification {
    static final ObjectMapper JSON = new ObjectMapper()
    static final List<String> CRM = ['crm-db01', 'crm-app01', 'crm-app02']
    static final List<String> NY = ['sql-ny-01', 'sql-ny-02', 'app-ny-01', 'app-ny-02', 'app-ny-03']
    static final String NY_PLAN = 'newyork-to-chicago'


    // ------------------------------------------------------------------ estates on the peers

    /** Seeds 000-002: the failback example on the peers. */
    Path classic() {
        failbackOnPeers()
    }

    /** Seed 003: the Hyper-V example's vault on the peer. */
    Path hyperV() {
        hyperVOnPeer()
    }

    /** The vault forgets these machines' protection and the recovery plan: apply has to enable it. */
    void unprotect(List<String> machines, String plan) {
        machines.each { m ->
            Map item = arm.item(m)
            if (item == null) return
            arm.resources.remove((item.id as String).toLowerCase())
            Map protectable = arm.get(item.properties.protectableItemId as String)
            if (protectable) { protectable.properties.protectionStatus = 'Unprotected'; protectable.properties.remove('replicationProtectedItemId') }
        }
        arm.resources.keySet().removeIf { it.endsWith('/replicationrecoveryplans/' + plan.toLowerCase()) }
    }

    // ------------------------------------------------------------------ reading back

    /** What the last stage printed (out, then err), kept while discovery runs after it. */
    String said

    int cli(String... args) {
        int code = run(args)
        said = out + err
        code
    }

    /** The plan's changes other than no-ops, as "action address". */
    List<String> changes(Path dir) {
        int code = run('plan', dir.toString(), '--json', '--no-history', *RealPeers.beforeRetirement(tmp))
        assert code == 0: err + ' ' + out
        JSON.readValue(out, Map).changes.findAll { it.action != 'no-op' }.collect { "${it.action} ${it.address}".toString() }
    }

    /** machine → "state/activeLocation" as discovery reads the vault's protected items. */
    Map<String, String> discovered(Path dir, List<String> machines) {
        int code = run('discover', dir.toString(), '--json')
        assert code == 0: err + ' ' + out
        def items = JSON.readValue(out, Map).vaults.collectMany { it.protectedItems ?: [] }
        machines.collectEntries { m -> def i = items.find { it.machine == m }; [m, i ? "${i.state}/${i.activeLocation}".toString() : 'absent'] }
    }

    /** machine → "protectionState/activeLocation/instanceType" as the peer holds the protected item. */
    Map<String, String> peer(List<String> machines) {
        machines.collectEntries { m -> def p = arm.item(m)?.properties; [m, p ? "${p.protectionState}/${p.activeLocation}/${p.providerSpecificDetails?.instanceType}".toString() : 'absent'] }
    }

    static Map<String, String> all(List<String> machines, String value) { machines.collectEntries { [it, value] } }

    /** What each stage observed, for the report. */
    final Map<String, Map> observed = [:]

    void observe(String stage, Path dir, List<String> machines) {
        observed[stage] = [discover: discovered(dir, machines), peer: peer(machines)]
        println "${specificationContext.currentIteration.name} | ${stage}: discover ${observed[stage].discover} | peer ${observed[stage].peer}"
    }

    // ------------------------------------------------------------------ features

    /** Enable (a real apply), planned failover, commit, reprotect, each stage read back through discovery and the peer. */
    void walkToReprotect(Path dir) {
        // enable: new protection in the classic vault, as Azure took it before the architecture's retirement (ARCH-CLASSIC)
        int applied = cli('apply', dir.toString(), '--auto-approve', *RealPeers.beforeRetirement(tmp))
        observe('enable', dir, CRM)
        assert applied == 0: said
        assert CRM.every { arm.actions(it).contains('enable') }
        assert observed.enable.discover == all(CRM, 'protected/primary')
        assert observed.enable.peer == all(CRM, 'Protected/Primary/InMageAzureV2')
        assert changes(dir) == []
        // planned failover to Azure: VMware has no planned failover in Site Recovery, so unplanned with the source shut down first
        int failover = cli('failover', dir.toString(), '--recovery-plan', 'crm', '--type', 'planned', '--ack')
        observe('failover', dir, CRM)
        assert failover == 0: said
        assert CRM.every { arm.lastBody(it, 'unplannedFailover').properties.sourceSiteOperations == 'Required' && !arm.actions(it).contains('plannedFailover') }
        assert observed.failover.discover == all(CRM, 'failed-over/recovery')
        assert observed.failover.peer == all(CRM, 'UnplannedFailoverCommitPendingStatesBegin/Recovery/InMageAzureV2')
        // commit
        int commit = cli('commit', dir.toString(), '--recovery-plan', 'crm')
        observe('commit', dir, CRM)
        assert commit == 0: said
        assert observed.commit.discover == all(CRM, 'failover-committed/recovery')
        assert observed.commit.peer == all(CRM, 'PlannedFailoverStatesBegin/Recovery/InMageAzureV2')
        // reprotect: Azure replicates back to VMware
        int reprotect = cli('reprotect', dir.toString(), '--recovery-plan', 'crm')
        observe('reprotect', dir, CRM)
        assert reprotect == 0: said
        assert CRM.every { arm.lastBody(it, 'reProtect').properties.providerSpecificDetails.instanceType == 'InMage' }
        assert observed.reprotect.discover == all(CRM, 'reprotected/recovery')
        assert observed.reprotect.peer == all(CRM, 'Protected/Recovery/InMage')
    }

    /** The same walk for the Hyper-V plan: Hyper-V Replica has a planned failover, and no provider input for VMM → VMM. */
    void walkToReprotectHyperV(Path dir) {
        int applied = cli('apply', dir.toString(), '--auto-approve')
        observe('enable', dir, NY)
        assert applied == 0: said
        assert NY.every { arm.actions(it).contains('enable') && arm.lastBody(it, 'enable').properties.providerSpecificDetails == null }
        assert observed.enable.discover == all(NY, 'protected/primary')
        assert observed.enable.peer == all(NY, 'Protected/Primary/HyperVReplica2012R2')
        assert changes(dir) == []
        int failover = cli('failover', dir.toString(), '--recovery-plan', NY_PLAN, '--type', 'planned', '--ack')
        observe('failover', dir, NY)
        assert failover == 0: said
        assert NY.every { arm.actions(it).contains('plannedFailover') && !arm.actions(it).contains('unplannedFailover') }
        assert observed.failover.discover == all(NY, 'failed-over/recovery')
        assert observed.failover.peer == all(NY, 'PlannedFailoverCommitRequired/Recovery/HyperVReplica2012R2')
        int commit = cli('commit', dir.toString(), '--recovery-plan', NY_PLAN)
        observe('commit', dir, NY)
        assert commit == 0: said
        assert observed.commit.discover == all(NY, 'failover-committed/recovery')
        assert observed.commit.peer == all(NY, 'PlannedFailoverStatesBegin/Recovery/HyperVReplica2012R2')
        int reprotect = cli('reprotect', dir.toString(), '--recovery-plan', NY_PLAN)
        observe('reprotect', dir, NY)
        assert reprotect == 0: said
        assert NY.every { arm.lastBody(it, 'reProtect').properties.providerSpecificDetails == null && arm.lastBody(it, 'reProtect').properties.failoverDirection == 'RecoveryToPrimary' }
        assert observed.reprotect.discover == all(NY, 'reprotected/recovery')
        assert observed.reprotect.peer == all(NY, 'Protected/Recovery/HyperVReplica2012R2')
    }

    /** The failback example's vault without the crm machines' protection (nor its recovery plan), Location-only operations. */
    Path classicUnprotected() {
        Path dir = classic()
        arm.lroMode = 'location'
        unprotect(CRM, 'crm')
        assert changes(dir).containsAll(CRM.collect { "create protection.${it}".toString() } + ['create recovery_plan.crm'])
        assert discovered(dir, CRM) == all(CRM, 'absent')
        dir
    }

    /** The Hyper-V example's vault without the recovery plan's machines' protection (nor the plan), Azure-AsyncOperation. */
    Path hyperVUnprotected() {
        Path dir = hyperV()
        arm.lroMode = 'async'
        unprotect(NY, NY_PLAN)
        assert changes(dir).containsAll(NY.collect { "create protection.${it}".toString() } + ["create recovery_plan.${NY_PLAN}".toString()])
        assert discovered(dir, NY) == all(NY, 'absent')
        dir
    }

    def "classic (seeds 000-002, Location-only operations): enable, planned failover to Azure, commit and reprotect, each read back through discovery"() {
        given: 'the failback example with the crm machines not yet protected in the vault'
        Path dir = classicUnprotected()

        when: 'apply enables protection; failover, commit, reprotect follow'
        walkToReprotect(dir)

        then: 'every stage read back as asserted in the walk, and nothing broke the contract'
        arm.violations.isEmpty()
        arm.refused.isEmpty()
    }

    def "classic (seeds 000-002, Location-only operations): failback after the reprotect brings crm home, replicating to Azure again"() {
        given:
        Path dir = classicUnprotected()
        walkToReprotect(dir)

        when: 'failback to paris'
        int failback = cli('failback', dir.toString(), '--recovery-plan', 'crm', '--ack')
        observe('failback', dir, CRM)

        then: 'back on VMware, replicating to Azure again'
        assert failback == 0: said
        CRM.every { arm.lastBody(it, 'unplannedFailover').properties.providerSpecificDetails.instanceType == 'InMage' }
        CRM.every { arm.lastBody(it, 'reProtect').properties.providerSpecificDetails.instanceType == 'InMageAzureV2' }
        observed.failback.discover == all(CRM, 'protected/primary')
        observed.failback.peer == all(CRM, 'Protected/Primary/InMageAzureV2')
        changes(dir) == []
        arm.violations.isEmpty()
    }

    def "Hyper-V VMM to VMM (seed 003, Azure-AsyncOperation): enable, planned failover to Chicago, commit and reprotect, each read back through discovery"() {
        given: 'the Hyper-V example with the recovery plan machines not yet protected in the vault'
        Path dir = hyperVUnprotected()

        when:
        walkToReprotectHyperV(dir)

        then:
        arm.violations.isEmpty()
        arm.refused.isEmpty()
    }

    def "Hyper-V VMM to VMM (seed 003, Azure-AsyncOperation): failback after the reprotect brings the plan home to New York"() {
        given:
        Path dir = hyperVUnprotected()
        walkToReprotectHyperV(dir)

        when: 'failback to New York'
        int failback = cli('failback', dir.toString(), '--recovery-plan', NY_PLAN, '--ack')
        observe('failback', dir, NY)

        then:
        assert failback == 0: said
        NY.every { arm.actions(it).count('plannedFailover') == 2 }
        observed.failback.discover == all(NY, 'protected/primary')
        observed.failback.peer == all(NY, 'Protected/Primary/HyperVReplica2012R2')
        changes(dir) == []
        arm.violations.isEmpty()
    }

    def "a Hyper-V drill test-fails-over each machine of the recovery plan through Site Recovery and cleans up"() {
        given: "the SQL VMs' adapters have addresses, which their replicas keep: the smoke check reaches sql-ny-01 there"
        Path dir = hyperV()
        Path replication = dir.resolve('replication.groovy')
        write(replication, read(replication).replace("storageClassification storage }\n            nic('nic0') { network 'VMNetwork1-NewYork' }",
                "storageClassification storage }\n            nic('nic0') { network 'VMNetwork1-NewYork'; ip(name == 'sql-ny-01' ? '127.2.0.21' : '127.2.0.22') }"))
        assert read(replication).contains("ip(name == 'sql-ny-01'")
        def sql = new ServerSocket(1433, 50, InetAddress.getByName('127.2.0.21'))
        Thread.startDaemon { while (!sql.closed) { try { sql.accept().close() } catch (IOException ignored) { } } }
        int applied = cli('apply', dir.toString(), '--auto-approve')
        assert applied == 0: said

        when:
        int code = cli('drill', dir.toString(), '--recovery-plan', NY_PLAN, '--ack')

        then:
        assert code == 0: said
        said.contains('check tcp sql-ny-01:1433: passed — connected to 127.2.0.21:1433')
        NY.every { arm.actions(it).containsAll(['testFailover', 'testFailoverCleanup']) }
        NY.every { arm.lastBody(it, 'testFailover').properties.providerSpecificDetails == null }
        NY.every { arm.item(it).properties.testFailoverState == 'None' && arm.item(it).properties.protectionState == 'Protected' }

        cleanup:
        sql?.close()
    }

    def "a recovery plan's manual and script steps are pushed into Site Recovery's recovery plan"() {
        given: 'the first group gets a manual step before it and a script after it'
        Path dir = hyperV()
        Path replication = dir.resolve('replication.groovy')
        String group = "    group { machines 'sql-ny-01', 'sql-ny-02' }\n"
        assert read(replication).contains(group)
        write(replication, read(replication).replace(group, """    group {
        machines 'sql-ny-01', 'sql-ny-02'
        before { manual 'Stop the SQL Agent jobs in New York' }
        after { script 'scripts/set-dns.ps1', timeout: 10.minutes }
    }
"""))
        java.nio.file.Files.createDirectories(dir.resolve('scripts'))
        write(dir.resolve('scripts/set-dns.ps1'), 'Write-Output ok\n')

        when:
        int code = cli('apply', dir.toString(), '--auto-approve')
        def puts = arm.requests.findAll { it ==~ /PUT .*\/replicationRecoveryPlans\/${NY_PLAN}/ }
        Map plan = arm.resources.values().find { it.type == 'Microsoft.RecoveryServices/vaults/replicationRecoveryPlans' && it.name == NY_PLAN }
        def boot = plan?.properties?.groups?.findAll { it.groupType == 'Boot' }

        then:
        assert code == 0: said
        puts.size() == 1
        boot.size() == 2
        boot[0].replicationProtectedItems*.id.collect { arm.get(it)?.properties?.friendlyName } == ['sql-ny-01', 'sql-ny-02']
        boot[0].startGroupActions.size() == 1
        boot[0].startGroupActions[0].customDetails == [instanceType: 'ManualActionDetails', description: 'Stop the SQL Agent jobs in New York']
        boot[0].startGroupActions[0].failoverDirections.containsAll(['PrimaryToRecovery', 'RecoveryToPrimary'])
        boot[0].endGroupActions.size() == 1
        boot[0].endGroupActions[0].customDetails == [instanceType: 'ManualActionDetails',
                description: 'Run the script scripts/set-dns.ps1 from the estate\'s definition (siteplan runs it; without siteplan, run it by hand)']
        and: "the second group keeps the example's own manual step"
        boot[1].endGroupActions*.customDetails == [[instanceType: 'ManualActionDetails', description: 'Repoint the load balancer at Chicago']]
        changes(dir) == []
    }

    def "a runbook in a plan that fails over to a VMM site is refused at plan time: Site Recovery runs runbooks only into Azure (RP-RUNBOOK)"() {
        given:
        Path dir = hyperV()
        Path replication = dir.resolve('replication.groovy')
        String group = "    group { machines 'sql-ny-01', 'sql-ny-02' }\n"
        write(replication, read(replication).replace(group, """    group {
        machines 'sql-ny-01', 'sql-ny-02'
        after { runbook 'Set-DnsRecords' }
    }
"""))
        int before = arm.requests.size()

        when:
        int code = cli('apply', dir.toString(), '--auto-approve')

        then:
        code == ExitCode.INVALID_INPUT
        said.contains('RP-RUNBOOK error: runbook Set-DnsRecords in group 1 of recovery plan newyork-to-chicago: Site Recovery runs Azure Automation runbooks only in plans that fail over to Azure')
        !arm.requests.drop(before).any { it.startsWith('PUT') || it.startsWith('POST') }
    }
}
