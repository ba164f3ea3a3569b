package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import siteplan.executor.history.EstateLock
import siteplan.executor.history.History

/**
 * Every command line siteplan prints for the person to run next runs as printed, from the folder the
 * run happened in: a shell with `siteplan` on its PATH is given the line exactly as it was printed.
 */
class PrintedCommandsSpec extends ExecutorSpecification {
    Path work
    Path bin

    def setup() {
        work = Files.createDirectories(tmp.resolve('work'))
        bin = Files.createDirectories(tmp.resolve('bin'))
        Path launcher = bin.resolve('siteplan')
        Files.writeString(launcher, "#!/bin/sh\nexec '${Path.of(System.getProperty('java.home'), 'bin', 'java')}' -cp '${System.getProperty('java.class.path')}' siteplan.cli.Main \"\$@\"\n")
        launcher.toFile().setExecutable(true)
    }

    /** The line run by a POSIX shell in the work folder, as a person would paste it; its output lands in out. */
    int shell(String line) {
        def pb = new ProcessBuilder('/bin/sh', '-c', line).directory(work.toFile()).redirectErrorStream(true)
        pb.environment().putAll(env)
        pb.environment().PATH = bin.toString() + ':' + System.getenv('PATH')
        Process p = pb.start()
        out = p.inputStream.text
        assert p.waitFor(180, TimeUnit.SECONDS)
        p.exitValue()
    }

    /** The command a line ends with, after "PREFIX". */
    static String printed(String output, String prefix) {
        String line = output.readLines().find { it.contains(prefix) }
        assert line: "no line with '${prefix}' in:\n${output}"
        line.substring(line.indexOf(prefix) + prefix.length() - 'siteplan '.length()).replaceAll(/\)?\.?$/, '')
    }

    def "a plan saved with --state prints an apply that runs as printed, and the apply prints a history show that runs as printed"() {
        given:
        copyExampleInto(work)
        shell('siteplan sim init examples/vmware-to-azure --state A')

        when:
        int planned = shell('siteplan plan examples/vmware-to-azure --state A -out p.json')
        String apply = printed(out, 'apply it with: siteplan ')

        then:
        planned == 0
        apply == 'siteplan apply p.json examples/vmware-to-azure --state A'

        when:
        int applied = shell(apply)
        String show = printed(out, '): siteplan ')

        then:
        applied == 0
        show ==~ /siteplan history show [0-9a-f]{12} examples\/vmware-to-azure --state A/

        when:
        int shown = shell(show)

        then:
        shown == 0
        out.startsWith('commit ')
        out.contains('apply vmware-to-azure: succeeded')
    }

    def "the force-unlock a locked estate prints runs as printed, with the history flags the run was given"() {
        given:
        copyExampleInto(work)
        Path history = tmp.resolve('elsewhere/history')
        shell('siteplan sim init examples/vmware-to-azure --force')
        shell("siteplan plan examples/vmware-to-azure --history ${history} -out p.json")
        String id = Files.readString(work.resolve('examples/vmware-to-azure/.siteplan/estate-id')).trim()
        History h = History.open(history, null, null, env)
        new EstateLock(h, 'vmware-to-azure', 'simulated ' + id, env).acquire('drill', 'another operator')
        h.close()

        when:
        int code = shell("siteplan apply p.json examples/vmware-to-azure --history ${history}")
        String unlock = printed(out, 'run: siteplan ')

        then:
        code == ExitCode.LOCKED
        unlock ==~ /siteplan force-unlock [0-9a-f]{12} examples\/vmware-to-azure --history \S+/

        when: "the holder (this spec's own process) still runs on this host, so the lock is kept and the way to remove it anyway is printed"
        int refused = shell(unlock)
        String forced = printed(out, 'to remove the lock anyway, run: siteplan ')

        then:
        refused == ExitCode.LOCKED
        forced == unlock + ' --force'

        when:
        int unlocked = shell(forced)

        then:
        unlocked == 0
        out.startsWith("Removed the lock of 'vmware-to-azure'")
    }

    def "a password in the history remote's URL is never printed in a command to run"() {
        expect:
        siteplan.executor.history.History.forCommand('https://ci:s3cret@git.example.com/dr/history.git') == 'https://git.example.com/dr/history.git'
        siteplan.executor.history.History.forCommand('https://git.example.com/dr/history.git') == 'https://git.example.com/dr/history.git'
        siteplan.executor.history.History.forCommand('/srv/history.git') == '/srv/history.git'
    }

    def "quoting: a path with a space is printed so that a shell gives it back whole"() {
        expect:
        PrintedCommand.args(['my estate', "it's", 'plain/x.groovy']) == " 'my estate' 'it'\\''s' plain/x.groovy"
    }

    private void copyExampleInto(Path dir) {
        Path defn = estate('vmware-to-azure')
        Path dst = Files.createDirectories(dir.resolve('examples'))
        Files.move(defn, dst.resolve('vmware-to-azure'))
        Files.copy((Files.isDirectory(Path.of('examples')) ? Path.of('examples') : Path.of('../examples')).resolve('demo-secrets.properties'), dst.resolve('demo-secrets.properties'))
    }
}
