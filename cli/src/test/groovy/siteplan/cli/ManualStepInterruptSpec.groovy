package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.IgnoreIf

/**
 * Ctrl-C while a drill asks on the terminal for a manual step: the question ends at once (no Enter
 * needed) and the drill stops, recorded in history. The terminal is a real pseudo-terminal made by util-linux's
 * `script`, so siteplan sees a console as a person's shell gives it one; Ctrl-C is the SIGINT the
 * terminal sends.
 */
@IgnoreIf({ !new File('/usr/bin/script').canExecute() })
class ManualStepInterruptSpec extends ExecutorSpecification {

    def "Ctrl-C at a manual step's question stops the drill without waiting for Enter"() {
        given: 'every machine protected, and a drill of a plan whose first group begins with a manual step'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        def java = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-cp', System.getProperty('java.class.path'), 'siteplan.cli.Main',
                    'drill', dir.toString(), '--recovery-plan', 'erp-failover', '--no-color']
        def log = tmp.resolve('terminal.log')
        def pb = new ProcessBuilder('/usr/bin/script', '-qfec', java.collect { "'" + it.replace("'", "'\\''") + "'" }.join(' '), '/dev/null')
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
        pb.environment().putAll(env)
        Process terminal = pb.start() // its stdin stays open and silent: nobody presses Enter

        when: 'the question is on the screen'
        long deadline = System.currentTimeMillis() + 120_000
        while (!Files.readString(log).contains("Type 'done' when it is done") && terminal.alive && System.currentTimeMillis() < deadline) sleep(100)
        assert Files.readString(log).contains("Type 'done' when it is done"): "no manual-step question on the terminal:\n${Files.readString(log)}"
        ProcessHandle siteplan = terminal.toHandle().descendants().find { it.info().command().orElse('').endsWith('/java') }
        assert siteplan: 'no siteplan process under the terminal'
        new ProcessBuilder('kill', '-INT', siteplan.pid().toString()).start().waitFor()
        boolean ended = terminal.waitFor(120, TimeUnit.SECONDS)
        String screen = Files.readString(log)

        then: 'siteplan ends by itself: the question is answered "stop", the drill stops there and is recorded'
        ended
        terminal.exitValue() != 0
        screen.contains("before manual 'Confirm with the DBA on call that batch jobs are stopped': stopped — the operator stopped the run here")
        screen =~ /Drill stopped: 0 of 6 machines up after \S+ — interrupted \(Ctrl-C\)/
        screen =~ /Recorded in history as [0-9a-f]{12}/

        cleanup:
        terminal?.destroyForcibly()
    }
}
