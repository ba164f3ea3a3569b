package siteplan.executor.recovery

import siteplan.model.PlanMachine
import siteplan.model.RecoveryGroup
import siteplan.model.RecoveryPlan
import siteplan.planner.state.DiscoveredState
import siteplan.planner.state.ProtectedItem
import siteplan.planner.state.ProtectedItem.ActiveLocation
import siteplan.planner.state.ProtectedItem.ReplicationState
import siteplan.planner.state.RecoveryVault
import java.nio.file.Files
import java.nio.file.Path
import siteplan.diag.Location
import siteplan.diag.SourceMap
import siteplan.model.ActionKind
import siteplan.model.Address
import siteplan.model.PlanAction
import siteplan.planner.rules.Finding
import siteplan.planner.rules.Severity
import spock.lang.Specification
import spock.lang.TempDir

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

    def "a rule's error stops a run, but not another recovery plan's error, nor a refusal of new protection (ARCH-CLASSIC)"() {
        given:
        def findings = [new Finding('RP-VAULT-GROUP', Severity.ERROR, 'erp-failover', 'recovery plan erp-failover fails over erp-db01 …', 'plans.groovy', 3),
                        new Finding('RP-MEMBERS', Severity.ERROR, 'rp-web', 'web03 in recovery plan rp-web is in no protection group, so it cannot fail over', 'plans.groovy', 12),
                        new Finding('ARCH-CLASSIC', Severity.ERROR, 'print01', 'print01 would be newly protected …', 'machines.groovy', 40),
                        new Finding('SRC-DISK-SIZE', Severity.ERROR, 'db01', 'disk too big', 'machines.groovy', 7),
                        new Finding('PLAN-DESTROY', Severity.ERROR, 'web01', 'would disable protection', null, null),
                        new Finding('RP-HEALTH', Severity.WARNING, 'rp-web', 'cs01 is warning', null, null)]

        expect:
        Preflight.ruleErrors(findings, { true }, 'rp-web') == ['RP-MEMBERS web03 in recovery plan rp-web is in no protection group, so it cannot fail over (plans.groovy, line 12)',
                                                           'SRC-DISK-SIZE disk too big (machines.groovy, line 7)']
        Preflight.ruleErrors(findings, { true }, 'erp-failover')*.take(14) == ['RP-VAULT-GROUP', 'SRC-DISK-SIZE ']
        Preflight.ruleErrors(findings, { it.startsWith('RP-') }, 'linux-services').isEmpty()
    }

    def "every machine of the recovery plan must be protected and in the state the operation needs"() {
        expect:
        Preflight.machines(discovered([item('web01', ReplicationState.FAILED_OVER)]), plan, needs) ==
                ['web01 is failed-over at the primary site; a failover needs it protected at its primary site',
                 'web02 is not protected: apply the plan that protects it first']
        Preflight.machines(discovered([item('web01', ReplicationState.PROTECTED), item('web02', ReplicationState.PROTECTED)]), plan, needs).isEmpty()
    }

    @TempDir
    Path dir

    def "a script the recovery plan runs but that is not in the definition folder stops the run before anything starts, at its file and line"() {
        given:
        Files.createDirectories(dir.resolve('scripts'))
        Files.writeString(dir.resolve('scripts/check-sql.sh'), '#!/bin/sh\n')
        def steps = [new PlanAction(ActionKind.SCRIPT, 'scripts/check-sql.sh', null)]
        def mistyped = [new PlanAction(ActionKind.MANUAL, 'Announce it', null), new PlanAction(ActionKind.SCRIPT, 'scripts/chek-mq.sh', null)]
        def plan = new RecoveryPlan('rp-web', 'paris', 'paris-dr', [new RecoveryGroup([new PlanMachine('web01', [])], [], steps),
                                                                    new RecoveryGroup([new PlanMachine('web02', [])], [], mistyped)], null)
        def sources = new SourceMap()
        sources.add(Address.recoveryPlan('rp-web').child(Address.Kind.GROUP, '2').child(Address.Kind.SCRIPT, 'scripts/chek-mq.sh'), new Location('recovery-plans.groovy', 38))

        expect:
        Preflight.scripts(new Preflight.Definition(dir, sources), plan) ==
                ["script 'scripts/chek-mq.sh' of group 2 of recovery plan 'rp-web' does not exist under ${siteplan.files.DefinitionPaths.display(dir)} — check its spelling; scripts are named relative to the definition folder (recovery-plans.groovy, line 38)" as String]
    }

    def "a drill is a test failover from the primary site: machines running at the recovery site are refused with the way back (FB-STAGES)"() {
        given:
        def home = item('web01', ReplicationState.PROTECTED)
        def away = item('web02', ReplicationState.PROTECTED).with(ReplicationState.REPROTECTED, ActiveLocation.RECOVERY)

        expect:
        Preflight.machines(discovered([home, away]), plan, Preflight.DRILL) ==
                ['web02 is reprotected at the recovery site; FB-STAGES: a drill is a test failover from the primary site, and there is none from the recovery site back; bring the plan home with failback (reprotect, failover, commit, reprotect), then drill it']
        Preflight.machines(discovered([home, away.with(ReplicationState.PROTECTED, ActiveLocation.PRIMARY)]), plan, Preflight.DRILL).isEmpty()
    }
}
