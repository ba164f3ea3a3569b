package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory
import java.nio.file.Files
import java.nio.file.Path
import org.eclipse.jgit.api.Git

/**
 * The CI examples run exactly the siteplan commands this spec runs, in the same order: the commands
 * are read out of examples/ci/github-actions.yml and gitlab-ci.yml, not copied here.
 */
class CiWorkflowSpec extends ExecutorSpecification {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())

    static Path ci(String file) {
        (Files.isDirectory(Path.of('examples')) ? Path.of('examples') : Path.of('../examples')).resolve('ci').resolve(file)
    }

    /** The siteplan command lines of the GitHub workflow, job by job in order plan, apply, drill. */
    static List<String> github() {
        def wf = YAML.readTree(ci('github-actions.yml').toFile())
        ['plan', 'apply', 'drill'].collectMany { job ->
            wf.get('jobs').get(job).get('steps').findAll { it.has('run') }.collectMany { it.get('run').asText().readLines() }
                    .findAll { it.trim().startsWith('./siteplan ') }
                    .collect { it.trim().replace('${{ matrix.recovery-plan }}', '$RECOVERY_PLAN') }
        }
    }

    static List<String> gitlab() {
        def ci = YAML.readTree(ci('gitlab-ci.yml').toFile())
        ['plan', 'apply', 'drill'].collectMany { job -> ci.get(job).get('script')*.asText().findAll { it.startsWith('./siteplan ') } }
    }

    def "the GitHub Actions workflow and the GitLab CI file run the same siteplan commands in the same order"() {
        expect:
        github() == gitlab()
        github().collect { it.split(' ')[1] } == ['plan', 'show', 'apply', 'drill', 'history']
    }

    def "--allow-destroy is given only in a job a reviewer must approve, never in the apply that runs on merge"() {
        given:
        def gh = YAML.readTree(ci('github-actions.yml').toFile())
        def gl = YAML.readTree(ci('gitlab-ci.yml').toFile())
        def ghLines = { String job -> gh.get('jobs').get(job).get('steps').findAll { it.has('run') }.collectMany { it.get('run').asText().readLines() }.findAll { it.trim().startsWith('./siteplan ') }*.trim() }
        def glLines = { String job -> gl.get(job).get('script')*.asText().findAll { it.startsWith('./siteplan ') } }

        expect: 'no other job passes it'
        gh.get('jobs').fieldNames().toList().findAll { it != 'apply-destroy' }.every { job -> ghLines(job).every { !it.contains('--allow-destroy') } }
        gl.fieldNames().toList().findAll { gl.get(it).has('script') && it != 'apply-destroy' }.every { job -> glLines(job).every { !it.contains('--allow-destroy') } }
        and: 'the job that does runs by hand, in an environment whose reviewers approve it'
        ghLines('apply-destroy') == ['./siteplan apply plan.json $ESTATE --auto-approve --allow-destroy --push']
        gh.get('jobs').get('apply-destroy').get('environment').asText() == 'production-destroy'
        gh.get('jobs').get('apply-destroy').get('if').asText().contains("github.event_name == 'workflow_dispatch' && inputs.allow_destroy")
        glLines('apply-destroy') == ghLines('apply-destroy')
        gl.get('apply-destroy').get('environment').get('name').asText() == 'production-destroy'
        gl.get('apply-destroy').get('rules').every { it.get('when')?.asText() == 'manual' }
        and: 'apply names the checked-out definition, so the plan does not choose it'
        ghLines('apply') == ['./siteplan apply plan.json $ESTATE --auto-approve --push']
    }

    def "both workflows' commands, run in order against the simulated estate: plan on a pull request, apply the reviewed plan on merge, drill on schedule"() {
        given: 'a checkout with the example, and a history repository the CI runners push to'
        def workspace = tmp.resolve('checkout')
        Files.createDirectories(workspace.resolve('examples'))
        def src = estate()
        Files.move(src, workspace.resolve('examples/vmware-to-azure'))
        def remote = tmp.resolve('history.git')
        Git.init().setBare(true).setDirectory(remote.toFile()).call().close()
        env.SITEPLAN_HISTORY_REMOTE = remote.toString()
        env.GIT_AUTHOR_NAME = 'ci-bot'
        def vars = [ESTATE: workspace.resolve('examples/vmware-to-azure').toString()]

        when:
        def transcript = []
        for (String line : github()) {
            for (String rp : (line.contains('$RECOVERY_PLAN') ? ['erp-failover', 'linux-services'] : [null])) {
                def code = execute(line, vars + (rp ? [RECOVERY_PLAN: rp] : [:]), workspace)
                transcript << "${code} ${line}"
                if (line.contains(' history ')) transcript << out
            }
        }

        then: 'every step succeeded'
        transcript.findAll { it.toString().contains('./siteplan') }.every { it.startsWith('0 ') }
        and: 'the history step lists the drill it follows'
        transcript.any { it.toString() =~ /drill\s+passed\s+drill erp-failover: passed/ }
        transcript.any { it.toString() =~ /drill\s+passed\s+drill linux-services: passed/ }
        and: 'the pull request comment is the Markdown plan'
        Files.readString(workspace.resolve('plan.md')).startsWith('### siteplan plan: `')
        Files.readString(workspace.resolve('plan.md')).contains('| create | update | re-replicate |')
        and: 'the history remote holds the apply and both drills, with their reports'
        def log = Git.open(remote.toFile()).withCloseable { g -> g.log().add(g.repository.resolve('refs/heads/siteplan-history')).call().collect { it.shortMessage } }
        log.any { it.startsWith('apply vmware-to-azure: succeeded') }
        log.any { it.startsWith('drill erp-failover: passed') }
        log.any { it.startsWith('drill linux-services: passed') }
    }

    /** Runs one workflow line: variables substituted, `|| test $? -eq 2` accepted, `> file` redirected, relative files in the checkout. */
    int execute(String line, Map<String, String> vars, Path workspace) {
        String cmd = line
        vars.each { k, v -> cmd = cmd.replace('$' + k, v) }
        Set<Integer> ok = [0]
        if (cmd.contains('|| test $? -eq 2')) {
            ok << 2
            cmd = cmd.substring(0, cmd.indexOf('||')).trim()
        }
        String redirect = null
        if (cmd.contains(' > ')) {
            redirect = cmd.substring(cmd.indexOf(' > ') + 3).trim()
            cmd = cmd.substring(0, cmd.indexOf(' > ')).trim()
        }
        def args = cmd.split(/\s+/).drop(1).collect { a -> a ==~ /[\w.-]+\.(json|md)/ ? workspace.resolve(a).toString() : a }
        int code = run(*args)
        if (redirect) Files.writeString(workspace.resolve(redirect), out)
        assert code in ok: "${line} exited ${code}: ${err}"
        0
    }
}
