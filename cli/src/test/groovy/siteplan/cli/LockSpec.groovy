package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Shared
import spock.lang.TempDir

/**
 * The estate lock against a real git server: Debian's `git daemon` on 127.0.0.1, started and stopped
 * here. The lock is a ref created by an atomic push, so it works on any git server.
 */
class LockSpec extends ExecutorSpecification {
    @Shared @TempDir Path served
    @Shared Process daemon
    @Shared String remote

    def setupSpec() {
        def git = ['git', '-c', 'init.defaultBranch=main']
        assert new ProcessBuilder(git + ['init', '--quiet', '--bare', served.resolve('history.git').toString()]).inheritIO().start().waitFor() == 0
        int port = new ServerSocket(0).withCloseable { it.localPort }
        daemon = new ProcessBuilder('git', 'daemon', '--reuseaddr', '--listen=127.0.0.1', "--port=${port}".toString(), "--base-path=${served}".toString(),
                '--export-all', '--enable=receive-pack', '--informative-errors', served.toString())
                .redirectErrorStream(true).redirectOutput(served.resolve('daemon.log').toFile()).start()
        remote = "git://127.0.0.1:${port}/history.git"
        long deadline = System.currentTimeMillis() + 10_000
        while (System.currentTimeMillis() < deadline) {
            try { new Socket('127.0.0.1', port).close(); return } catch (IOException ignored) { sleep(50) }
        }
        throw new IllegalStateException('git daemon did not start: ' + Files.readString(served.resolve('daemon.log')))
    }

    def cleanupSpec() {
        daemon?.destroy()
        daemon?.waitFor(5, TimeUnit.SECONDS)
    }

    String lsRemote() {
        def p = new ProcessBuilder('git', 'ls-remote', remote).redirectErrorStream(true).start()
        p.waitFor(10, TimeUnit.SECONDS)
        p.inputStream.text
    }

    String logOf(Process p) {
        Files.list(tmp).filter { it.fileName.toString().startsWith('out-') }.toList().collect { Files.readString(it) }.join('\n')
    }

    def "two concurrent applies against one git server: exactly one proceeds, the other says who holds the lock"() {
        given: 'an estate with a long apply ahead, two CI runners each with their own clone of the history'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        def common = ['apply', dir.toString(), '--auto-approve', '--history-remote', remote, '--push']

        when:
        def a = start(tmp, [SITEPLAN_SIM_SPEED: '10000', GIT_AUTHOR_NAME: 'runner-a'], *(common + ['--history', tmp.resolve('history-a').toString()]))
        def b = start(tmp, [SITEPLAN_SIM_SPEED: '10000', GIT_AUTHOR_NAME: 'runner-b'], *(common + ['--history', tmp.resolve('history-b').toString()]))
        def codes = [await(a, 180), await(b, 180)]
        def output = logOf(a)

        then: 'one applied, one was refused without changing anything'
        codes.sort() == [ExitCode.OK, ExitCode.LOCKED]
        output =~ /siteplan: estate 'vmware-to-azure' is locked by runner-[ab] on \S+ \(apply, since \S+, lock ID [0-9a-f]{12}\)\. Wait for it to finish; if that run is gone for good, run: siteplan force-unlock [0-9a-f]{12}/
        output.contains('Apply succeeded')
        and: 'the winner pushed its history and released the lock'
        def refs = lsRemote()
        refs.contains('refs/heads/siteplan-history')
        !refs.contains('refs/siteplan/locks/')
    }

    def "a lock left by a run that is gone is removed with force-unlock ID, and then the estate can be changed"() {
        given: 'a slow apply holds the lock'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        def slow = start(tmp, [SITEPLAN_SIM_SPEED: '20', GIT_AUTHOR_NAME: 'stuck-runner'], 'apply', dir.toString(), '--auto-approve',
                '--history-remote', remote, '--history', tmp.resolve('history-slow').toString())
        long deadline = System.currentTimeMillis() + 60_000
        while (!lsRemote().contains('refs/siteplan/locks/') && System.currentTimeMillis() < deadline) sleep(100)

        when: 'another run finds it locked'
        int code = run('apply', dir.toString(), '--auto-approve', '--history-remote', remote, '--history', tmp.resolve('history-me').toString())
        def id = (err =~ /siteplan force-unlock ([0-9a-f]{12})/)[0][1]

        then:
        code == ExitCode.LOCKED
        err.contains("is locked by stuck-runner on ")

        when: 'the operator is sure the other run is gone'
        slow.destroyForcibly()
        slow.waitFor()
        code = run('force-unlock', id, dir.toString(), '--history-remote', remote, '--history', tmp.resolve('history-me').toString())

        then:
        code == ExitCode.OK
        out =~ /Removed the lock of 'vmware-to-azure' held by stuck-runner on \S+ \(apply, since \S+, lock ID ${id}\)\./
        !lsRemote().contains('refs/siteplan/locks/')

        and: 'a wrong ID is refused'
        run('force-unlock', 'abc123', dir.toString(), '--history-remote', remote, '--history', tmp.resolve('history-me').toString()) == ExitCode.INVALID_INPUT
        err.contains("estate 'vmware-to-azure' is not locked")

        and: 'the estate can be changed again'
        run('apply', dir.toString(), '--auto-approve', '--history-remote', remote, '--history', tmp.resolve('history-me').toString()) == ExitCode.OK
    }

    def "with --lock-timeout a second apply waits for the lock: it gives up with exit 5 while the holder stays, and takes the lock once the holder finishes"() {
        given: 'a slow apply holds the lock'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        def slow = start(tmp, [SITEPLAN_SIM_SPEED: '20', GIT_AUTHOR_NAME: 'holding-runner'], 'apply', dir.toString(), '--auto-approve',
                '--history-remote', remote, '--history', tmp.resolve('history-slow').toString())
        long deadline = System.currentTimeMillis() + 60_000
        while (!lsRemote().contains('refs/siteplan/locks/') && System.currentTimeMillis() < deadline) sleep(100)
        assert lsRemote().contains('refs/siteplan/locks/')
        def mine = ['apply', dir.toString(), '--auto-approve', '--history-remote', remote, '--history', tmp.resolve('history-me').toString()]

        when: 'a second apply waits 2 seconds while the holder stays'
        long began = System.nanoTime()
        int code = run(*(mine + ['--lock-timeout', '2s']))
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)

        then: 'it said who holds the lock and that it waits, waited, and gave up as a run without the flag does'
        code == ExitCode.LOCKED
        err =~ /Waiting for the lock of 'vmware-to-azure', held by holding-runner on \S+ \(apply, since \S+, lock ID ([0-9a-f]{12})\) \(up to 2s, --lock-timeout\)…\n/
        err.contains('Gave up waiting for the lock after 2s (--lock-timeout).\n')
        err =~ /siteplan: estate 'vmware-to-azure' is locked by holding-runner on \S+ \(apply, since \S+, lock ID [0-9a-f]{12}\)\. Wait for it to finish/
        waitedMs >= 2000

        when: 'a second apply waits while the holder finishes (stopped with Ctrl-C, it records itself and releases the lock)'
        def waiting = start(tmp, [GIT_AUTHOR_NAME: 'waiting-runner'], *(mine + ['--lock-timeout', '5m']))
        deadline = System.currentTimeMillis() + 60_000
        while (!logOf(waiting).contains('Waiting for the lock') && System.currentTimeMillis() < deadline) sleep(100)
        slow.destroy()
        assert slow.waitFor(60, TimeUnit.SECONDS)
        code = await(waiting, 120)
        def output = logOf(waiting)

        then: 'it took the lock: its plan, made before the holder changed the estate, is found stale under the lock, and nothing was changed'
        output.contains("Waiting for the lock of 'vmware-to-azure', held by holding-runner")
        !output.contains('Gave up waiting')
        code != ExitCode.LOCKED
        output.contains('the plan is stale: what exists')
        output.contains('while waiting for the lock or by another apply. Nothing was changed; run siteplan plan again and review the new plan.')
        !lsRemote().contains('refs/siteplan/locks/')
    }

    /** A copy of the definition's files in another folder, without its state: the same estate named from elsewhere. */
    Path copyOfDefinition(Path dir) {
        def copy = tmp.resolve('elsewhere').resolve('renamed-estate')
        Files.createDirectories(copy)
        Files.walk(dir).filter { Files.isRegularFile(it) && !dir.relativize(it).toString().startsWith('.siteplan') }.each { f ->
            def t = copy.resolve(dir.relativize(f).toString())
            Files.createDirectories(t.parent)
            Files.copy(f, t)
        }
        copy
    }

    def "two concurrent applies of one estate, one with the history remote and one without, from two folders under two names: exactly one proceeds"() {
        given:
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        def copy = copyOfDefinition(dir)

        when:
        def a = start(tmp, [SITEPLAN_SIM_SPEED: '3000', GIT_AUTHOR_NAME: 'runner-a'], 'apply', dir.toString(), '--auto-approve',
                '--history-remote', remote, '--push', '--history', tmp.resolve('history-a').toString())
        def b = start(tmp, [SITEPLAN_SIM_SPEED: '3000', GIT_AUTHOR_NAME: 'runner-b'], 'apply', copy.toString(), '--auto-approve',
                '--state', state(dir).toString(), '--estate', 'another-name')
        def codes = [await(a, 180), await(b, 180)]
        def output = logOf(a)

        then: 'one applied, the other was refused naming the holder'
        codes.sort() == [ExitCode.OK, ExitCode.LOCKED]
        output =~ /siteplan: estate '(vmware-to-azure|another-name)' is locked by runner-[ab] on \S+ \(apply, since \S+, lock ID [0-9a-f]{12}\)/
        output.contains('Apply succeeded')
        and: 'every operation was carried out once'
        def ops = operationsLog(dir).collect { it.substring(it.indexOf(' ') + 1) }
        !ops.isEmpty()
        ops.size() == (ops as Set).size()
        and: 'no lock is left behind'
        !lsRemote().contains('refs/siteplan/locks/')
    }

    def "while an apply holds the estate, runs naming it any other way are refused with the holder's name"() {
        given: 'a slow apply with the history remote holds the lock'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        def copy = copyOfDefinition(dir)
        def slow = start(tmp, [SITEPLAN_SIM_SPEED: '20', GIT_AUTHOR_NAME: 'holding-runner'], 'apply', dir.toString(), '--auto-approve',
                '--history-remote', remote, '--history', tmp.resolve('history-slow').toString())
        long deadline = System.currentTimeMillis() + 60_000
        while (!lsRemote().contains('refs/siteplan/locks/') && System.currentTimeMillis() < deadline) sleep(100)
        assert lsRemote().contains('refs/siteplan/locks/')

        expect: 'the same folder without the remote, a copy under another name with and without it, a drill: all refused'
        [['apply', dir.toString(), '--auto-approve'],
         ['apply', copy.toString(), '--state', state(dir).toString(), '--auto-approve', '--estate', 'other'],
         ['apply', copy.toString(), '--state', state(dir).toString(), '--auto-approve', '--estate', 'third', '--history-remote', remote, '--history', tmp.resolve('history-c').toString()],
         ['apply', dir.toString(), '--auto-approve', '--history', tmp.resolve('history-d').toString()]].every { args ->
            int code = run(*args)
            assert code == ExitCode.LOCKED: "${args}: ${err}"
            assert err =~ /is locked by holding-runner on \S+ \(apply, since \S+, lock ID [0-9a-f]{12}\)/
            true
        }

        cleanup: 'the holder is stopped and its lock in the remote removed, for the other features'
        slow?.destroyForcibly()
        slow?.waitFor()
        def id = lsRemote().readLines().find { it.contains('refs/siteplan/locks/') }?.substring(0, 12)
        if (id) assert run('force-unlock', id, dir.toString(), '--history-remote', remote, '--history', tmp.resolve('history-me').toString()) == ExitCode.OK
    }
}
