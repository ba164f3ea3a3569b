package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.eclipse.jgit.api.Git
import spock.lang.Requires

/**
 * A run that cannot be recorded is not started: a damaged, read-only or full history repository is
 * refused before any operation, with what to check; a failed write leaves nothing the next run would
 * take for an interrupted run; -out never replaces what it cannot write.
 */
class HistorySafetySpec extends ExecutorSpecification {

    static boolean root() {
        System.getProperty('user.name') == 'root'
    }

    static int sh(String... cmd) {
        def p = new ProcessBuilder(cmd).redirectErrorStream(true).start()
        p.inputStream.text
        p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1
    }

    /** chattr +i as root (permissions do not stop root), chmod a-w otherwise. */
    static boolean canMakeReadOnly() {
        def probe = Files.createTempDirectory('siteplan-ro-probe')
        try {
            if (root()) {
                if (sh('chattr', '+i', probe.toString()) != 0) return false
                boolean refused = !probe.resolve('x').toFile().createNewFile()
                sh('chattr', '-i', probe.toString())
                return refused
            }
            return true
        } catch (IOException refusedWrite) {
            sh('chattr', '-i', probe.toString())
            return true
        } finally {
            probe.toFile().deleteDir()
        }
    }

    static boolean canMountTmpfs() {
        if (!root()) return false
        def probe = Files.createTempDirectory('siteplan-mount-probe')
        try {
            if (sh('mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.toString()) != 0) return false
            sh('umount', probe.toString())
            return true
        } finally {
            Files.deleteIfExists(probe)
        }
    }

    /** The example with nothing protected yet (a long apply ahead) and a history with one recorded plan. */
    Path withHistory() {
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        assert run('plan', dir.toString(), '-out', tmp.resolve('recorded.json').toString()) == 0
        dir
    }

    Path history(Path dir) {
        state(dir).resolve('history')
    }

    String headObject(Path dir) {
        Git.open(history(dir).toFile()).withCloseable { g -> g.repository.resolve('refs/heads/siteplan-history').name() }
    }

    def "a damaged history repository is refused before anything runs: #damage"() {
        given:
        def dir = withHistory()
        breakIt(this, dir)
        def before = stateJson(dir)

        when:
        int code = run('apply', dir.toString(), '--auto-approve')

        then:
        code == ExitCode.INVALID_INPUT
        err.readLines().size() == 1
        err =~ /^siteplan: (the history repository \S+ cannot be read|cannot open the history repository \S+) \(.*\); it may be damaged: check it with `git -C \S+ fsck`, or move it aside to start a new history.* Nothing was changed\.$/
        !err.contains('internal error')
        stateJson(dir) == before
        operationsLog(dir).isEmpty()

        where:
        damage                               | breakIt
        'the latest commit overwritten'      | { HistorySafetySpec s, Path d -> def h = s.headObject(d); Files.write(s.history(d).resolve(".git/objects/${h.take(2)}/${h.drop(2)}"), 'not a git object'.bytes) }
        'a file of the latest run missing'   | { HistorySafetySpec s, Path d ->
            def blob = Git.open(s.history(d).toFile()).withCloseable { g ->
                def tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(g.repository, 'runs', g.repository.parseCommit(g.repository.resolve('refs/heads/siteplan-history')).tree)
                tw.enterSubtree(); tw.next(); tw.enterSubtree(); tw.next(); tw.getObjectId(0).name()
            }
            Files.delete(s.history(d).resolve(".git/objects/${blob.take(2)}/${blob.drop(2)}"))
        }
        'the branch pointing at nothing'     | { HistorySafetySpec s, Path d -> Files.writeString(s.history(d).resolve('.git/refs/heads/siteplan-history'), '1234567890123456789012345678901234567890\n') }
        'the index is garbage'               | { HistorySafetySpec s, Path d -> Files.writeString(s.history(d).resolve('.git/index'), 'garbage') }
    }

    @Requires({ HistorySafetySpec.canMakeReadOnly() })
    def "a read-only history repository is refused before anything runs"() {
        given:
        def dir = withHistory()
        def before = stateJson(dir)
        def h = history(dir)
        if (root()) assert sh('chattr', '-R', '+i', h.toString()) == 0
        else assert sh('chmod', '-R', 'a-w', h.toString()) == 0

        when:
        int code = run('apply', dir.toString(), '--auto-approve')

        then:
        code == ExitCode.INVALID_INPUT
        err =~ /^siteplan: the history repository \S+ cannot be written \(.*\); check that the folder and its .git are writable by this user and the disk is not full or read-only\. Nothing was changed\.$/
        stateJson(dir) == before
        operationsLog(dir).isEmpty()

        cleanup:
        if (root()) sh('chattr', '-R', '-i', h.toString()) else sh('chmod', '-R', 'u+w', h.toString())
    }

    @Requires({ HistorySafetySpec.canMountTmpfs() })
    def "a full history disk is refused before anything runs, and leaves nothing the next run records as interrupted"() {
        given: 'the history on a 4 MB disk'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        def small = Files.createDirectories(tmp.resolve('small-disk'))
        assert sh('mount', '-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', small.toString()) == 0
        def before = stateJson(dir)

        when:
        int code = run('apply', dir.toString(), '--auto-approve', '--history', small.resolve('history').toString())

        then:
        code == ExitCode.INVALID_INPUT
        err =~ /^siteplan: the disk of the history repository \S+ has \d+ MB free, and a run needs at least 64 MB to be recorded; free space there \(or pass --history DIR on another disk\)\. Nothing was changed\.$/
        stateJson(dir) == before
        operationsLog(dir).isEmpty()
        !Files.exists(small.resolve('history/runs')) || Files.list(small.resolve('history/runs')).toList().every { !Files.exists(it.resolve('RUNNING')) }

        when: 'the history moves to a disk with room, taking what the failed run left'
        sh('cp', '-a', small.resolve('history').toString(), tmp.resolve('roomy').toString())
        code = run('apply', dir.toString(), '--auto-approve', '--history', tmp.resolve('roomy').toString())

        then: 'one apply, and no phantom interrupted run'
        code == ExitCode.OK
        !err.contains('was interrupted')
        run('history', dir.toString(), '--history', tmp.resolve('roomy').toString()) == 0
        out.readLines().size() == 1
        out.readLines()[0] =~ /apply\s+succeeded/

        cleanup: 'lazily if a file there is still open, so the mount never outlives the feature'
        if (sh('umount', small.toString()) != 0) sh('umount', '-l', small.toString())
    }

    def "a run whose first history write fails leaves no marker: the next run records no interrupted run"() {
        given:
        def h = siteplan.executor.history.History.open(tmp.resolve('h'), null, null, env)
        def r = h.begin('apply', 'vmware-to-azure')

        when: 'writing its plan fails (a folder is where the file goes)'
        Files.createDirectories(r.dir().resolve('plan.json').resolve('in-the-way'))
        r.write('plan.json', '{}')

        then:
        thrown(IOException)
        !Files.exists(r.dir().resolve('RUNNING'))
        !Files.exists(r.dir().resolve('.plan.json.tmp'))

        when:
        r.discard()

        then:
        !Files.exists(r.dir())
        h.recoverInterrupted() == []

        when: 'a run that did start and then could not commit keeps its marker, and is recorded as interrupted once its process is gone'
        def started = h.begin('apply', 'vmware-to-azure')
        started.started()

        then:
        Files.exists(started.dir().resolve('RUNNING'))

        cleanup:
        h?.close()
    }

    def "-out onto something that is not a regular file writes into it or fails cleanly, never replacing it: #target"() {
        given:
        def dir = estate()
        def path = Path.of(target)
        def kind = Files.isRegularFile(path) ? 'file' : Files.isDirectory(path) ? 'dir' : 'special'

        when:
        int code = run('plan', dir.toString(), '-out', target, '--no-history')

        then:
        code == expected
        message.every { err.contains(it) }
        !err.contains('internal error')
        (Files.isRegularFile(path) ? 'file' : Files.isDirectory(path) ? 'dir' : 'special') == kind
        Files.list(path.parent).noneMatch { it.fileName.toString().startsWith(".${path.fileName}") && it.fileName.toString().endsWith('.tmp') }

        where:
        target      | expected                | message
        '/dev/full' | ExitCode.INVALID_INPUT  | ['siteplan: cannot write /dev/full (No space left on device); it was left as it was']
        '/dev/null' | ExitCode.OK             | []
    }

    def "-out into a folder that does not exist, or onto a folder, is a user error"() {
        given:
        def dir = estate()

        expect:
        run('plan', dir.toString(), '-out', tmp.resolve('no/such/plan.json').toString(), '--no-history') == ExitCode.INVALID_INPUT
        err.contains("folder ${tmp.resolve('no/such')} does not exist")
        run('plan', dir.toString(), '-out', tmp.toString(), '--no-history') == ExitCode.INVALID_INPUT
        err.contains('it is a folder; name a file')

        and: 'a file named as if it were a folder is said as it is, and left as it was'
        Files.writeString(tmp.resolve('afile'), 'kept')
        run('plan', dir.toString(), '-out', tmp.resolve('afile/plan.json').toString(), '--no-history') == ExitCode.INVALID_INPUT
        err.contains("cannot write ${tmp.resolve('afile/plan.json')}: ${tmp.resolve('afile')} is a file, not a folder")
        Files.readString(tmp.resolve('afile')) == 'kept'
    }
}
