package siteplan.executor.recovery

import siteplan.model.PlanMachine
import siteplan.model.RecoveryGroup
import siteplan.model.RecoveryPlan
import siteplan.planner.state.DiscoveredState
import siteplan.planner.state.ProtectedItem
import siteplan.planner.state.ProtectedItem.ActiveLocation
import siteplan.planner.state.ProtectedItem.ReplicationState
import siteplan.planner.state.RecoveryVault
import spock.lang.Specification

class PreflightSpec extends Specification {
    def plan = new RecoveryPlan('rp-web', 'paris', 'paris-dr', [new RecoveryGroup([new PlanMachine('web01', []), new PlanMachine('web02', [])], [], [])], null)
    def needs = new Preflight.Needs({ it.state() == ReplicationState.PROTECTED }, 'a failover needs it protected at its primary site')

    static ProtectedItem item(String machine, ReplicationState state) {
        new ProtectedItem(machine, 'paris', 'pg', 'policy', null, null, null, state, 'normal', ActiveLocation.PRIMARY, [], null, null, true, null)
    }

    static DiscoveredState discovered(List<ProtectedItem> items, List<RecoveryVault.RegisteredServer> servers = []) {
        def fabric = new RecoveryVault.Fabric('paris', 'vmware', 'mobility-service', servers, [])
        new DiscoveredState(null, null, null, [new RecoveryVault('paris-dr', 'vault', 'westeurope', [fabric], [], [], [], items, [], [])])
    }

    def "RP-HEALTH: an unhealthy configuration server or master target of the source stops a failover"() {
        given:
        def servers = [new RecoveryVault.RegisteredServer('configuration-server', 'cs01', 'critical', [:]),
                       new RecoveryVault.RegisteredServer('master-target', 'mt01', 'healthy', [:]),
                       new RecoveryVault.RegisteredServer('process-server', 'ps01', 'warning', [:])]

        expect:
        Preflight.health(discovered([], servers), 'paris') == ['RP-HEALTH configuration server cs01 is critical; it must be healthy before a failover']
        Preflight.health(discovered([], servers), 'lyon').isEmpty()
    }

    def "every machine of the recovery plan must be protected and in the state the operation needs"() {
        expect:
        Preflight.machines(discovered([item('web01', ReplicationState.FAILED_OVER)]), plan, needs) ==
                ['web01 is failed-over at the primary site; a failover needs it protected at its primary site',
                 'web02 is not protected: apply the plan that protects it first']
        Preflight.machines(discovered([item('web01', ReplicationState.PROTECTED), item('web02', ReplicationState.PROTECTED)]), plan, needs).isEmpty()
    }
}
