package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path

/** force-unlock checks the lock's holder as the kill -9 takeover does: a run that still goes on keeps its lock unless the user insists. */
class ForceUnlockSpec extends ExecutorSpecification {
    boolean locked(Path dir) {
        Path refs = state(dir).resolve('history/.git/refs/siteplan/locks')
        Files.isDirectory(refs) && Files.list(refs).withCloseable { it.findAny().isPresent() }
    }

    def "a lock whose holder still runs on this host is not removed without --force; with it, it is"() {
        given: 'a slow apply holds the estate'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        def slow = start(tmp, [SITEPLAN_SIM_SPEED: '20', GIT_AUTHOR_NAME: 'busy-runner'], 'apply', dir.toString(), '--auto-approve')
        long deadline = System.currentTimeMillis() + 180_000
        while (!locked(dir) && slow.alive && System.currentTimeMillis() < deadline) sleep(100)
        assert locked(dir): Files.list(tmp).filter { it.fileName.toString().startsWith('out-') }.toList().collect { Files.readString(it) }.join('\n')
        assert run('apply', dir.toString(), '--auto-approve') == ExitCode.LOCKED
        def id = (err =~ /siteplan force-unlock ([0-9a-f]{12})/)[0][1]

        when:
        int code = run('force-unlock', id, dir.toString())

        then: 'refused: removing it would let a second run change the estate beside the first'
        code == ExitCode.LOCKED
        err ==~ /(?s)siteplan: not removing the lock of 'vmware-to-azure': it is held by busy-runner on \S+ \(apply, since \S+, lock ID ${id}\), whose process ${slow.pid()} still runs on this host\. Removing it would let a second run change the estate beside it: wait for it to finish, or stop it; to remove the lock anyway, run: siteplan force-unlock ${id} ${java.util.regex.Pattern.quote(dir.toString())} --force\n/
        out == ''
        locked(dir)
        slow.alive

        when: 'the user insists'
        code = run('force-unlock', id, dir.toString(), '--force')

        then:
        code == ExitCode.OK
        out =~ /Removed the lock of 'vmware-to-azure' held by busy-runner on \S+ \(apply, since \S+, lock ID ${id}\)\./
        !locked(dir)

        cleanup:
        slow?.destroyForcibly()
        slow?.waitFor()
    }
}
