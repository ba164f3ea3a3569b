package siteplan.executor.apply

import java.nio.file.Files
import java.nio.file.Path
import siteplan.dsl.load.DefinitionLoader
import siteplan.executor.secrets.Secrets
import siteplan.model.Estate
import siteplan.planner.diff.Action
import siteplan.planner.diff.Change
import siteplan.planner.diff.ResourceType
import siteplan.planner.plan.Plan
import siteplan.planner.rules.Finding
import siteplan.planner.rules.Severity
import spock.lang.Shared
import spock.lang.Specification

/**
 * Before an apply changes anything: a saved plan is only a record of what was reviewed (it must match the
 * plan made now, on today's definition and estate), every credential is set, and the estate is unchanged
 * under the lock. Each refusal says nothing was changed.
 */
class ApplyChecksSpec extends Specification {
    @Shared Estate estate = DefinitionLoader.load([example('vmware-to-azure')]).estate()

    static String example(String name) {
        (Files.isDirectory(Path.of('examples')) ? Path.of('examples') : Path.of('../examples')).resolve(name).toString()
    }

    static Change change(String type, String name, Action action = Action.CREATE, boolean destructive = false) {
        new Change(type + '.' + name, ResourceType.valueOf(type.toUpperCase()), 'amsterdam', name, action, null, [], null, destructive)
    }

    static Plan plan(Map args = [:]) {
        List<Change> changes = args.changes ?: [change('protection', 'erp-db01')]
        new Plan(Plan.FORMAT_VERSION, '0.1.0', ['estate'], args.provider ?: 'simulated estate', args.profile ?: 'default', args.targets, args.targets == null ? null : 0, 'digest-1',
                args.fingerprint ?: 'state-1', args.containsKey('applicable') ? args.applicable : true,
                new Plan.Summary(changes.count { it.action() == Action.CREATE } as int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                changes, args.findings ?: [], [], [])
    }

    def "a saved plan of the same definition and estate passes both freshness checks"() {
        when:
        SavedPlanCheck.requireSameDefinition('plan.json', plan(), ['estate'], 'digest-1')
        SavedPlanCheck.requireSameState('plan.json', plan(), 'state-1', 'simulated estate')

        then:
        noExceptionThrown()
    }

    def "a saved plan whose definition changed since is stale"() {
        when:
        SavedPlanCheck.requireSameDefinition('plan.json', plan(), ['estate'], 'digest-2')

        then:
        def e = thrown(ApplyRefused)
        e.message == 'the plan plan.json is stale: the definition (estate) changed since it was made. Nothing was changed; run siteplan plan again and review the new plan.'
    }

    def "a saved plan with error findings can never be applied"() {
        when:
        SavedPlanCheck.requireSameDefinition('plan.json', plan(applicable: false), ['estate'], 'digest-1')

        then:
        def e = thrown(ApplyRefused)
        e.message.contains('has error findings and can never be applied')
    }

    def "a saved plan of an estate that changed since is stale, perhaps by another apply"() {
        when:
        SavedPlanCheck.requireSameState('plan.json', plan(), 'state-2', 'simulated estate')

        then:
        def e = thrown(ApplyRefused)
        e.message.startsWith('the plan plan.json is stale: what exists (simulated estate) changed since it was made, perhaps by another apply.')
    }

    def "a saved plan matches the plan made now only with the same profile, provider and changes in order"() {
        when:
        SavedPlanCheck.requireSame('plan.json', saved, now)

        then:
        def e = thrown(ApplyRefused)
        e.message.startsWith('the plan plan.json does not match what the definition and the estate give now: ')
        e.message.contains(detail)
        e.message.endsWith('Nothing was changed; run siteplan plan again and review the new plan.')

        where:
        saved                                                        | now                                              || detail
        plan(profile: 'strict')                                      | plan()                                           || 'rule profile strict'
        plan(provider: 'elsewhere')                                  | plan()                                           || 'made against elsewhere'
        plan(changes: [change('protection', 'erp-db01', Action.UPDATE)]) | plan()                                       || 'protection.erp-db01 is update in it and create now'
        plan(changes: [change('protection', 'erp-db01'), change('protection', 'erp-app01')]) | plan()                   || 'protection.erp-app01 (create) is in it, and the definition gives no such change'
        plan()                                                       | plan(changes: [change('protection', 'erp-db01'), change('protection', 'web01')]) || 'protection.web01 (create) is left out of it'
    }

    def "the same plan made again is accepted"() {
        when:
        SavedPlanCheck.requireSame('plan.json', plan(), plan())

        then:
        noExceptionThrown()
    }

    def "a change that loses recovery points needs --allow-destroy on apply itself; preventDestroy refuses it always"() {
        given:
        def destructive = plan(changes: [change('protection', 'erp-db01', Action.DELETE, true)])
        def prevented = plan(findings: [new Finding('PLAN-PREVENT-DESTROY', Severity.ERROR, 'protection.erp-db01', 'erp-db01 is guarded by preventDestroy', null, null)])

        when:
        SavedPlanCheck.destroyGate('plan.json', destructive, false)
        then:
        def e = thrown(ApplyRefused)
        e.message.contains('loses the recovery points of protection.erp-db01, and apply was not given --allow-destroy')

        when:
        SavedPlanCheck.destroyGate('plan.json', destructive, true)
        then:
        noExceptionThrown()

        when:
        SavedPlanCheck.destroyGate('plan.json', prevented, true)
        then:
        def p = thrown(ApplyRefused)
        p.message == 'not applying plan.json: erp-db01 is guarded by preventDestroy. Nothing was changed.'
    }

    def "an apply whose steps need credentials that are not set refuses before it starts, naming each and how to set it"() {
        given:
        def graph = OperationGraph.of([change('protection', 'erp-db01'), change('configuration_server', 'amsterdam/cs01')], estate)

        when:
        ApplyGate.requireCredentials(graph, estate, new Secrets([:]))

        then:
        def e = thrown(ApplyRefused)
        e.message.startsWith('not applying: the plan needs credentials that are not set; nothing was changed:')
        e.message.readLines().size() == 3
    }

    def "an apply with its credentials set passes the credential check"() {
        given:
        def graph = OperationGraph.of([change('protection', 'erp-db01'), change('configuration_server', 'amsterdam/cs01')], estate)
        def env = [SITEPLAN_SECRET_ASR_PUSH_ADMIN: 'a', SITEPLAN_SECRET_ASR_PUSH_ROOT: 'b', SITEPLAN_SECRET_VCENTER_ASR: 'c', SITEPLAN_SECRET_CS01_PASSPHRASE: 'd']

        when:
        ApplyGate.requireCredentials(graph, estate, new Secrets(env))

        then:
        noExceptionThrown()
    }

    def "under the lock, an estate changed since the plan was made refuses the apply"() {
        when:
        ApplyGate.requireUnchanged('state-1', { 'state-2' }, 'simulated estate')

        then:
        def e = thrown(ApplyRefused)
        e.message.startsWith('the plan is stale: what exists (simulated estate) changed since it was made, while waiting for the lock or by another apply.')

        when:
        ApplyGate.requireUnchanged('state-1', { 'state-1' }, 'simulated estate')

        then:
        noExceptionThrown()
    }
}
