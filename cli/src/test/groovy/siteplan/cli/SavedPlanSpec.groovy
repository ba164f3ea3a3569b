package siteplan.cli

import com.fasterxml.jackson.databind.node.ArrayNode
import com.fasterxml.jackson.databind.node.ObjectNode
import java.nio.file.Files
import java.nio.file.Path
import siteplan.planner.plan.PlanJson

/**
 * A saved plan comes from a pull request's job: apply plans again from its own command line and the
 * checked-out definition, and carries out nothing unless the changes are exactly the saved ones.
 */
class SavedPlanSpec extends ExecutorSpecification {

    static ObjectNode tree(Path plan) {
        (ObjectNode) PlanJson.MAPPER.readTree(plan.toFile())
    }

    static void save(Path plan, ObjectNode tree) {
        Files.writeString(plan, PlanJson.MAPPER.writeValueAsString(tree))
    }

    static ObjectNode first(ObjectNode plan, Closure<Boolean> which) {
        def c = plan.get('changes').find { which(it) }
        assert c != null: 'the example plan has no such change'
        (ObjectNode) c
    }

    /** The example, with the erp group guarded by preventDestroy: the edit the issue describes disabled two such machines. */
    Path guarded() {
        def dir = estate()
        def protection = dir.resolve('protection.groovy')
        write(protection, read(protection).replace("    tagged 'erp'\n", "    tagged 'erp'\n    preventDestroy true\n"))
        assert read(protection).contains('preventDestroy true')
        dir
    }

    def "a saved plan whose state location was edited is refused as one made against another estate, and no command is built from the file"() {
        given:
        def dir = guarded()
        def plan = tmp.resolve('plan.json')
        assert run('plan', dir.toString(), '-out', plan.toString(), '--no-history') == ExitCode.OK
        def t = tree(plan)
        t.put('provider', 'simulated estate in /srv/elsewhere/.siteplan')
        save(plan, t)
        def before = stateJson(dir)

        when:
        int code = run('apply', plan.toString(), dir.toString(), '--auto-approve')

        then:
        code == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: the plan ${plan} was made against the simulated estate in /srv/elsewhere/.siteplan, and this apply reads the simulated estate in ${dir}/.siteplan" +
                " (apply finds the estate from its own --state, else from the definition's folder, never from the plan). Nothing was changed; plan again against this estate and review the new plan."
        stateJson(dir) == before
        operationsLog(dir).isEmpty()
    }

    def "an edited saved plan is refused and nothing is changed: #edit"() {
        given:
        def dir = guarded()
        def plan = tmp.resolve('plan.json')
        assert run('plan', dir.toString(), '-out', plan.toString(), '--no-history') == ExitCode.OK
        def t = tree(plan)
        tamper(t, dir)
        save(plan, t)
        def before = stateJson(dir)

        when:
        int code = run('apply', plan.toString(), dir.toString(), '--auto-approve')

        then:
        code == ExitCode.INVALID_INPUT
        err.readLines().size() == 1
        err.startsWith("siteplan: the plan ${plan} does not match what the definition and the estate give now: ")
        err.trim().endsWith('Nothing was changed; run siteplan plan again and review the new plan.')
        err.contains(detail)
        and: 'nothing was carried out or recorded'
        stateJson(dir) == before
        operationsLog(dir).isEmpty()
        !Files.exists(state(dir).resolve('history'))

        where:
        edit                                       | detail                                 | tamper
        'no-op turned into delete (preventDestroy)' | 'is delete in it and no-op now'        | { ObjectNode p, Path d ->
            def c = first(p) { it.get('action').asText() == 'no-op' && it.get('address').asText().startsWith('protection.erp-') }
            c.put('action', 'delete'); c.put('destructive', false)
            p.get('summary').put('delete', 1)
        }
        'create turned into replace'               | 'is replace in it and create now'      | { ObjectNode p, Path d ->
            first(p) { it.get('action').asText() == 'create' }.put('action', 'replace')
        }
        'a change dropped'                         | 'is left out of it'                    | { ObjectNode p, Path d ->
            def changes = (ArrayNode) p.get('changes')
            changes.remove((0..<changes.size()).find { changes.get(it).get('action').asText() == 'create' })
        }
        'a change added'                           | 'protection.intruder01 (delete) is in it, and the definition gives no such change' | { ObjectNode p, Path d ->
            def c = first(p) { it.get('address').asText().startsWith('protection.') }.deepCopy()
            c.put('address', 'protection.intruder01'); c.put('name', 'intruder01'); c.put('action', 'delete'); c.put('destructive', true)
            ((ArrayNode) p.get('changes')).add(c)
        }
        'a change duplicated'                      | 'is in it twice'                       | { ObjectNode p, Path d ->
            ((ArrayNode) p.get('changes')).add(first(p) { it.get('action').asText() == 'create' }.deepCopy())
        }
        'a change\'s details edited'               | 'differs in its details (destructive)' | { ObjectNode p, Path d ->
            first(p) { it.get('action').asText() == 'create' }.put('destructive', true)
        }
        'the definition (target) edited'           | 'it is a plan of '                     | { ObjectNode p, Path d ->
            ((ArrayNode) p.get('definition')).removeAll(); ((ArrayNode) p.get('definition')).add(d.resolveSibling('failback').toString())
        }
        'the profile edited'                       | 'it was made with rule profile asr-2017, and this apply uses asr-2015 (--profile)' | { ObjectNode p, Path d ->
            p.put('profile', 'asr-2017')
        }
        'the summary edited'                       | 'its summary counts '                  | { ObjectNode p, Path d ->
            p.get('summary').put('delete', 0); p.get('summary').put('create', 0)
        }
    }

    /** The example fully protected, with monitor01 taken out of its group and recovery plan: its protection is deleted, losing its recovery points. */
    Path losingMonitor01(boolean guard) {
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        def protection = dir.resolve('protection.groovy')
        write(protection, read(protection).replace("members 'mq01', 'mq02', 'files01', 'monitor01'", "members 'mq01', 'mq02', 'files01'"))
        def plans = dir.resolve('recovery-plans.groovy')
        write(plans, read(plans).replace("machines 'files01', 'monitor01'", "machines 'files01'"))
        if (guard) {
            def machines = dir.resolve('machines.groovy')
            write(machines, read(machines).replace("tags 'linux-services'", "tags 'linux-services'\n            if (name == 'monitor01') preventDestroy true"))
            assert read(machines).contains('preventDestroy true')
        }
        dir
    }

    def "a plan made with --allow-destroy is applied only when apply itself is given --allow-destroy"() {
        given:
        def dir = losingMonitor01(false)
        def plan = tmp.resolve('plan.json')
        assert run('plan', dir.toString(), '-out', plan.toString(), '--allow-destroy', '--no-history') == ExitCode.OK
        assert PlanJson.read(plan).changes().find { it.address() == 'protection.monitor01' }.destructive()
        def before = stateJson(dir)

        when:
        int code = run('apply', plan.toString(), dir.toString(), '--auto-approve')

        then:
        code == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: not applying ${plan}: it disables protection and loses the recovery points of protection.monitor01, and apply was not given --allow-destroy. Nothing was changed; pass --allow-destroy to apply itself once that loss is approved."
        stateJson(dir) == before
        operationsLog(dir).isEmpty()

        when: 'apply PATH plans here and refuses the same way'
        code = run('apply', dir.toString(), '--auto-approve')

        then:
        code == ExitCode.INVALID_INPUT
        out.contains('PLAN-DESTROY')
        stateJson(dir) == before

        when:
        code = run('apply', plan.toString(), dir.toString(), '--auto-approve', '--allow-destroy')

        then:
        code == ExitCode.OK
        operationsLog(dir).any { it.endsWith('protection.monitor01') }
        !stateJson(dir).contains('"monitor01-')
        run('plan', dir.toString(), '--no-history') == ExitCode.OK
        out.contains('0 to create, 0 to update, 0 to replace, 0 to delete.')
    }

    def "preventDestroy is enforced at apply: a plan edited to hide the refusal is refused even with --allow-destroy"() {
        given:
        def dir = losingMonitor01(true)
        def plan = tmp.resolve('plan.json')
        assert run('plan', dir.toString(), '-out', plan.toString(), '--allow-destroy', '--no-history') == ExitCode.INVALID_INPUT
        assert out.contains('PLAN-PREVENT-DESTROY')
        def t = tree(plan)
        t.put('applicable', true)
        t.set('findings', t.get('findings').findAll { it.get('severity').asText() != 'error' }.inject(PlanJson.MAPPER.createArrayNode()) { a, f -> a.add(f) })
        t.get('summary').put('errors', 0)
        save(plan, t)
        def before = stateJson(dir)

        when:
        int code = run('apply', plan.toString(), dir.toString(), '--auto-approve', '--allow-destroy')

        then:
        code == ExitCode.INVALID_INPUT
        err.trim() ==~ /siteplan: not applying \S+plan\.json: protection\.monitor01 would disable protection and lose its recovery points \(delete\), but machine monitor01 sets preventDestroy\. Nothing was changed\./
        stateJson(dir) == before
        operationsLog(dir).isEmpty()
        !Files.exists(state(dir).resolve('history'))
    }

    def "without a definition on its command line, apply takes the plan's only when it lies inside the working directory"() {
        given: 'a plan of a definition outside the working directory'
        def dir = estate()
        def plan = tmp.resolve('plan.json')
        assert run('plan', dir.toString(), '-out', plan.toString(), '--no-history') == ExitCode.OK
        def before = stateJson(dir)

        expect:
        run('apply', plan.toString(), '--auto-approve') == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: the plan ${plan} names its definition as ${dir}, which is not a folder or file inside the working directory; give the definition on the command line: siteplan apply ${plan} PATH. Nothing was changed."
        stateJson(dir) == before

        when: 'a plan of a definition inside it, named relative to it'
        def inside = Files.createTempDirectory(Files.createDirectories(Path.of('target')), 'saved-plan-')
        def copy = inside.resolve('vmware-to-azure')
        Files.move(dir, copy)
        def relative = Path.of('').toAbsolutePath().relativize(copy.toAbsolutePath()).toString()
        assert run('plan', relative, '-out', plan.toString(), '--no-history') == ExitCode.OK

        then:
        run('apply', plan.toString(), '--auto-approve') == ExitCode.OK
        out.contains('Apply succeeded')

        cleanup:
        inside?.toFile()?.deleteDir()
    }
}
