package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory
import java.nio.file.Files
import java.nio.file.Path

/**
 * What the CI examples say, read out of examples/ci/github-actions.yml and gitlab-ci.yml: the same siteplan
 * commands in the same order, and --allow-destroy only where a reviewer approves. CiPipelineSpec runs them,
 * each job in a fresh clone.
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
}
