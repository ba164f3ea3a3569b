package siteplan.planner

import java.nio.file.Files
import java.nio.file.Path
import siteplan.dsl.load.DefinitionLoader
import siteplan.planner.plan.Plan
import siteplan.planner.plan.Planner
import siteplan.planner.plan.Targets
import siteplan.planner.rules.Profile
import siteplan.planner.state.DiscoveredState

/**
 * What -target keeps of a plan where nothing exists yet, so every dependency is a change of its own: the
 * targets' changes and what they depend on, never what depends on them.
 */
class TargetsSpec extends PlanningSpecification {

    static final String PLANS = '''
machines('lab') {
    vmwareVm('web01') {
        os 'windows', 'Windows Server 2012 R2'; tags 'win'
        disk('c') { size 60.GB; churn 2.GB; iops 20; mount 'C:'; boot true }
        nic('n0') { network 'VM Network' }
        failover { vmSize 'Standard_A2'; network 'dr-vnet'; subnet 'servers' }
    }
}
recoveryPlan('web') { source 'lab'; target 'dr'; group { machines 'web01' } }
recoveryPlan('linux') { source 'lab'; target 'dr'; group { machines 'base02' } }
'''

    Plan targeted(List<String> targets) {
        Path dir = Files.createTempDirectory('siteplan-spec')
        try {
            Files.writeString(dir.resolve('base.groovy'), BASE)
            Files.writeString(dir.resolve('extra.groovy'), PLANS)
            def loaded = DefinitionLoader.load([dir.toString()])
            Planner.plan([dir.toString()], loaded.estate(), loaded.sources(), DiscoveredState.empty(), 'test', Profile.load(Profile.DEFAULT),
                    new Planner.Options(false, TODAY, 'test'), new Planner.Digests(null, null), targets)
        } finally {
            dir.toFile().deleteDir()
        }
    }

    def "a machine brings its group's policy, vault, storage account and servers, its site's configuration server and vCenter, and the mapping and network it uses"() {
        when:
        def p = targeted(['machine:base01'])

        then:
        changed(p) == ['+ azure_network.dr/dr-vnet', '+ configuration_server.lab/cs01', '+ master_target.lab/mt01', '+ network_mapping.VM Network', '+ policy.gold',
                       '+ process_server.lab/ps01', '+ protection.base01', '+ storage_account.dr/sa1', '+ vault.dr', '+ vcenter.lab/vc01']
        p.targets() == ['machine:base01']
        p.changesLeftOut() == changed(targeted([])).size() - 10
    }

    def "a machine does not bring the recovery plans that list it; a recovery plan brings its machines"() {
        expect:
        !changed(targeted(['machine:web01'])).any { it.contains('recovery_plan') }
        changed(targeted(['recoveryPlan:web'])).containsAll(['+ protection.web01', '+ recovery_plan.web'])
        !changed(targeted(['recoveryPlan:web'])).contains('+ protection.base02')
    }

    def "a protection group stands for its machines; a change address for that change and what it needs"() {
        expect:
        changed(targeted(['protectionGroup:lnx'])).findAll { it.contains('protection.') } == ['+ protection.base02']
        changed(targeted(['process_server.lab/ps01'])) == ['+ configuration_server.lab/cs01', '+ process_server.lab/ps01', '+ vault.dr']
        changed(targeted(['site:lab/masterTarget:mt02'])) == ['+ configuration_server.lab/cs01', '+ master_target.lab/mt02', '+ vault.dr']
    }

    def "no targets is the whole plan, and an address that names nothing is refused with every address that does"() {
        expect:
        targeted([]).targets() == null
        targeted([]).changesLeftOut() == null

        when:
        targeted(['machine:base1'])

        then:
        def e = thrown(Targets.UnknownTarget)
        e.target() == 'machine:base1'
        e.known().containsAll(['machine:base01', 'protectionGroup:win', 'recoveryPlan:web', 'site:lab', 'azure:dr', 'policy:gold', 'protection.base01'])
    }
}
