package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path

class DrillSpec extends ExecutorSpecification {
    Path dir

    def setup() {
        dir = estate()
        // Everything protected as declared: a drill needs protected machines.
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
    }

    Path latestRun() {
        Files.list(state(dir).resolve('history/runs')).filter { it.fileName.toString().contains('-drill-') }.sorted().toList().last()
    }

    def "a drill fails the plan over group by group into the drill network, checks, cleans up and reports"() {
        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack')

        then:
        code == ExitCode.OK
        out.contains('Drill of recovery plan erp-failover into drill-vnet')
        and: 'groups in order, each after the one before'
        out.indexOf('Group 1: [erp-db01]') < out.indexOf('erp-db01: up after')
        out.indexOf('erp-db01: up after') < out.indexOf('Group 2: [erp-app01, erp-app02]')
        out.indexOf('Group 2') < out.indexOf('Group 3: [web01, web02, web03]')
        and: 'steps: the manual one acknowledged, the script really ran against the failed-over machine, the runbook'
        out.contains("before manual 'Confirm with the DBA on call that batch jobs are stopped': done — acknowledged with --ack")
        out =~ /after script 'scripts\/check-sql.sh': done — SQL Server answers on 127\.\d+\.\d+\.\d+:1433/
        out.contains("after runbook 'Update-PublicDns': done")
        and: 'smoke checks over real sockets'
        out =~ /check tcp erp-db01:1433: passed — connected to 127\./
        out =~ /check http http:\/\/web01\/health: passed — HTTP 200/
        and: 'cleanup of every test VM'
        ['erp-db01', 'erp-app01', 'erp-app02', 'web01', 'web02', 'web03'].every { out.contains("cleanup ${it}: removed") }
        !stateJson(dir).contains('"testFailover"')
        and: 'a report in three forms, committed to history'
        // Durations as Times.human writes them: "36m 47s", but "4m" when the seconds are 0 and "45s" under a minute.
        out =~ /Drill passed: measured RTO \d+[dhms](?: \d+[hms])?, achieved RPO \d+[dhms](?: \d+[hms])?\n/
        def runDir = latestRun()
        ['report.json', 'report.md', 'report.html'].every { Files.exists(runDir.resolve(it)) }
        def report = new ObjectMapper().readTree(runDir.resolve('report.json').toFile())
        report.get('status').asText() == 'passed'
        report.get('groups').size() == 3
        report.get('groups').get(1).get('machines')*.get('name')*.asText() == ['erp-app01', 'erp-app02']
        report.get('rto_seconds') != null || report.get('rtoSeconds') != null
        def html = Files.readString(runDir.resolve('report.html'))
        html.contains('<svg') && html.contains('Group 3') && html.contains('web02 · ')
        !html.contains('<script') && !html.contains('src="http')
        run('history', '--state', state(dir).toString(), '--recovery-plan', 'erp-failover') == 0
        out =~ /drill\s+passed\s+drill erp-failover: passed \(RTO/
    }

    def "without a terminal and without --ack, a plan with manual steps is refused before anything starts, naming the steps and --ack"() {
        given:
        def before = stateJson(dir)

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'erp-failover')

        then:
        code == ExitCode.INVALID_INPUT
        err == """siteplan: drill of erp-failover refused: recovery plan erp-failover has manual steps, and there is no terminal to ask a person on:
  group 1, before: manual 'Confirm with the DBA on call that batch jobs are stopped'
  group 3, after: manual 'Announce the failover on the status page'
Run it on a terminal, or pass --ack to acknowledge the manual steps as done. Nothing was changed.
"""
        !out.contains('Group 1')
        stateJson(dir) == before
        !Files.exists(state(dir).resolve('history/runs')) || Files.list(state(dir).resolve('history/runs')).count() == 0

        when: 'a real failover is refused the same way, before group 1 fails over'
        code = run('failover', dir.toString(), '--recovery-plan', 'erp-failover', '--type', 'planned')

        then:
        code == ExitCode.INVALID_INPUT
        err.startsWith('siteplan: failover of erp-failover refused: recovery plan erp-failover has manual steps')
        stateJson(dir) == before
    }

    def "a machine that does not boot stops the plan at its group, and the machines already up are cleaned up"() {
        given:
        write(state(dir).resolve('faults.json'), '{"testFailover": {"erp-app02": "the VM did not boot: no operating system found"}}')

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack')

        then:
        code == ExitCode.FAILED
        out.contains('erp-app02: FAILED — the VM did not boot: no operating system found')
        !out.contains('Group 3')
        out.contains('cleanup erp-db01: removed')
        out.contains('cleanup erp-app01: removed')
        !stateJson(dir).contains('"testFailover"')
        out.contains('Drill failed: ')
        out.contains('a machine of group 2 did not fail over')

        and: 'no RTO was measured: the summary counts the machines of the whole plan and says how long the run took'
        out =~ /\nDrill failed: 2 of 6 machines up after \S+( \S+)? — a machine of group 2 did not fail over\n/
        !out.contains('measured RTO')
        def html = Files.readString(latestRun().resolve('report.html'))
        html.contains('Machines up</span><b>2 / 6</b>')
        html.contains('<span>Took</span>')
        !html.contains('Measured RTO')
        def md = Files.readString(latestRun().resolve('report.md'))
        md.contains('| 3 | web01 | skipped |')
        md.contains('not started: the run stopped at group 2')
        !md.contains('Measured RTO')
        and: 'history names no RTO for it'
        run('history', '--state', state(dir).toString(), '--kind', 'drill') == 0
        out.readLines()[0].contains('drill erp-failover: failed  (')
    }

    def "a failing smoke check fails the drill"() {
        given:
        write(state(dir).resolve('faults.json'), '{"httpStatus": {"web01": 503}}')

        expect:
        run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack') == ExitCode.FAILED
        out =~ /check http http:\/\/web01\/health: failed — HTTP 503, expected 200/
        out.contains('cleanup web01: removed')
    }

    def "the preflight refuses a drill of machines that are not protected yet, and changes nothing"() {
        given:
        run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force')
        def before = stateJson(dir)

        expect:
        run('drill', dir.toString(), '--recovery-plan', 'linux-services', '--ack') == ExitCode.INVALID_INPUT
        err.contains('drill of linux-services refused by the preflight; nothing was changed:')
        err.contains('mq01 is not protected: apply the plan that protects it first')
        stateJson(dir) == before
    }

    def "RP-HEALTH: an unhealthy master target stops a drill before it starts"() {
        given:
        def f = state(dir).resolve('state.json')
        write(f, read(f).replaceFirst(/("role" : "master-target",\s*"name" : "[^"]+",\s*"health" : )"healthy"/, '$1"critical"'))

        expect:
        run('drill', dir.toString(), '--recovery-plan', 'linux-services', '--ack') == ExitCode.INVALID_INPUT
        err =~ /RP-HEALTH master target \S+ is critical; it must be healthy before a failover/
    }

    def "a script gets the failed-over addresses and never a secret; a script that overruns its timeout is stopped"() {
        given:
        write(dir.resolve('scripts/check-sql.sh'), '#!/bin/sh\nenv | sort\nsleep 30\n')
        dir.resolve('scripts/check-sql.sh').toFile().setExecutable(true)
        write(dir.resolve('recovery-plans.groovy'), read(dir.resolve('recovery-plans.groovy')).replace("timeout: 10.minutes", "timeout: 2.seconds"))

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack')

        then:
        code == ExitCode.FAILED
        out =~ /after script 'scripts\/check-sql.sh': timed out — stopped after 2s/
        out.contains('SITEPLAN_TARGET_IP=127.')
        out.contains('SITEPLAN_RECOVERY_PLAN=erp-failover')
        !SECRETS.values().any { out.contains(it) }
        !out.contains('SITEPLAN_SECRET')
    }

    def "a drill goes only into an isolated network: one declared drill true that exists"() {
        expect:
        run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack', '--network', 'dr-vnet') == ExitCode.INVALID_INPUT
        err.contains('drill network dr-vnet is not isolated: test VMs there would meet the machines they copy; declare a network with drill true for drills')
        run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack', '--network', 'lab-vnet') == ExitCode.INVALID_INPUT
        err.contains('drill network lab-vnet is not a network of contoso-dr: declare it there with drill true, or pass --network with one that is')
        !stateJson(dir).contains('"testFailover"')
    }
}
