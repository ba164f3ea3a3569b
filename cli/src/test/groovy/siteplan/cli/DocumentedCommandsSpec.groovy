package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

/**
 * Every command the README and docs/*.md show in a ```sh block runs, as a user pasting the block would run
 * it, and exits as the page says; and the commands siteplan prints for the user to run next run too.
 *
 * What the pages may write in a ```sh block (docs/commands.md says the same to readers):
 * - a line starting with `./siteplan ` or `siteplan ` (after an optional `$ ` prompt and `NAME=value` prefixes)
 *   is a command; a line ending in `\` continues on the next;
 * - `export NAME=value …` sets the environment of the block's later commands (each block is one shell session);
 * - a trailing `# exits N` says the command exits N; without it, it must exit 0;
 * - a trailing `# not run: REASON` says why the command is not run here (it needs a real vCenter or
 *   subscription); those are counted and printed, so a page cannot quietly stop being checked;
 * - any other line (`mvn -B verify`) is not siteplan's and is listed, not run.
 * Each page's commands run in order in a workspace of its own: a temporary folder holding a copy of examples/
 * (with the simulated estates' state, without history), never the repository's tree.
 *
 * `./siteplan ARGS` is the launcher: it builds with Maven when sources changed, then runs
 * `java [options] -jar cli/target/siteplan.jar ARGS`. The jar is shaded in `package`, after this test phase, from
 * exactly the classes on this spec's class path, so the spec runs the jar's equivalent in a new process:
 * `java --add-opens java.base/java.lang=ALL-UNNAMED -cp CLASS_PATH siteplan.cli.Main ARGS` (the jar's main class and
 * the Add-Opens of its manifest), in the workspace. The environment is the runner's, with its SITEPLAN_* and
 * AZURE_* variables removed (a page must export what it needs), plus what keeps the runs private and repeatable
 * without changing an exit code: the model cache and the estate lock in the spec's folder, a fixed today
 * (SITEPLAN_TODAY), a faster simulated clock and a git author for history commits.
 */
class DocumentedCommandsSpec extends Specification {
    static final Path ROOT = (Files.isDirectory(Path.of('examples')) ? Path.of('') : Path.of('..')).toAbsolutePath().normalize()

    @Shared @TempDir
    Path tmp

    /** A command as a page shows it: where, the words, the environment of its block, and what it should do. */
    static final class Documented {
        String page
        int line
        String text
        Map<String, String> env = [:]
        List<String> args = []
        int exits = 0
        String notRun

        String toString() { "${page}:${line}: ${text}" }
    }

    static List<Path> pages() {
        [ROOT.resolve('README.md')] + Files.list(ROOT.resolve('docs')).withCloseable { s -> s.filter { it.toString().endsWith('.md') }.sorted().toList() }
    }

    static String name(Path page) {
        ROOT.relativize(page.toAbsolutePath().normalize()).toString()
    }

    /** The siteplan commands of one page's ```sh blocks, in order; other shell lines go to `others`. */
    static List<Documented> commands(Path page, List<String> others = []) {
        List<Documented> found = []
        List<String> lines = Files.readAllLines(page)
        boolean inBlock = false
        Map<String, String> blockEnv = [:]
        for (int i = 0; i < lines.size(); i++) {
            String l = lines[i]
            if (!inBlock) {
                if (l.trim() == '```sh') { inBlock = true; blockEnv = [:] }
                continue
            }
            if (l.trim() == '```') { inBlock = false; continue }
            int at = i + 1
            while (l.endsWith('\\') && i + 1 < lines.size()) l = l[0..-2] + ' ' + lines[++i].trim()
            l = l.trim()
            if (l.startsWith('$ ')) l = l.substring(2)
            if (l.isEmpty() || l.startsWith('#')) continue
            String comment = ''
            int hash = l.indexOf(' #')
            if (hash >= 0) { comment = l.substring(hash + 2).trim(); l = l.substring(0, hash).trim() }
            List<String> words = shellWords(l)
            if (words[0] == 'export') {
                words.drop(1).each { w -> blockEnv[w.substring(0, w.indexOf('='))] = w.substring(w.indexOf('=') + 1) }
                continue
            }
            Map<String, String> prefix = [:]
            while (words && words[0] ==~ /[A-Z_][A-Z0-9_]*=.*/) {
                String w = words.remove(0)
                prefix[w.substring(0, w.indexOf('='))] = w.substring(w.indexOf('=') + 1)
            }
            if (!words || !(words[0] in ['./siteplan', 'siteplan'])) {
                others << "${name(page)}:${at}: ${l}".toString()
                continue
            }
            def d = new Documented(page: name(page), line: at, text: l, env: blockEnv + prefix, args: words.drop(1))
            def exits = comment =~ /exits (\d+)/
            if (exits.find()) d.exits = exits.group(1) as int
            def notRun = comment =~ /not run: (.+)/
            if (notRun.find()) d.notRun = notRun.group(1).trim()
            found << d
        }
        assert !inBlock: "${name(page)}: a ```sh block is never closed"
        found
    }

    /** Words as a POSIX shell splits them, for the quoting the pages use: '…', "…" and bare words. */
    static List<String> shellWords(String line) {
        List<String> words = []
        StringBuilder w = null
        Character quote = null
        for (char c : line.toCharArray()) {
            if (quote != null) {
                if (c == quote) quote = null else w.append(c)
            } else if (c == '\'' as char || c == '"' as char) {
                quote = c; if (w == null) w = new StringBuilder()
            } else if (Character.isWhitespace(c)) {
                if (w != null) { words << w.toString(); w = null }
            } else {
                if (w == null) w = new StringBuilder()
                w.append(c)
            }
        }
        assert quote == null: "unbalanced quote in: ${line}"
        if (w != null) words << w.toString()
        words
    }

    /** A folder like the repository a user cloned, as far as the pages' commands can see: examples/ with its simulated estates. */
    Path workspace(String label) {
        Path ws = Files.createDirectories(tmp.resolve(label.replaceAll(/[^\w.-]/, '_') + '-' + System.nanoTime()))
        Path src = ROOT.resolve('examples')
        Files.walk(src).withCloseable { s ->
            s.forEach { p ->
                String rel = src.relativize(p).toString()
                if (rel.contains('.siteplan/') && !rel.endsWith('.siteplan/state.json')) return
                Path t = ws.resolve('examples').resolve(rel)
                if (Files.isDirectory(p)) Files.createDirectories(t) else Files.copy(p, t)
            }
        }
        ws
    }

    Map<String, String> environment() {
        Map<String, String> env = System.getenv().findAll { k, v -> !k.startsWith('SITEPLAN_') && !k.startsWith('AZURE_') }
        env + [SITEPLAN_CACHE_DIR: tmp.resolve('user-cache').toString(), SITEPLAN_LOCK_DIR: tmp.resolve('locks').toString(),
               SITEPLAN_TODAY: '2026-11-22', SITEPLAN_SIM_SPEED: '500000',
               GIT_AUTHOR_NAME: 'Dana Operator', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana Operator', GIT_COMMITTER_EMAIL: 'dana@example.com']
    }

    static List<String> java() {
        [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '--add-opens', 'java.base/java.lang=ALL-UNNAMED',
         '-cp', System.getProperty('java.class.path'), 'siteplan.cli.Main']
    }

    /** One process with its output; exit code and output together. */
    static Map run(List<String> command, Path cwd, Map<String, String> env) {
        def pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
        pb.environment().clear()
        pb.environment().putAll(env)
        Path log = Files.createTempFile(cwd, 'out', '.log')
        pb.redirectOutput(log.toFile())
        Process p = pb.start()
        if (!p.waitFor(300, TimeUnit.SECONDS)) { p.destroyForcibly(); p.waitFor(); return [exit: -1, output: 'did not finish within 300 s\n' + Files.readString(log)] }
        String output = Files.readString(log)
        Files.delete(log)
        [exit: p.exitValue(), output: output]
    }

    def "the pages show siteplan commands, and every one the spec does not run says why"() {
        given:
        List<String> others = []
        Map<String, List<Documented>> byPage = pages().collectEntries { [(name(it)): commands(it, others)] }
        List<Documented> all = byPage.values().flatten() as List<Documented>
        List<Documented> notRun = all.findAll { it.notRun }

        when: 'the counts are printed for whoever reads the build log'
        println "Documented siteplan commands: ${all.size()} on ${byPage.count { k, v -> v }} pages; run: ${all.size() - notRun.size()}; not run: ${notRun.size()}"
        notRun.each { println "  not run: ${it} — ${it.notRun}" }
        others.each { println "  not a siteplan command, not run: ${it}" }

        then: 'the README starts with the two set-up commands'
        byPage['README.md'][0].text == './siteplan plan examples/vmware-to-azure-modernized'
        others.contains('README.md:11: mvn -B verify')
        and: 'the tour and the reference pages are checked'
        byPage['README.md'].size() >= 8
        ['docs/commands.md', 'docs/ci.md', 'docs/dsl.md'].every { byPage[it] }
        and: 'a command left out says why'
        notRun.every { it.notRun.length() > 10 }
    }

    @Unroll
    def "every command #page shows runs as documented"() {
        given:
        List<Documented> documented = commands(ROOT.resolve(page)).findAll { !it.notRun }
        Path ws = workspace(page)

        when:
        List<String> failed = []
        documented.each { d ->
            Map r = run(java() + d.args, ws, environment() + d.env)
            println "${r.exit} ${d}"
            if (r.exit != d.exits) failed << "${d}\n  exited ${r.exit}, the page says ${d.exits}:\n${r.output.readLines().takeRight(15).join('\n')}".toString()
        }

        then:
        documented
        failed.isEmpty()

        where:
        page << pages().collect { name(it) }.findAll { commands(ROOT.resolve(it)).any { !it.notRun } }
    }

    def "every link of the README and the docs leads to a file in the repository"() {
        expect:
        (pages() + [ROOT.resolve('bench/README.md')]).every { page ->
            (Files.readString(page) =~ /\]\(([^)#\s]+)(#[^)]*)?\)/).collect { it[1] }.findAll { !(it =~ /^\w+:/) }.every { target ->
                Path t = page.parent.resolve(target).normalize()
                assert Files.exists(t) && t.startsWith(ROOT): "${name(page)} links to ${target}, which is not in the repository"
                true
            }
        }
    }

    /**
     * The lines of siteplan's output that tell the user what to run next ("…; apply it with: siteplan apply plan.json",
     * "Recorded in history as …: siteplan history show ID", "Next: …, then: siteplan commit …"): they are printed by
     * PlanCommand, ApplyCommand, RecoverySession and FailoverCommands, and name concrete files and IDs.
     */
    static List<String> printed(String output) {
        output.readLines().collect { (it =~ /: (siteplan [a-z-]+(?: \S+)*)\s*$/) }.findAll { it.find() }.collect { it.group(1) }
    }

    /**
     * Runs what the user is told to run, exactly as printed, with bash, from the folder the run happened in; `siteplan` on
     * the PATH is this build (as an installed siteplan would be). Each printed command's own output is followed the same way.
     */
    def "the commands siteplan prints for the user to run next run as printed, from the folder the run happened in"() {
        given: 'a folder with the examples, and siteplan installed on the PATH'
        Path ws = workspace('printed')
        Path bin = Files.createDirectories(tmp.resolve('bin'))
        Path shim = bin.resolve('siteplan')
        Files.writeString(shim, '#!/bin/sh\nexec ' + java().collect { "'" + it + "'" }.join(' ') + ' "$@"\n')
        shim.toFile().setExecutable(true)
        Map<String, String> env = environment() + [PATH: bin.toString() + ':' + System.getenv('PATH'), SITEPLAN_SECRETS_FILE: 'examples/demo-secrets.properties']
        List<String> transcript = []
        List<String> failed = []
        Set<String> seen = []
        def follow
        follow = { String output ->
            printed(output).findAll { seen.add(it) }.each { line ->
                Map r = run(['bash', '-c', line], ws, env)
                transcript << "${r.exit} ${line}".toString()
                if (r.exit != 0) failed << "${line}\n  exited ${r.exit}:\n${r.output.readLines().takeRight(10).join('\n')}".toString()
                else follow(r.output as String)
            }
        }

        when: 'a plan, its apply, a drill, and a failover of the failback example, each followed by what it prints'
        [['plan', 'examples/vmware-to-azure', '-out', 'plan.json'],
         ['drill', 'examples/vmware-to-azure', '--recovery-plan', 'linux-services', '--ack'],
         ['sim', 'init', 'examples/failback', '--state', 'examples/failback/.siteplan', '--from-model', '--force'],
         ['failover', 'examples/failback', '--recovery-plan', 'crm', '--type', 'planned', '--ack']].each { args ->
            Map r = run([shim.toString()] + args, ws, env)
            transcript << "${r.exit} siteplan ${args.join(' ')}".toString()
            assert r.exit == 0: "siteplan ${args.join(' ')} exited ${r.exit}:\n${r.output}"
            follow(r.output as String)
        }
        println transcript.join('\n')

        then: 'something was printed to run, and all of it ran'
        seen.any { it.startsWith('siteplan apply plan.json') }
        seen.any { it.startsWith('siteplan history show ') }
        seen.any { it.startsWith('siteplan commit ') }
        failed.isEmpty()
    }
}
