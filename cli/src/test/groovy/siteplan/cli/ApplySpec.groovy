package siteplan.cli

import java.nio.file.Files
import siteplan.planner.plan.PlanJson

class ApplySpec extends ExecutorSpecification {

    def "a saved plan is applied and nothing else; afterwards the estate is as declared"() {
        given:
        def dir = estate()
        def plan = tmp.resolve('plan.json')
        run('plan', dir.toString(), '-out', plan.toString(), '--no-history')
        def planned = PlanJson.read(plan).changes().findAll { it.action().token() != 'no-op' }*.address() as Set

        when:
        int code = run('apply', plan.toString(), dir.toString())

        then:
        code == ExitCode.OK
        out.contains("Apply succeeded: ")
        out.contains('Recorded in history as ')
        and: 'every planned change, and only those, was carried out'
        def done = operationsLog(dir).collect { it.substring(it.indexOf(' ') + 1) } as Set
        done.every { it in planned }
        and: 'a new plan finds nothing to do'
        run('plan', dir.toString(), '--detailed-exitcode', '--no-history') == ExitCode.OK
        out.contains('Plan: 0 to create, 0 to update, 0 to replace, 0 to delete.')
    }

    def "a plan is refused as stale when the definition changed since it was made"() {
        given:
        def dir = estate()
        def plan = tmp.resolve('plan.json')
        run('plan', dir.toString(), '-out', plan.toString(), '--no-history')
        def before = stateJson(dir)
        write(dir.resolve('machines.groovy'), read(dir.resolve('machines.groovy')) + '\n// a reviewer asked for a comment\n')

        expect:
        run('apply', plan.toString(), dir.toString()) == ExitCode.INVALID_INPUT
        err.contains('is stale: the definition')
        err.contains('Nothing was changed; run siteplan plan again')
        stateJson(dir) == before
    }

    def "a plan is refused as stale when the estate changed since it was made"() {
        given:
        def dir = estate()
        def plan = tmp.resolve('plan.json')
        run('plan', dir.toString(), '-out', plan.toString(), '--no-history')
        def stateFile = state(dir).resolve('state.json')
        write(stateFile, read(stateFile).replaceFirst('"health" : "normal"', '"health" : "critical"'))
        def before = stateJson(dir)

        expect:
        run('apply', plan.toString(), dir.toString()) == ExitCode.INVALID_INPUT
        err.contains('is stale: what exists (simulated estate in')
        stateJson(dir) == before
    }

    def "without a terminal, apply of a definition needs --auto-approve and changes nothing otherwise"() {
        given:
        def dir = estate()
        def before = stateJson(dir)

        expect:
        run('apply', dir.toString()) == ExitCode.INVALID_INPUT
        err.contains('not applying without approval: there is no terminal to ask on')
        stateJson(dir) == before
        !Files.exists(state(dir).resolve('history'))
    }

    def "apply PATH --auto-approve plans, shows and applies"() {
        given:
        def dir = estate()

        expect:
        run('apply', dir.toString(), '--auto-approve') == ExitCode.OK
        out.contains('Plan: ')
        out.contains('Applying ')
        out =~ /\[\s*\d+\/\d+] \+ protection\.\S+: done/
        run('apply', dir.toString(), '--auto-approve') == ExitCode.OK
        out.contains('Nothing to apply: the estate is as declared.')
    }

    def "operations run in dependency order: servers before protection, protection before recovery plans (UPD-ORDER)"() {
        given:
        def dir = estate()
        // Nothing protected yet: every layer has work.
        run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force')

        when:
        run('apply', dir.toString(), '--auto-approve', '--parallelism', '4')
        def order = operationsLog(dir).collect { it.substring(it.indexOf(' ') + 1) }

        then:
        def first = { String prefix -> order.findIndexOf { it.startsWith(prefix) } }
        def last = { String prefix -> order.findLastIndexOf { it.startsWith(prefix) } }
        last('process_server.') < first('protection.')
        last('master_target.') < first('protection.')
        last('policy.') < first('protection.')
        order.indexOf('recovery_plan.erp-failover') > order.indexOf('protection.erp-db01')
        order.indexOf('recovery_plan.erp-failover') > order.indexOf('protection.web03')
    }

    def "throttling is retried with backoff; a failing operation skips what depends on it and the rest goes on"() {
        given:
        def dir = estate()
        write(state(dir).resolve('faults.json'), '{"transient": {"protection.web01": 2}, "fail": {"protection.web02": "quota of protected items reached"}}')

        when:
        int code = run('apply', dir.toString(), '--auto-approve', '--retry-delay', '10ms', '--retry-max-delay', '50ms')

        then:
        code == ExitCode.FAILED
        out.contains('protection.web01: 429 Too Many Requests')
        out.contains('retrying (attempt 2)')
        out =~ /\+ protection\.web01: done/
        out.contains('! protection.web02: FAILED — protection.web02: quota of protected items reached')
        out.contains('recovery_plan.erp-failover: skipped: protection.web02 failed')
        out =~ /\+ protection\.print01: done/
        out.contains('Apply failed: ')
        out.contains('Fix what failed and run siteplan apply again')

        when: 'the fault is gone'
        write(state(dir).resolve('faults.json'), '{}')
        def doneBefore = operationsLog(dir)
        run('apply', dir.toString(), '--auto-approve')

        then: 'only what was left is done'
        def doneNow = operationsLog(dir).drop(doneBefore.size())
        doneNow.any { it.endsWith('protection.web02') }
        doneNow.any { it.endsWith('recovery_plan.erp-failover') }
        !doneNow.any { it.endsWith('protection.web01') }
    }

    def "a credential the plan needs but that is not set stops the apply before anything starts, naming the variable"() {
        given:
        def dir = estate()
        env.remove('SITEPLAN_SECRET_ASR_PUSH_ADMIN')
        def before = stateJson(dir)

        expect:
        run('apply', dir.toString(), '--auto-approve') == ExitCode.INVALID_INPUT
        err.readLines()[0] == 'siteplan: not applying: the plan needs credentials that are not set; nothing was changed:'
        err.readLines()[1] =~ /^  secret\('asr-push-admin'\) \(export SITEPLAN_SECRET_ASR_PUSH_ADMIN, or add 'asr-push-admin' to the properties file named by SITEPLAN_SECRETS_FILE\) — for mobility\.\S+, mobility\.\S+, mobility\.\S+ and \d+ more$/
        stateJson(dir) == before
        !java.nio.file.Files.exists(state(dir).resolve('history'))
    }

    def "a credential a provider cannot resolve inside its step fails that step, naming the variable"() {
        given: 'the store file vanishes between the check and the step'
        def dir = estate()
        def store = tmp.resolve('secrets.properties')
        write(store, 'asr-push-admin=x-Secret-Value\n')
        env.remove('SITEPLAN_SECRET_ASR_PUSH_ADMIN')
        env.SITEPLAN_SECRETS_FILE = store.toString()
        def secrets = new siteplan.executor.secrets.Secrets(env)
        java.nio.file.Files.delete(store)

        when:
        secrets.resolve(siteplan.model.SecretRef.secret('asr-push-admin'), 'push the Mobility service to web01 (MOB-PUSH)')

        then:
        def e = thrown(siteplan.executor.secrets.Secrets.MissingSecret)
        e.message.startsWith("cannot read the secret store ${store} (SITEPLAN_SECRETS_FILE)")
    }

    def "every apply is a commit in history with the plan, the model, the journal and the result"() {
        given:
        def dir = estate()
        run('apply', dir.toString(), '--auto-approve')

        when:
        run('history', '--state', state(dir).toString())

        then:
        out =~ /(?m)^[0-9a-f]{12}  \S+ \S+  apply\s+succeeded\s+apply vmware-to-azure: succeeded \(\d+ changed, 0 failed\)  \(Dana Operator <dana@example.com>\)$/

        when:
        def id = out.readLines()[0].substring(0, 12)
        run('history', 'show', id, '--state', state(dir).toString())

        then:
        out.contains('Siteplan-Kind: apply')
        out.contains('Siteplan-Status: succeeded')
        ['journal.jsonl', 'model.yaml', 'plan.json', 'result.json'].every { f -> out.readLines().any { it.trim().startsWith('runs/') && it.endsWith('/' + f) } }
        out.contains('Journal:')
    }

    def "a saved plan is recorded in history as a plan"() {
        given:
        def dir = estate()

        expect:
        run('plan', dir.toString(), '-out', tmp.resolve('p.json').toString()) == ExitCode.OK
        out.contains('Recorded in history as ')
        run('history', '--state', state(dir).toString(), '--kind', 'plan') == 0
        out =~ /plan\s+planned\s+plan vmware-to-azure: \d+ to create/
    }
}
