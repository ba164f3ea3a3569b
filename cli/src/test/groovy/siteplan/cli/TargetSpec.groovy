package siteplan.cli

import com.fasterxml.jackson.databind.node.ObjectNode
import com.networknt.schema.JsonSchemaFactory
import com.networknt.schema.SpecVersion
import java.nio.file.Files
import java.nio.file.Path
import siteplan.planner.plan.PlanJson

/**
 * -target ADDRESS on plan and apply, as a Terraform user reaches for it: one machine, protection group or
 * recovery plan (or any change the plan prints), with what it depends on and without what depends on it,
 * on the vmware-to-azure example half protected. The plan says what it leaves out; a saved plan records its
 * targets and apply plans again with exactly those.
 */
class TargetSpec extends ExecutorSpecification {

    /** The example on a simulated estate with half its machines protected, and the silver policy's retention changed: a dependency of web01 with a change of its own. */
    Path halfProtected() {
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--partial', '50%', '--force') == ExitCode.OK
        def protection = dir.resolve('protection.groovy')
        write(protection, read(protection).replace('retention 72.hours', 'retention 48.hours'))
        assert read(protection).contains('retention 48.hours')
        dir
    }

    /** The addresses of the plan's changes (no-ops are not printed), in the order the plan prints them. */
    static List<String> changed(String plan) {
        plan.readLines().findAll { it ==~ /  (\+|~|~>|<~|-|-\/\+) \S.*/ }.collect { it.trim().split(' ')[1] }
    }

    static final String WARNING_WEB01 = '''
Warning: -target is in effect
  This plan holds only machine:web01 and what it depends on; 17 other changes the definition asks for are left out of it.
  The findings still cover the whole definition. -target is for exceptional cases, such as recovering from a failed
  apply or bringing one machine up first: run a plan without it afterwards; the estate is as declared only when that
  plan shows no changes.
'''

    def "-target machine:web01 plans that machine and what it depends on, and says how much it leaves out"() {
        given:
        def dir = halfProtected()

        when:
        int code = run('plan', dir.toString(), '-target', 'machine:web01', '--no-color')

        then: 'its protection, its Mobility service and its group policy, whose change it needs; no other machine, no recovery plan that lists it'
        code == ExitCode.OK
        out.readLines()[1] == 'Limited by -target to machine:web01 and what it depends on.'
        changed(out) == ['mobility.web01', 'protection.web01', 'policy.silver']
        out.contains('Plan: 2 to create, 1 to update, 0 to replace, 0 to delete. Findings: 0 errors, 1 warning.\n' + WARNING_WEB01)
        and: 'the findings are the whole definition\'s'
        out.contains('MT-RETENTION-DRIVES warning: the retention volume of master target mt-win01')

        when: 'a machine of another group, whose policy is unchanged'
        code = run('plan', dir.toString(), '--target', 'machine:erp-db01', '--no-color')

        then:
        code == ExitCode.OK
        changed(out) == ['protection.erp-db01']
        out.contains('This plan holds only machine:erp-db01 and what it depends on; 19 other changes the definition asks for are left out of it.')
    }

    def "apply -target applies only those changes, and a full plan afterwards still shows the rest"() {
        given:
        def dir = halfProtected()

        when:
        int code = run('apply', dir.toString(), '-target', 'machine:web01', '--auto-approve', '--no-color')

        then: 'the plan it showed was the targeted one, and only its changes were carried out'
        code == ExitCode.OK
        out.contains(WARNING_WEB01)
        def ops = operationsLog(dir)
        !ops.isEmpty()
        ops.every { it.endsWith('policy.silver') || it.endsWith('protection.web01') || it.endsWith('mobility.web01') }
        ops.any { it.endsWith('protection.web01') }
        out.readLines().last() == "Warning: -target was in effect: only the changes of machine:web01 and what it depends on were applied; 17 other changes of the definition were left out. See what remains with: siteplan plan ${dir}".toString()

        when: 'the command it printed'
        code = run('plan', dir.toString(), '--detailed-exitcode', '--no-color')

        then:
        code == ExitCode.CHANGES
        def rest = changed(out)
        rest.size() == 17
        !rest.contains('protection.web01') && !rest.contains('mobility.web01') && !rest.contains('policy.silver')
        rest.containsAll(['protection.web02', 'protection.web03', 'recovery_plan.erp-failover'])
    }

    def "a recovery plan target brings the machines it lists; a machine target does not bring the recovery plans that list it"() {
        given:
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--partial', '50%', '--force') == ExitCode.OK

        expect:
        run('plan', dir.toString(), '-target', 'recoveryPlan:linux-services', '--no-color') == ExitCode.OK
        changed(out) == ['mobility.mq01', 'mobility.mq02', 'protection.monitor01', 'protection.mq02', 'recovery_plan.linux-services']
        and: 'a protection group stands for its machines'
        run('plan', dir.toString(), '-target', 'protectionGroup:linux-services', '--no-color') == ExitCode.OK
        changed(out) == ['mobility.mq01', 'mobility.mq02', 'protection.monitor01', 'protection.mq02']
        and: 'a change as the plan prints it'
        run('plan', dir.toString(), '-target', 'protection.mq02', '--no-color') == ExitCode.OK
        changed(out) == ['protection.mq02']
    }

    def "an address that names nothing is refused with the nearest real one, and nothing is planned or saved: #given"() {
        given:
        def dir = halfProtected()
        def plan = tmp.resolve('plan.json')

        when:
        int code = run('plan', dir.toString(), flag, '-out', plan.toString())

        then:
        code == ExitCode.INVALID_INPUT
        out == ''
        err.trim() == "siteplan: --target ${given}: no resource in the definition or the plan has that address; did you mean ${nearest}?" +
                ' A target is machine:NAME, protectionGroup:NAME, recoveryPlan:NAME, site:NAME, azure:NAME, policy:NAME, or a change\'s address as the plan prints it,' +
                ' such as protection.NAME. Nothing was planned.'
        !Files.exists(plan)

        where:
        flag                           | given              | nearest
        '-target=machine:web1'         | 'machine:web1'     | 'machine:web01'
        '--target=protection.web-01'   | 'protection.web-01' | 'protection.web01'
        '-target=recoveryPlan:linux'   | 'recoveryPlan:linux' | 'recoveryPlan:linux-services'
    }

    def "a saved plan records its targets, show renders them, and apply plans again with them"() {
        given:
        def dir = halfProtected()
        def plan = tmp.resolve('plan.json')

        when:
        int code = run('plan', dir.toString(), '-target', 'machine:web01', '-out', plan.toString(), '--no-history', '--no-color')
        def tree = PlanJson.MAPPER.readTree(plan.toFile())
        def schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new File('schemas/plan.schema.json').text)

        then:
        code == ExitCode.OK
        out.readLines().last() == "Saved the plan to ${plan}; apply it with: siteplan apply ${plan} ${dir}".toString()
        tree.get('format_version').asText() == '1.2'
        tree.get('targets').collect { it.asText() } == ['machine:web01']
        tree.get('changes_left_out').asInt() == 17
        tree.get('changes').collect { it.get('address').asText() }.containsAll(['mobility.web01', 'policy.silver', 'protection.web01'])
        schema.validate(tree).isEmpty()

        when:
        code = run('show', plan.toString(), '--no-color')

        then:
        code == ExitCode.OK
        out.readLines()[1] == 'Limited by -target to machine:web01 and what it depends on.'
        out.endsWith(WARNING_WEB01)

        when: 'applied as printed, with no -target: the saved targets are used'
        code = run('apply', plan.toString(), dir.toString(), '--auto-approve')

        then:
        code == ExitCode.OK
        operationsLog(dir).every { it.endsWith('policy.silver') || it.endsWith('protection.web01') || it.endsWith('mobility.web01') }
        operationsLog(dir).any { it.endsWith('protection.web01') }
    }

    def "a saved plan is applied with the targets it was made with and no others: #situation"() {
        given:
        def dir = halfProtected()
        def plan = tmp.resolve('plan.json')
        assert run(['plan', dir.toString(), '-out', plan.toString(), '--no-history'] + planned as String[]) == ExitCode.OK
        if (edited) {
            def t = (ObjectNode) PlanJson.MAPPER.readTree(plan.toFile())
            t.putArray('targets').add(edited)
            Files.writeString(plan, PlanJson.MAPPER.writeValueAsString(t))
        }
        def before = stateJson(dir)

        when:
        int code = run(['apply', plan.toString(), dir.toString(), '--auto-approve'] + applied as String[])

        then:
        code == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: the plan ${plan} ${message}".toString()
        stateJson(dir) == before
        operationsLog(dir).isEmpty()

        where:
        situation                                   | planned                          | edited          | applied                          | message
        'other targets given to apply'              | ['-target', 'machine:web01']     | null            | ['-target', 'machine:web02']     | 'was made with -target machine:web01, and this apply was given -target machine:web02: a saved plan is applied with the targets it was reviewed with. Nothing was changed; apply it without -target, or plan again with the targets you want and review that plan.'
        'targets given for a plan of everything'    | []                               | null            | ['-target', 'machine:web01']     | 'was made without -target, and this apply was given -target machine:web01: a saved plan is applied with the targets it was reviewed with. Nothing was changed; apply it without -target, or plan again with the targets you want and review that plan.'
        'targets edited in the file'                | ['-target', 'machine:web01']     | 'machine:web02' | []                               | 'does not match what the definition and the estate give now: mobility.web01 (create) is in it, and the definition gives no such change. Nothing was changed; run siteplan plan again and review the new plan.'
    }
}
