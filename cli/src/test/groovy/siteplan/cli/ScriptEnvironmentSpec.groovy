package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * Recovery-plan scripts get an environment built from an allow-list, never the runner's credentials;
 * their logs live in the run's folder in history and nothing of theirs is left in the temporary folder,
 * also when the drill is killed with -9 in the middle of a script.
 */
class ScriptEnvironmentSpec extends ExecutorSpecification {
    static final Map<String, String> RUNNER_SECRETS = [
            AZURE_CLIENT_SECRET  : 'Azure-Client-S3cret-1111',
            AZURE_CLIENT_ID      : 'azure-client-id-2222',
            GITHUB_TOKEN         : 'ghp_Github-Token-3333',
            SITEPLAN_SECRET_X    : 'Siteplan-X-S3cret-4444',
            AWS_SECRET_ACCESS_KEY: 'Aws-S3cret-5555',
            CI_JOB_TOKEN         : 'Ci-Job-Token-6666']
    static final Set<String> ALLOWED = ['PATH', 'LANG', 'HOME', 'TMPDIR', 'SITEPLAN_RUN_ID', 'SITEPLAN_RECOVERY_PLAN', 'SITEPLAN_GROUP', 'SITEPLAN_MODE',
                                        'SITEPLAN_MACHINES', 'SITEPLAN_ADDRESS_ERP_DB01', 'SITEPLAN_TARGET_IP'] as Set
    /** What sh itself sets in every process. */
    static final Set<String> SHELL = ['PWD', 'OLDPWD', 'SHLVL', '_'] as Set

    Path dir
    Path store

    def setup() {
        dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        store = tmp.resolve('secrets.properties')
        write(store, 'unused-secret=Store-S3cret-7777\n')
        env.putAll(RUNNER_SECRETS + [SITEPLAN_SECRETS_FILE: store.toString(), CI: 'true', GITHUB_ACTIONS: 'true', PATH: '/usr/local/bin:/usr/bin:/bin'])
    }

    Path history() {
        state(dir).resolve('history')
    }

    Path latestRun() {
        Files.list(history().resolve('runs')).filter { it.fileName.toString().contains('-drill-') }.sorted().toList().last()
    }

    static Set<String> names(String envDump) {
        envDump.readLines().findAll { it ==~ /[A-Za-z_][A-Za-z0-9_]*=.*/ }.collect { it.substring(0, it.indexOf('=')) } as Set
    }

    List<String> committedFiles() {
        def p = new ProcessBuilder('git', '-C', history().toString(), 'ls-tree', '-r', '--name-only', 'HEAD').redirectErrorStream(true).start()
        def text = p.inputStream.text
        p.waitFor()
        text.readLines()
    }

    def "a drill script sees only the allow-list, even when the runner holds cloud credentials, tokens and a secret store"() {
        given: 'a script that dumps its whole environment into a file in the run, and to its log'
        write(dir.resolve('scripts/check-sql.sh'), '#!/bin/sh\nenv > "$HOME/../../../env-seen.txt"\nenv\necho "script-home: $HOME"\n')

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack')
        def runDir = latestRun()
        def seen = read(runDir.resolve('env-seen.txt'))
        def log = read(runDir.resolve('scripts/01-check-sql.sh.log'))

        then:
        code == ExitCode.OK
        names(seen) - SHELL == ALLOWED
        names(log) - SHELL == ALLOWED
        and: 'no value of the runner\'s secrets, nor the store\'s path'
        (RUNNER_SECRETS.values() + SECRETS.values() + [store.toString(), 'Store-S3cret-7777']).every { !seen.contains(it) && !log.contains(it) && !out.contains(it) }
        and: 'what scripts use is there'
        seen.contains('SITEPLAN_RECOVERY_PLAN=erp-failover')
        seen =~ /SITEPLAN_TARGET_IP=127\./
        seen.contains("SITEPLAN_RUN_ID=${runDir.fileName}")
        seen.contains('PATH=/usr/local/bin:/usr/bin:/bin')
        and: 'HOME is the run\'s own scratch folder, gone once the script ended'
        log.contains("script-home: ${runDir.resolve('.scratch')}")
        !Files.exists(runDir.resolve('.scratch'))
        and: 'the log is committed with the run, the scratch folder never'
        committedFiles().contains("runs/${runDir.fileName}/scripts/01-check-sql.sh.log" as String)
        !committedFiles().any { it.contains('.scratch') }
    }

    def "a runner without PATH gives scripts a safe default"() {
        given:
        env.remove('PATH')
        write(dir.resolve('scripts/check-sql.sh'), '#!/bin/sh\necho "path=$PATH"\n')

        expect:
        run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack') == ExitCode.OK
        read(latestRun().resolve('scripts/01-check-sql.sh.log')).contains('path=/usr/local/bin:/usr/bin:/bin')
    }

    /** Every regular file under the folder whose text contains what a script's log or environment would. */
    static List<Path> traces(Path folder, List<String> marks) {
        Files.walk(folder).filter { Files.isRegularFile(it) }.filter { f ->
            String text = new String(Files.readAllBytes(f), 'ISO-8859-1')
            marks.any { text.contains(it) } || f.fileName.toString().startsWith('siteplan-script')
        }.toList()
    }

    def "no script log is left in the temporary folder, after a drill and after a drill killed with -9 in the middle of a script"() {
        given: 'siteplan as its own process with its own temporary folder'
        Path privateTmp = Files.createDirectories(tmp.resolve('private-tmp'))
        Path started = tmp.resolve('script-started')
        def extra = [JAVA_TOOL_OPTIONS: "-Djava.io.tmpdir=${privateTmp}" as String, TMPDIR: privateTmp.toString()]
        def marks = ['SITEPLAN_RECOVERY_PLAN=', 'SCRIPT-OUTPUT-MARK'] + RUNNER_SECRETS.values()

        when: 'a drill runs to its end'
        write(dir.resolve('scripts/check-sql.sh'), '#!/bin/sh\nenv\necho SCRIPT-OUTPUT-MARK\n')
        int code = await(start(tmp, extra, 'drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack'))

        then:
        code == ExitCode.OK
        traces(privateTmp, marks).isEmpty()
        read(latestRun().resolve('scripts/01-check-sql.sh.log')).contains('SCRIPT-OUTPUT-MARK')

        when: 'a drill is killed with -9 while its script runs'
        write(dir.resolve('scripts/check-sql.sh'), "#!/bin/sh\nenv\necho SCRIPT-OUTPUT-MARK\ntouch '${started}'\nsleep 60\n")
        def p = start(tmp, extra, 'drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack')
        long deadline = System.currentTimeMillis() + 120_000
        while (!Files.exists(started) && p.alive && System.currentTimeMillis() < deadline) sleep(50)
        assert Files.exists(started): 'the script never started'
        def children = p.toHandle().descendants().toList()
        p.destroyForcibly() // SIGKILL: no shutdown hook, no finally
        p.waitFor()
        children.each { it.destroyForcibly() }
        def killed = latestRun()

        then: 'nothing in the temporary folder; the log and the scratch folder are in the run\'s folder'
        p.exitValue() == 137
        traces(privateTmp, marks).isEmpty()
        read(killed.resolve('scripts/01-check-sql.sh.log')).contains('SCRIPT-OUTPUT-MARK')
        Files.isDirectory(killed.resolve('.scratch'))

        when: 'the next run records the killed one'
        write(dir.resolve('scripts/check-sql.sh'), '#!/bin/sh\nexit 0\n')
        run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack')

        then: 'with its log, without its scratch folder'
        err.contains("Note: run ${killed.fileName} was interrupted before it finished")
        !Files.exists(killed.resolve('.scratch'))
        committedFiles().contains("runs/${killed.fileName}/scripts/01-check-sql.sh.log" as String)
        !committedFiles().any { it.contains('.scratch') }
    }
}
