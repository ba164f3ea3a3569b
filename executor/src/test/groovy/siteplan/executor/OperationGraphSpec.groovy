package siteplan.executor

import java.nio.file.Files
import java.nio.file.Path
import siteplan.executor.apply.OperationGraph
import siteplan.model.Estate
import siteplan.planner.diff.Action
import siteplan.planner.diff.Change
import siteplan.planner.diff.ResourceType
import siteplan.dsl.load.DefinitionLoader
import spock.lang.Shared
import spock.lang.Specification

class OperationGraphSpec extends Specification {
    @Shared Estate estate = DefinitionLoader.load([example('vmware-to-azure')]).estate()

    static String example(String name) {
        (Files.isDirectory(Path.of('examples')) ? Path.of('examples') : Path.of('../examples')).resolve(name).toString()
    }

    static Change change(String type, String site, String name, Action action = Action.CREATE) {
        new Change(type + '.' + name, ResourceType.valueOf(type.toUpperCase()), site, name, action, null, [], null, false)
    }

    def "seed 000's layers: vault, servers, policy, protection, Mobility, recovery plan; UPD-ORDER for servers"() {
        given:
        def changes = [
                change('recovery_plan', 'amsterdam', 'erp-failover'),
                change('mobility', 'amsterdam', 'erp-db01', Action.UPDATE),
                change('protection', 'amsterdam', 'erp-db01'),
                change('policy', 'contoso-dr', 'gold'),
                change('master_target', 'amsterdam', 'amsterdam/mt-win01', Action.UPDATE),
                change('process_server', 'amsterdam', 'amsterdam/ps01', Action.UPDATE),
                change('configuration_server', 'amsterdam', 'amsterdam/cs01', Action.UPDATE),
                change('vault', 'contoso-dr', 'contoso-dr')]

        when:
        def order = OperationGraph.of(changes, estate).order()

        then: 'each after what it needs'
        def before = { String a, String b -> order.indexOf(a) < order.indexOf(b) }
        order.first() == 'vault.contoso-dr'
        before('configuration_server.amsterdam/cs01', 'process_server.amsterdam/ps01')
        before('process_server.amsterdam/ps01', 'master_target.amsterdam/mt-win01')
        before('master_target.amsterdam/mt-win01', 'protection.erp-db01')
        before('policy.gold', 'protection.erp-db01')
        before('protection.erp-db01', 'mobility.erp-db01')
        before('master_target.amsterdam/mt-win01', 'mobility.erp-db01')
        order.last() == 'recovery_plan.erp-failover'
    }

    def "machines of unrelated groups do not wait for each other, so they run in parallel"() {
        given:
        def g = OperationGraph.of([change('protection', 'amsterdam', 'web01'), change('protection', 'amsterdam', 'mq01'),
                                   change('recovery_plan', 'amsterdam', 'linux-services')], estate)

        expect:
        g.dependenciesOf('protection.web01').isEmpty()
        g.dependenciesOf('protection.mq01').isEmpty()
        g.dependenciesOf('recovery_plan.linux-services') == ['protection.mq01'] as Set
    }

    def "a deletion waits until later layers stop using what it removes"() {
        given:
        def g = OperationGraph.of([change('policy', '-', 'old-policy', Action.DELETE), change('protection', 'amsterdam', 'web01', Action.UPDATE),
                                   change('recovery_plan', 'amsterdam', 'erp-failover', Action.UPDATE), change('protection', 'amsterdam', 'legacy01', Action.DELETE)], estate)

        expect:
        g.dependenciesOf('policy.old-policy').containsAll(['protection.web01', 'protection.legacy01', 'recovery_plan.erp-failover'])
        g.dependenciesOf('protection.legacy01').contains('recovery_plan.erp-failover')
        g.order().last() == 'policy.old-policy'
    }

    def "no-ops are not operations"() {
        expect:
        OperationGraph.of([change('vault', 'contoso-dr', 'contoso-dr', Action.NO_OP)], estate).size() == 0
    }
}
