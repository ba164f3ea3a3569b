package siteplan.planner

import siteplan.planner.diff.Action

/** What a plan proposes, given what exists: the closed set of actions, with reasons, fields and DR impact. */
class DifferSpec extends PlanningSpecification {

    def "nothing to do when everything exists as declared"() {
        expect:
        changed(planAgainst { }) == []
        !planAgainst { }.summary().hasChanges()
    }

    def "an estate where nothing is protected yet creates servers, policy, mapping and protection, with the time it takes"() {
        when:
        def p = plan()

        then:
        changed(p) == ['+ master_target.lab/mt01', '+ master_target.lab/mt02', '+ network_mapping.VM Network', '+ policy.gold', '+ process_server.lab/ps01',
                       '+ protection.base01', '+ protection.base02']
        with(p.changes().find { it.address() == 'protection.base01' }.impact()) {
            replicateGb() == 100.0
            // 100 GB x 8 bit x 70% (30% compression) over 100 Mbps
            initialReplicationHours() == 1.7
            uplink() == '100Mbps'
            rpoAtRisk() == 'no recovery point until initial replication completes (policy RPO 15min)'
        }
    }

    def "SRC-RESIZE: a disk grown since protection is re-replicated, keeping recovery points"() {
        when:
        def p = planAgainst { s -> item(s, 'base01').disks[0].size = '80GB' }
        def c = p.changes().find { it.address() == 'protection.base01' }

        then:
        c.action() == Action.RE_REPLICATE
        c.fields()*.toString() == ['FieldChange[field=disk c, before=80GB, after=100GB]']
        !c.destructive()
        c.impact().replicateGb() == 100.0
        p.applicable()
    }

    def "SRC-MECHANISM: changing the replication mechanism re-replicates every protected machine of the site"() {
        when:
        def p = planAgainst { s -> s.vaults[0].fabrics.find { it.site == 'lab' }.replicationMechanism = 'vpn' }

        then:
        changed(p) == ['~> protection.base01', '~> protection.base02', '~ site.lab']
        p.changes().findAll { it.action() == Action.RE_REPLICATE }.every { it.destructive() }
    }

    def "a machine moved to another master target is replaced, which destroys its recovery points and needs --allow-destroy"() {
        given:
        def move = { s -> item(s, 'base01').masterTarget = 'mt-old' }

        when:
        def refused = planAgainst(move)
        def allowed = planAgainst('', [:], true, move)

        then:
        changed(refused) == ['-/+ protection.base01']
        refused.findings()*.rule() == ['PLAN-DESTROY']
        !refused.applicable()
        allowed.findings().isEmpty()
        allowed.applicable()
    }

    def "preventDestroy refuses a destructive change even with --allow-destroy"() {
        when:
        def p = planAgainst('', ["vmwareVm('base01') {": "vmwareVm('base01') { preventDestroy true"], true) { s -> item(s, 'base01').masterTarget = 'mt-old' }

        then:
        p.findings()*.message() == ['protection.base01 would disable protection and lose its recovery points (replace), but machine base01 sets preventDestroy']
        !p.applicable()
    }

    def "a protected machine that leaves the definition is deleted only if siteplan manages it"() {
        when:
        def managed = planAgainst('', [:], true) { s -> s.vaults[0].protectedItems << (item(s, 'base01').clone() + [machine: 'retired01']) }
        def foreign = planAgainst { s -> s.vaults[0].protectedItems << (item(s, 'base01').clone() + [machine: 'retired01', managed: false]) }

        then:
        changed(managed) == ['- protection.retired01']
        managed.changes().find { it.address() == 'protection.retired01' }.destructive()
        changed(foreign) == []
    }

    def "a failed-over machine is not drift: its differences wait for failback"() {
        when:
        def p = planAgainst { s ->
            item(s, 'base01').activeLocation = 'recovery'
            item(s, 'base01').state = 'failed-over'
            item(s, 'base01').disks[0].size = '50GB'
            item(s, 'base01').masterTarget = 'elsewhere'
        }

        then:
        changed(p) == []
        p.changes().find { it.address() == 'protection.base01' }.reason() == 'active at the recovery site (failed-over); changes wait for failback'
    }

    def "a failed-over and committed machine is reprotected (FB-STAGES)"() {
        when:
        def p = planAgainst { s ->
            item(s, 'base01').activeLocation = 'recovery'
            item(s, 'base01').state = 'failover-committed'
        }

        then:
        changed(p) == ['<~ protection.base01']
    }

    def "MOB-SERVICES: a stopped or missing service is repaired"() {
        when:
        def p = planAgainst(winVm('t1', "disk('c') { size 10.GB }; mobility { version '9.0'; install 'manual' }")) { s ->
            item(s, 't1').mobility.services['svagents'] = 'stopped'
            item(s, 't1').mobility.services.remove('WindowsAzureGuestAgent')
        }
        def c = p.changes().find { it.address() == 'mobility.t1' }

        then:
        c.action() == Action.UPDATE
        c.fields()*.toString() == ['FieldChange[field=service svagents, before=stopped, after=running]', 'FieldChange[field=service WindowsAzureGuestAgent, before=missing, after=running]']
    }

    def "changed failover settings and policies are updated in place"() {
        when:
        def p = planAgainst(winVm('t1', "disk('c') { size 10.GB }; failover { vmSize 'Standard_A4' }")) { s ->
            item(s, 't1').failover.vmSize = 'Standard_A2'
            s.vaults[0].policies[0].settings.rpoThreshold = '30min'
        }

        then:
        changed(p) == ['~ policy.gold', '~ protection.t1']
        p.changes().find { it.address() == 'policy.gold' }.fields()*.toString() == ['FieldChange[field=rpoThreshold, before=30min, after=15min]']
    }

    def "sim init --partial gives a deterministic, non-empty diff"() {
        given:
        def dir = java.nio.file.Files.createTempDirectory('sim')
        java.nio.file.Files.writeString(dir.resolve('base.groovy'), BASE)
        def loaded = siteplan.dsl.load.DefinitionLoader.load([dir.toString()])

        expect:
        siteplan.planner.state.StateFiles.toJson(siteplan.providers.sim.SimulatedEstate.create(loaded.estate(), false, 50)) ==
                siteplan.planner.state.StateFiles.toJson(siteplan.providers.sim.SimulatedEstate.create(loaded.estate(), false, 50))
        siteplan.providers.sim.SimulatedEstate.create(loaded.estate(), false, 50).vaults()[0].protectedItems()*.machine() == ['base01']

        cleanup:
        dir.toFile().deleteDir()
    }
}
