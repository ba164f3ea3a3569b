package siteplan.cli

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.TempDir

/**
 * A pull-request comment has a size limit (GitHub's: 65,536 characters): `show --markdown --max-length N` keeps the summary
 * table and the findings, then whole sections while they fit, and says what was left out and where the full plan is.
 */
class MarkdownLimitSpec extends CliSpecification {
    static final int GITHUB_LIMIT = 65536

    @Shared @TempDir
    Path tmp

    @Shared Map<String, String> env = FIXED_DATE + [SITEPLAN_SIM_SPEED: '1000000', SITEPLAN_CACHE_DIR: '']

    /** A saved plan of a generated 1,000-machine estate, half protected with drift. */
    @Shared String large

    def setupSpec() {
        env.SITEPLAN_CACHE_DIR = tmp.resolve('cache').toString()
        String gen = tmp.resolve('gen').toString(), state = tmp.resolve('state').toString()
        large = tmp.resolve('plan.json').toString()
        assert runWith(env, 'sim', 'generate', '--machines', '1000', '--files', '10', gen) == 0
        assert runWith(env, 'sim', 'init', gen, '--state', state, '--partial', '50%') == 0
        assert runWith(env, 'plan', gen, '--state', state, '-out', large, '--no-history') == 0
    }

    static int bytes(String s) {
        s.getBytes(StandardCharsets.UTF_8).length
    }

    def "the full Markdown of 1,000 machines is over GitHub's limit; with --max-length it is under it and still names the counts"() {
        when:
        runWith(env, 'show', large, '--markdown')
        String full = out
        int code = runWith(env, 'show', large, '--markdown', '--max-length', String.valueOf(GITHUB_LIMIT), '--attached', 'plan-full.md')
        String comment = out

        then:
        full.length() > GITHUB_LIMIT
        code == ExitCode.OK
        bytes(comment) <= GITHUB_LIMIT
        comment.length() <= GITHUB_LIMIT
        and: 'the summary table, as in the full plan'
        String counts = '| 500 | 125 | 125 | 0 | 0 | 0 | 0 | 0 |\n'
        int head = comment.indexOf(counts) + counts.length()
        head > counts.length()
        comment.substring(0, head) == full.substring(0, head)
        and: 'the details of 750 changes are left out whole, the later sections kept, and the note says so'
        !comment.contains('<summary>750 changes</summary>')
        comment.contains('<summary>Sizing</summary>')
        comment.endsWith("\n> ✂️ Shortened to fit 65,536 characters: left out the details of the 750 changes. The full plan is attached as `plan-full.md`.\n")
        and: 'no table or fenced block is cut'
        comment.readLines().count { it.startsWith('```') } % 2 == 0
        comment.count('<details>') == comment.count('</details>')
    }

    /** A saved plan of a copy of the Hyper-V example: four findings (one DRILL-OVERDUE, one RTO-PREDICTED), five changes and a recovery plan's order, 3.8 KB of Markdown. */
    String examplePlan(String name) {
        Path copy = tmp.resolve("${name}-estate")
        Path src = Path.of('examples/hyperv-vmm-to-vmm')
        Files.walk(src).withCloseable { files -> files.forEach { f -> Files.copy(f, copy.resolve(src.relativize(f).toString())) } }
        String plan = tmp.resolve("${name}.json").toString()
        assert runWith(env + [SITEPLAN_SECRETS_FILE: 'examples/demo-secrets.properties'], 'plan', copy.toString(), '-out', plan, '--no-history') == 0
        plan
    }

    def "sections are cut whole: the findings first, then each later section that fits, and the note names what was left out"() {
        given:
        String plan = examplePlan('cut')
        runWith(env, 'show', plan, '--markdown')
        String full = out

        when:
        int code = runWith(env, 'show', plan, '--markdown', '--max-length', '2400')

        then:
        code == ExitCode.OK
        bytes(full) > 2400
        bytes(out) <= 2400
        and: 'every finding, whole'
        full.readLines().findAll { it.startsWith('- ') }.size() == 4
        full.readLines().findAll { it.startsWith('- ') }.every { out.readLines().contains(it) }
        and: 'the 5 changes do not fit and are left out; the recovery plan after them fits and is kept'
        !out.contains('```diff')
        out.contains('#### Recovery plan `newyork-to-chicago`')
        out.endsWith("\n> ✂️ Shortened to fit 2,400 characters: left out the details of the 5 changes. The full plan: `siteplan show ${plan} --markdown`\n")
    }

    def "a plan that fits is printed whole, with no note"() {
        given:
        String plan = examplePlan('fits')
        runWith(env, 'show', plan, '--markdown')
        String full = out

        expect:
        runWith(env, 'show', plan, '--markdown', '--max-length', String.valueOf(GITHUB_LIMIT), '--attached', 'plan-full.md') == ExitCode.OK
        out == full
    }

    def "#args is refused before anything is made: #message"() {
        expect:
        runWith(env, *(['show', large] + args)) == ExitCode.INVALID_INPUT
        err.trim() == message
        out == ''

        where:
        args                                              | message
        ['--max-length', '65536']                         | 'siteplan: --max-length applies to --markdown only; add --markdown or leave it out'
        ['--json', '--max-length', '65536']               | 'siteplan: --max-length applies to --markdown only; add --markdown or leave it out'
        ['--markdown', '--attached', 'plan-full.md']      | 'siteplan: --attached names the full plan of a shortened comment; add --markdown --max-length N or leave it out'
        ['--markdown', '--max-length', '200']             | 'siteplan: --max-length must be at least 1000 (the summary and the note of what was left out), not 200'
    }
}
