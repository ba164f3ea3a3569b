package siteplan.cli

import java.util.concurrent.TimeUnit

/** siteplan completion: the shell completion script, generated from the commands themselves. */
class CompletionSpec extends ExecutorSpecification {
    def "siteplan completion bash prints a script that registers completion of siteplan, its commands and their flags"() {
        when:
        int code = run('completion', 'bash')

        then:
        code == ExitCode.OK
        out.contains('complete -F _complete_siteplan')
        ['apply', 'drill', 'completion', '--lock-timeout', '-lock-timeout', '-auto-approve', '-json'].every { out.contains(it) }

        and: 'zsh gets the script that loads bashcompinit itself'
        run('completion', 'zsh') == ExitCode.OK
        out.contains('bashcompinit')

        and: 'sourced in bash, it registers siteplan'
        def java = [System.getProperty('java.home'), 'bin', 'java'].join(File.separator)
        def siteplanCmd = "'${java}' -cp '${System.getProperty('java.class.path')}' siteplan.cli.Main"
        def p = new ProcessBuilder('bash', '-c', "source <(${siteplanCmd} completion bash) && complete -p siteplan").redirectErrorStream(true).start()
        p.waitFor(120, TimeUnit.SECONDS)
        p.inputStream.text.trim() =~ /^complete .*-F _complete_siteplan .*siteplan$/
        p.exitValue() == 0
    }

    def "a shell siteplan cannot complete for is refused with the ones it can"() {
        expect:
        run('completion', 'fish') == ExitCode.INVALID_INPUT
        err == "siteplan: SHELL must be bash or zsh, not 'fish'\n"
    }
}
