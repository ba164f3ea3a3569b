package siteplan.cli

import com.fasterxml.jackson.databind.JsonNode
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
                    .findAll { it.trim().startsWith('siteplan ') }
                    .collect { it.trim().replace('${{ matrix.recovery-plan }}', '$RECOVERY_PLAN') }
        }
    }

    static List<String> gitlab() {
        def ci = YAML.readTree(ci('gitlab-ci.yml').toFile())
        ['plan', 'apply', 'drill'].collectMany { job -> ci.get(job).get('script')*.asText().findAll { it.startsWith('siteplan ') } }
    }

    def "the GitHub Actions workflow and the GitLab CI file run the same siteplan commands in the same order"() {
        expect:
        github() == gitlab()
        github().collect { it.split(' ')[1] } == ['plan', 'show', 'show', 'apply', 'drill', 'history']
    }

    def "--allow-destroy is given only in a job a reviewer must approve, never in the apply that runs on merge"() {
        given:
        def gh = YAML.readTree(ci('github-actions.yml').toFile())
        def gl = YAML.readTree(ci('gitlab-ci.yml').toFile())
        def ghLines = { String job -> gh.get('jobs').get(job).get('steps').findAll { it.has('run') }.collectMany { it.get('run').asText().readLines() }.findAll { it.trim().startsWith('siteplan ') }*.trim() }
        def glLines = { String job -> gl.get(job).get('script')*.asText().findAll { it.startsWith('siteplan ') } }

        expect: 'no other job passes it'
        gh.get('jobs').fieldNames().toList().findAll { it != 'apply-destroy' }.every { job -> ghLines(job).every { !it.contains('--allow-destroy') } }
        gl.fieldNames().toList().findAll { gl.get(it).has('script') && it != 'apply-destroy' }.every { job -> glLines(job).every { !it.contains('--allow-destroy') } }
        and: 'the job that does runs by hand, in an environment whose reviewers approve it'
        ghLines('apply-destroy') == ['siteplan apply plan.json $ESTATE --auto-approve --allow-destroy --push --lock-timeout 3h']
        gh.get('jobs').get('apply-destroy').get('environment').asText() == 'production-destroy'
        gh.get('jobs').get('apply-destroy').get('if').asText().contains("github.event_name == 'workflow_dispatch' && inputs.allow_destroy")
        glLines('apply-destroy') == ghLines('apply-destroy')
        gl.get('apply-destroy').get('environment').get('name').asText() == 'production-destroy'
        gl.get('apply-destroy').get('rules').every { it.get('when')?.asText() == 'manual' }
        and: 'apply names the checked-out definition, so the plan does not choose it'
        ghLines('apply') == ['siteplan apply plan.json $ESTATE --auto-approve --push --lock-timeout 3h']
    }

    static JsonNode workflow(String file) {
        YAML.readTree(ci(file).toFile())
    }

    /** The jobs of the GitLab file: the entries with a script (templates such as .siteplan are not jobs). */
    static List<String> gitlabJobs(JsonNode gl) {
        gl.fieldNames().toList().findAll { !it.startsWith('.') && gl.get(it).has('script') }
    }

    /** Every shell line a job runs, its install step's included: GitHub's run steps, GitLab's before_script and script. */
    static List<String> shellLines(JsonNode job, JsonNode gl = null) {
        if (job.has('steps')) return job.get('steps').findAll { it.has('run') }.collectMany { it.get('run').asText().readLines() }*.trim()
        List<JsonNode> before = job.has('before_script') ? job.get('before_script').toList()
                : job.has('extends') ? gl.get(job.get('extends').asText()).get('before_script').toList() : []
        (before + job.get('script').toList())*.asText()*.trim()
    }

    /** A runner's environment for an install step: the spec's Java first on the PATH (as setup-java and the image give it), the release's URL and SHA-256. */
    static Map<String, String> runnerEnv(String url, String sha256) {
        [PATH: Path.of(System.getProperty('java.home'), 'bin').toString() + ':' + System.getenv('PATH'), SITEPLAN_URL: url, SITEPLAN_SHA256: sha256]
    }

    def "every job of both files installs siteplan first and then runs siteplan from the PATH, never ./siteplan or a build from sources"() {
        given:
        def gh = workflow('github-actions.yml')
        def gl = workflow('gitlab-ci.yml')
        def ghJobs = gh.get('jobs').fieldNames().toList()

        expect: 'GitHub: the same install step in every job, before its first siteplan line'
        ghJobs.every { CiInstall.github(gh, it) == CiInstall.github(gh, 'plan') }
        ghJobs.every { job ->
            def steps = gh.get('jobs').get(job).get('steps').toList()
            int install = steps.findIndexOf { it.path('name').asText().startsWith(CiInstall.GITHUB_STEP) }
            int first = steps.findIndexOf { it.path('run').asText().readLines().any { it.trim().startsWith('siteplan ') } }
            install >= 0 && first > install
        }
        and: 'GitLab: every job extends the template whose before_script installs it'
        gitlabJobs(gl).every { gl.get(it).get('extends')?.asText() == '.siteplan' && !gl.get(it).has('before_script') }
        and: 'no line runs ./siteplan or Maven'
        (ghJobs.collectMany { shellLines(gh.get('jobs').get(it)) } + gitlabJobs(gl).collectMany { shellLines(gl.get(it), gl) })
                .every { !it.contains('./siteplan') && !(it =~ /\bmvn\b/) }
    }

    /** The release jar and its .sha256, served from 127.0.0.1: the server (stop it), the jar's URL and its SHA-256. */
    List serveRelease() {
        Path jar = ReleaseJar.write(tmp.resolve('release'))
        def server = ReleaseJar.serve(jar.parent)
        [server, ReleaseJar.url(server, ReleaseJar.name()), Files.readString(jar.parent.resolve(ReleaseJar.name() + '.sha256')).split(' ')[0]]
    }

    def "the install step, run as written in #file, fetches the release jar from SITEPLAN_URL, checks SITEPLAN_SHA256 and puts siteplan on the PATH"() {
        given: 'the release jar and its .sha256, served from 127.0.0.1'
        def (server, url, sha) = serveRelease()
        Path job = Files.createDirectories(tmp.resolve('job'))

        when:
        def installed = CiInstall.run(step(workflow(file)), job, runnerEnv(url, sha))
        def version = installed.run('siteplan version', job, runnerEnv('', ''))

        then:
        installed.exit == 0
        installed.output.contains(': OK')
        version.exit == 0
        version.output.readLines()[0] == "siteplan ${ReleaseJar.version()}"

        cleanup:
        server?.stop(0)

        where:
        file                 | step
        'github-actions.yml' | { wf -> CiInstall.github(wf, 'apply') }
        'gitlab-ci.yml'      | { wf -> CiInstall.gitlab(wf, 'apply') }
    }

    def "a SITEPLAN_URL that curl would read as an option fails the install step of #file before curl runs"() {
        given: 'a curl config file that would fetch the jar and also write a file of its own'
        def (server, url, right) = serveRelease()
        Path job = Files.createDirectories(tmp.resolve('job'))
        Path curlrc = Files.writeString(tmp.resolve('curlrc'), "url = \"${url}\"\noutput = \"${job.resolve('written-by-curl')}\"\n")

        when:
        def installed = CiInstall.run(step(workflow(file)), job, runnerEnv("-K${curlrc}", right))

        then:
        installed.exit != 0
        installed.output.contains("SITEPLAN_URL must be the jar's https:// URL")
        !Files.exists(job.resolve('written-by-curl'))

        cleanup:
        server?.stop(0)

        where:
        file                 | step
        'github-actions.yml' | { wf -> CiInstall.github(wf, 'apply') }
        'gitlab-ci.yml'      | { wf -> CiInstall.gitlab(wf, 'apply') }
    }

    def "a #what fails the install step of #file before anything runs, and leaves no siteplan on the PATH"() {
        given:
        Path release = ReleaseJar.write(tmp.resolve('release'))
        def server = ReleaseJar.serve(release.parent)
        String right = Files.readString(release.parent.resolve(ReleaseJar.name() + '.sha256')).split(' ')[0]
        Path job = Files.createDirectories(tmp.resolve('job'))
        String url = ReleaseJar.url(server, served)
        // sha256sum skips lines that begin with '#': a value that ends in one would check another file and not the jar
        String nothing = ReleaseJar.sha256(Files.writeString(tmp.resolve('nothing'), ''))
        String sha = [right: right, other: ReleaseJar.sha256(Files.writeString(tmp.resolve('other'), 'another build')), empty: '',
                      comment: "${nothing}  /dev/null\n#".toString()][checksum]

        when:
        def installed = CiInstall.run(step(workflow(file)), job, runnerEnv(url, sha))
        def after = installed.run('command -v siteplan', job, runnerEnv('', ''))

        then:
        installed.exit != 0
        installed.output.contains(says)
        after.exit != 0

        cleanup:
        server?.stop(0)

        where:
        what                        | file                 | step                                        | served                   | checksum | says
        'wrong SHA-256'             | 'github-actions.yml' | { wf -> CiInstall.github(wf, 'plan') }      | ReleaseJar.name()        | 'other'  | 'FAILED'
        'wrong SHA-256'             | 'gitlab-ci.yml'      | { wf -> CiInstall.gitlab(wf, 'plan') }      | ReleaseJar.name()        | 'other'  | 'FAILED'
        'missing SITEPLAN_SHA256'   | 'github-actions.yml' | { wf -> CiInstall.github(wf, 'drill') }     | ReleaseJar.name()        | 'empty'  | 'SITEPLAN_SHA256 must be the 64 hexadecimal digits'
        'missing SITEPLAN_SHA256'   | 'gitlab-ci.yml'      | { wf -> CiInstall.gitlab(wf, 'drill') }     | ReleaseJar.name()        | 'empty'  | 'SITEPLAN_SHA256 must be the 64 hexadecimal digits'
        'SHA256 line that comments out the jar\'s' | 'github-actions.yml' | { wf -> CiInstall.github(wf, 'plan') } | ReleaseJar.name()  | 'comment' | 'SITEPLAN_SHA256 must be the 64 hexadecimal digits'
        'SHA256 line that comments out the jar\'s' | 'gitlab-ci.yml'      | { wf -> CiInstall.gitlab(wf, 'plan') } | ReleaseJar.name()  | 'comment' | 'SITEPLAN_SHA256 must be the 64 hexadecimal digits'
        'URL that serves nothing'   | 'github-actions.yml' | { wf -> CiInstall.github(wf, 'apply') }     | 'siteplan-0.0.0.jar'     | 'right'  | '404'
        'URL that serves nothing'   | 'gitlab-ci.yml'      | { wf -> CiInstall.gitlab(wf, 'apply') }     | 'siteplan-0.0.0.jar'     | 'right'  | '404'
    }

    def "no apply job shares a concurrency group with a job that can be pending at the same time: GitHub would cancel the pending apply"() {
        given: "each GitHub job's concurrency group as written, or null"
        def jobs = workflow('github-actions.yml').get('jobs')
        Map<String, String> group = jobs.fieldNames().toList().collectEntries { j ->
            JsonNode c = jobs.get(j).get('concurrency')
            [j, c == null ? null : (c.isTextual() ? c.asText() : c.get('group').asText())]
        }
        def applies = group.keySet().findAll { it.startsWith('apply') }

        expect: 'an apply job has no group, or one unique to its run (another run of the same job could be pending too)'
        applies.every { group[it] == null || group[it].contains('github.run_id') }
        and: 'no other job has it'
        applies.every { a -> group[a] == null || group.findAll { j, g -> j != a && g == group[a] }.isEmpty() }
        and: 'no apply job cancels itself'
        applies.every { jobs.get(it).path('concurrency').path('cancel-in-progress').asText() != 'true' }
        and: 'applies and drills queue on the estate lock instead'
        github().findAll { it.split(' ')[1] in ['apply', 'drill'] }.every { it.contains('--lock-timeout ') }
        and: 'the plan of a pull request has a group of its own pull request'
        group.plan.contains('github.event.pull_request.number')
    }

    def "the apply jobs take only plan.json from the pull request's artifact, never unpacking it into the checkout"() {
        given:
        def gh = workflow('github-actions.yml')
        List<String> lines = gh.get('jobs').fieldNames().toList().collectMany { job -> gh.get('jobs').get(job).get('steps').toList().collectMany { it.path('run').asText().readLines() } }

        expect:
        def downloads = lines.findAll { it.trim().startsWith('gh run download') }
        downloads.size() == 2
        downloads.every { it.contains('--dir "$RUNNER_TEMP/pull-request-plan"') }
        lines.count { it.trim() == 'cp "$RUNNER_TEMP/pull-request-plan/plan.json" plan.json' } == 2
    }

    def "the comment is the Markdown plan within GitHub's 65,536-character limit, and the full Markdown is attached"() {
        given:
        def gh = workflow('github-actions.yml')
        def gl = workflow('gitlab-ci.yml')

        expect:
        github().findAll { it.contains(' show ') } == ['siteplan show plan.json --markdown > plan-full.md',
                                                      'siteplan show plan.json --markdown --max-length 65536 --attached plan-full.md > plan.md']
        gh.get('jobs').get('plan').get('steps').any { it.path('uses').asText().startsWith('actions/upload-artifact') && it.path('with').path('path').asText() == 'plan-full.md' }
        gh.get('jobs').get('plan').get('steps').any { it.path('run').asText().contains('--body-file plan.md') }
        gl.get('plan').get('artifacts').get('paths')*.asText().containsAll(['plan.json', 'plan-full.md'])
        gl.get('plan').get('script')*.asText().any { it.contains('body@plan.md') }
    }

    def "GitLab's file says which CI variables hold the secrets, and how to set them"() {
        given:
        String head = Files.readAllLines(ci('gitlab-ci.yml')).takeWhile { it.startsWith('#') }.join('\n')

        expect:
        ['SITEPLAN_URL', 'SITEPLAN_SHA256', 'SITEPLAN_HISTORY_REMOTE', 'SITEPLAN_SECRET_<NAME>', 'SITEPLAN_BOT_TOKEN', 'AZURE_CLIENT_ID'].every { head.contains(it) }
        head.readLines().find { it.contains('SITEPLAN_SECRET_<NAME>') }.endsWith('masked, protected')
        head.readLines().find { it.contains('SITEPLAN_HISTORY_REMOTE') }.endsWith('masked, protected')
    }

    def "with provider 'azure', both files sign in with the job's OpenID Connect token: workload identity, no stored client secret"() {
        given:
        def gh = workflow('github-actions.yml')
        def gl = workflow('gitlab-ci.yml')

        expect: 'GitHub: the job may request its token, and a step writes it where azure-identity reads it'
        gh.get('permissions').get('id-token').asText() == 'write'
        gh.get('env').get('AZURE_CLIENT_ID').asText() == '${{ vars.AZURE_CLIENT_ID }}'
        gh.get('jobs').fieldNames().toList().every { job ->
            gh.get('jobs').get(job).get('steps').any { it.path('run').asText().contains('audience=api://AzureADTokenExchange') && it.path('run').asText().contains('AZURE_FEDERATED_TOKEN_FILE=') }
        }
        and: 'GitLab: an ID token for Azure, written to AZURE_FEDERATED_TOKEN_FILE by the template every job extends'
        gl.get('.siteplan').get('id_tokens').get('AZURE_ID_TOKEN').get('aud').asText() == 'api://AzureADTokenExchange'
        CiInstall.gitlab(gl, 'apply').contains('AZURE_FEDERATED_TOKEN_FILE')
        and: 'no client secret anywhere'
        !Files.readString(ci('github-actions.yml')).contains('AZURE_CLIENT_SECRET')
        !Files.readString(ci('gitlab-ci.yml')).contains('AZURE_CLIENT_SECRET')
    }
}
