package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path

/** kill -9 in the middle of an apply: the journal survives in history, and the next apply converges doing nothing twice. */
class CrashSpec extends ExecutorSpecification {

    List<Map> journal(Path historyDir) {
        def runs = Files.isDirectory(historyDir.resolve('runs')) ? Files.list(historyDir.resolve('runs')).toList() : []
        def files = runs.collect { it.resolve('journal.jsonl') }.findAll { Files.exists(it) }
        files.collectMany { f -> Files.readAllLines(f).findAll { it.trim() }.collect { line -> new ObjectMapper().readValue(line, Map) } }
    }

    def "an apply killed with -9 leaves its journal; the next apply records it, takes over the lock and converges with no operation done twice"() {
        given: 'nothing protected yet: a long apply'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        def history = state(dir).resolve('history')

        when: 'an apply runs on a slower clock and is killed once some operations are done'
        def p = start(tmp, [SITEPLAN_SIM_SPEED: '3000'], 'apply', dir.toString(), '--auto-approve', '--parallelism', '3')
        long deadline = System.currentTimeMillis() + 90_000
        // Killed once six steps are done and a protection step is waiting on its initial replication.
        def waiting = { def j = journal(history); (j.findAll { it.event == 'started' }*.address - j.findAll { it.event == 'done' }*.address).any { it.startsWith('protection.') } }
        while (!(journal(history).count { it.event == 'done' } >= 6 && waiting()) && p.alive && System.currentTimeMillis() < deadline) sleep(50)
        sleep(300) // the provider call returns within milliseconds; the step then waits on its job
        assert p.alive: 'the apply finished before it could be killed; slow the clock down'
        p.destroyForcibly() // SIGKILL: no shutdown hook, no finally
        p.waitFor()
        def done = journal(history).findAll { it.event == 'done' }*.address
        def started = journal(history).findAll { it.event == 'started' }*.address

        then: 'the journal on disk is an exact account, and the run was never committed'
        p.exitValue() == 137
        done.size() >= 6
        started.size() > done.size()
        Files.list(history.resolve('runs')).toList().any { Files.exists(it.resolve('RUNNING')) }
        def opsBefore = operationsLog(dir)

        when: 'the next apply, on the same clock, so the replications the killed run started are still running'
        env.SITEPLAN_SIM_SPEED = '3000'
        int code = run('apply', dir.toString(), '--auto-approve')

        then:
        code == ExitCode.OK
        err =~ /Note: run \S+-apply-\S+ was interrupted before it finished; its journal is now in history/
        err =~ /Note: took over the lock of .* its process \d+ is no longer running on this host\./
        and: 'nothing the killed run finished is done again'
        def opsAfter = operationsLog(dir).drop(opsBefore.size())
        opsAfter.every { !(it.substring(it.indexOf(' ') + 1) in done) }
        def all = operationsLog(dir).collect { it.substring(it.indexOf(' ') + 1) }
        all.size() == (all as Set).size()
        and: 'initial replications the killed run started were seen through'
        out =~ /protection\.\S+: already so — job-\d+-enable-protection-\S+, started by an earlier run, finished/
        !stateJson(dir).contains('"initial-replication"')
        and: 'the estate is as declared'
        run('plan', dir.toString(), '--no-history') == 0
        out.contains('0 to create, 0 to update, 0 to replace, 0 to delete.')
        and: 'history has both runs'
        run('history', '--state', state(dir).toString(), '--kind', 'apply') == 0
        out.readLines().size() == 2
        out.readLines()[0] =~ /apply\s+succeeded/
        out.readLines()[1] =~ /apply\s+interrupted\s+apply vmware-to-azure: interrupted \(process \d+ on \S+ ended before it finished; its journal is kept\)/
    }

    def "a drill stopped by a signal (Ctrl-C, SIGTERM) still cleans up its test VMs and records itself as stopped"() {
        given: 'a protected estate and a drill on a slow clock'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        def p = start(tmp, [SITEPLAN_SIM_SPEED: '30'], 'drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack')

        when: 'it is stopped while the first machine fails over'
        long deadline = System.currentTimeMillis() + 60_000
        while (!stateJson(dir).contains('"testFailover"') && p.alive && System.currentTimeMillis() < deadline) sleep(50)
        assert stateJson(dir).contains('"testFailover" : "drill-vnet"')
        p.destroy() // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)

        then: 'the test VM is gone'
        !stateJson(dir).contains('"testFailover"')
        and: 'history says what happened'
        run('history', dir.toString(), '--kind', 'drill') == 0
        out =~ /drill\s+stopped\s+drill erp-failover: stopped/
        and: 'so does the log'
        def log = Files.list(tmp).filter { it.fileName.toString().startsWith('out-') }.toList().collect { Files.readString(it) }.join()
        log.contains('cleanup erp-db01: removed')
        log.contains('Drill stopped: ')
    }
}
