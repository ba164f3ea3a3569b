package siteplan.cli

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.CommitBuilder
import org.eclipse.jgit.lib.Constants
import org.eclipse.jgit.lib.PersonIdent
import org.eclipse.jgit.transport.RefSpec
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

/**
 * The CI examples as a CI system runs them: every job in a fresh clone of the user's repository, on a machine of
 * its own (its own checkout, estate-lock folder and model cache), sharing only two remotes: the repository of the
 * definitions (a bare git repository, cloned per job) and the history remote. The jobs' siteplan command lines are
 * read out of examples/ci/github-actions.yml and gitlab-ci.yml (as `./siteplan …` or `siteplan …`) and run by
 * `sh -c`, after the job's install step, run as written (CiInstall), has fetched the release jar from 127.0.0.1,
 * checked its SHA-256 and put `siteplan` on the PATH. `mvn verify` runs this spec after package (cli/pom.xml), so the
 * jar is the one package built, installed in every clone; run before package, it is ReleaseJar's stand-in. What passes between jobs is only what a real
 * pipeline passes: the pull request's plan.json artifact, and the two remotes.
 */
class CiPipelineSpec extends Specification {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
    static final Path ROOT = DocumentedCommandsSpec.ROOT
    static final String ESTATE = 'examples/vmware-to-azure'

    @Shared @TempDir
    Path tmp

    /** The release a pipeline installs: siteplan-VERSION.jar and its SHA-256, served from 127.0.0.1 as SITEPLAN_URL. */
    @Shared com.sun.net.httpserver.HttpServer release
    @Shared String releaseUrl
    @Shared String releaseSha256

    def setupSpec() {
        Path jar = ReleaseJar.write(tmp.resolve('release'))
        release = ReleaseJar.serve(jar.parent)
        releaseUrl = ReleaseJar.url(release, ReleaseJar.name())
        releaseSha256 = ReleaseJar.sha256(jar)
    }

    def cleanupSpec() {
        release?.stop(0)
    }

    /** One pipeline's jobs, as its CI file has them: the siteplan lines of each, and the drill's matrix. */
    static final class Pipeline {
        String ci
        Map<String, List<String>> lines
        /** Each job's install step, as its file has it. */
        Map<String, String> install
        List<String> recoveryPlans
        /** The variables the CI sets for each event (a job's own `env:` comes from its file). */
        Map<String, Map<String, String>> events
        String pullRequestRef
    }

    /** The jobs of both CI examples, in the order a pipeline runs them. */
    static final List<String> JOBS = ['plan', 'apply', 'drill', 'compliance']

    static boolean siteplanLine(String l) {
        l.startsWith('./siteplan ') || l.startsWith('siteplan ')
    }

    static Pipeline pipeline(String ci) {
        Path dir = ROOT.resolve('examples/ci')
        if (ci == 'github') {
            JsonNode jobs = YAML.readTree(dir.resolve('github-actions.yml').toFile()).get('jobs')
            def lines = JOBS.collectEntries { job ->
                [(job): jobs.get(job).get('steps').findAll { it.has('run') }.collectMany { it.get('run').asText().readLines()*.trim() }
                        .findAll { siteplanLine(it) }.collect { it.replace('${{ matrix.recovery-plan }}', '$RECOVERY_PLAN') }]
            }
            def wf = YAML.readTree(dir.resolve('github-actions.yml').toFile())
            return new Pipeline(ci: ci, lines: lines, install: JOBS.collectEntries { [(it): CiInstall.github(wf, it)] }, recoveryPlans: jobs.get('drill').get('strategy').get('matrix').get('recovery-plan')*.asText(),
                    events: [pr      : [GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge', GITHUB_ACTOR: 'dana'],
                             merge   : [GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_ACTOR: 'dana'],
                             schedule: [GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main', GITHUB_ACTOR: 'dana']],
                    pullRequestRef: 'refs/siteplan/plans/github-pr-7')
        }
        JsonNode file = YAML.readTree(dir.resolve('gitlab-ci.yml').toFile())
        def lines = JOBS.collectEntries { job -> [(job): file.get(job).get('script')*.asText()*.trim().findAll { siteplanLine(it) }] }
        new Pipeline(ci: ci, lines: lines, install: JOBS.collectEntries { [(it): CiInstall.gitlab(file, it)] }, recoveryPlans: file.get('drill').get('parallel').get('matrix').get(0).get('RECOVERY_PLAN')*.asText(),
                events: [pr      : [GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '7', GITLAB_USER_LOGIN: 'dana'],
                         merge   : [GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', GITLAB_USER_LOGIN: 'dana'],
                         schedule: [GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'main', GITLAB_USER_LOGIN: 'dana']],
                pullRequestRef: 'refs/siteplan/plans/gitlab-mr-7')
    }

    /** The two remotes every job shares: the user's repository with the example (and its committed state), and an empty history remote. */
    Map<String, Path> remotes(String label) {
        Path base = Files.createDirectories(tmp.resolve(label))
        Path work = base.resolve('author')
        Path src = ROOT.resolve(ESTATE)
        Files.walk(src).withCloseable { s ->
            s.forEach { p ->
                String rel = src.relativize(p).toString()
                if (rel.contains('.siteplan/') && !rel.endsWith('.siteplan/state.json')) return
                Path t = work.resolve(ESTATE).resolve(rel)
                if (Files.isDirectory(p)) Files.createDirectories(t) else Files.copy(p, t)
            }
        }
        Path definitions = base.resolve('definitions.git')
        Path history = base.resolve('history.git')
        Git.init().setBare(true).setDirectory(definitions.toFile()).setInitialBranch('main').call().close()
        Git.init().setBare(true).setDirectory(history.toFile()).call().close()
        Git.init().setDirectory(work.toFile()).setInitialBranch('main').call().withCloseable { g ->
            g.add().addFilepattern('.').call()
            g.commit().setMessage('The estate').setAuthor('dana', 'dana@example.com').setCommitter('dana', 'dana@example.com').setSign(false).call()
            g.push().setRemote(definitions.toUri().toString()).setRefSpecs(new RefSpec('refs/heads/main:refs/heads/main')).call()
        }
        [definitions: definitions, history: history, base: base]
    }

    /**
     * A job: a fresh clone of the definitions, this machine's own lock folder and cache, the CI's variables for its event,
     * and siteplan installed by the job's install step ({@code install}) before its lines run.
     */
    List<Map> job(String install, Map<String, Path> remotes, String name, List<String> lines, Map<String, String> vars, Path artifact = null) {
        Path clone = remotes.base.resolve('jobs').resolve(name)
        Git.cloneRepository().setURI(remotes.definitions.toUri().toString()).setDirectory(clone.toFile()).call().close()
        if (artifact != null) Files.copy(artifact, clone.resolve(artifact.fileName))
        Path machine = Files.createDirectories(remotes.base.resolve('machines').resolve(name))
        def installed = CiInstall.run(install, clone, environment(machine) + CiWorkflowSpec.runnerEnv(releaseUrl, releaseSha256))
        assert installed.exit == 0: "the install step of job ${name} failed:\n${installed.output}"
        Map<String, String> env = environment(machine) + [
                PATH                   : installed.path,
                ESTATE                 : ESTATE,
                SITEPLAN_HISTORY_REMOTE: remotes.history.toUri().toString(),
                SITEPLAN_SECRETS_FILE  : ROOT.resolve('examples/demo-secrets.properties').toString()] + vars
        lines.collect { line ->
            String l = line.startsWith('./siteplan ') ? line.substring(2) : line
            Map r = sh(l, clone, env)
            [line: line, exit: r.exit, output: r.output, clone: clone]
        }
    }

    /** The runner's environment without its CI's or siteplan's variables (each job sets its own), this machine's folders, and what keeps runs repeatable. */
    static Map<String, String> environment(Path machine) {
        Map<String, String> env = System.getenv().findAll { k, v -> !(k ==~ /(SITEPLAN|AZURE|GITHUB|GITLAB|CI)_.*|CI/) }
        env + [SITEPLAN_CACHE_DIR: machine.resolve('cache').toString(), SITEPLAN_LOCK_DIR: machine.resolve('locks').toString(),
               SITEPLAN_TODAY   : '2026-11-22', SITEPLAN_SIM_SPEED: '500000',
               GIT_AUTHOR_NAME  : 'dana', GIT_AUTHOR_EMAIL: 'dana@users.noreply.github.com', GIT_COMMITTER_NAME: 'siteplan-ci', GIT_COMMITTER_EMAIL: 'siteplan-ci@example.invalid']
    }

    static Map sh(String line, Path cwd, Map<String, String> env) {
        DocumentedCommandsSpec.run(['sh', '-c', line], cwd, env)
    }

    static List<String> log(Path remote, String ref) {
        Git.open(remote.toFile()).withCloseable { g ->
            def id = g.repository.resolve(ref)
            id == null ? [] : g.log().add(id).call().collect { it.fullMessage }
        }
    }

    static List<String> refs(Path remote) {
        Git.open(remote.toFile()).withCloseable { g -> g.repository.refDatabase.refs*.name.findAll { it != 'HEAD' }.sort() }
    }

    /** A commit pushed to another ref of the history remote, made to look like a recorded apply with a state: nothing may take it as one. */
    static void forge(Path remote, String ref) {
        Git.open(remote.toFile()).withCloseable { g ->
            def repo = g.repository
            def ins = repo.newObjectInserter()
            def blob = ins.insert(Constants.OBJ_BLOB, '{"forged": true}\n'.bytes)
            def tree = new org.eclipse.jgit.lib.TreeFormatter()
            tree.append('state.json', org.eclipse.jgit.lib.FileMode.REGULAR_FILE, blob)
            def stateTree = ins.insert(tree)
            def runs = new org.eclipse.jgit.lib.TreeFormatter()
            runs.append('state', org.eclipse.jgit.lib.FileMode.TREE, stateTree)
            def run = new org.eclipse.jgit.lib.TreeFormatter()
            run.append('20990101-000000-apply-ffff', org.eclipse.jgit.lib.FileMode.TREE, ins.insert(runs))
            def root = new org.eclipse.jgit.lib.TreeFormatter()
            root.append('runs', org.eclipse.jgit.lib.FileMode.TREE, ins.insert(run))
            def c = new CommitBuilder(treeId: ins.insert(root), author: new PersonIdent('mallory', 'm@example.com'), committer: new PersonIdent('mallory', 'm@example.com'),
                    message: 'apply vmware-to-azure: forged\n\nSiteplan-Kind: apply\nSiteplan-Estate: vmware-to-azure\nSiteplan-Status: succeeded\n'
                            + 'Siteplan-Run: 20990101-000000-apply-ffff\nSiteplan-State: runs/20990101-000000-apply-ffff/state\n')
            def id = ins.insert(c)
            ins.flush()
            def u = repo.updateRef(ref)
            u.setNewObjectId(id)
            u.forceUpdate()
        }
    }

    static String transcript(List<Map> steps) {
        steps.collect { "\$ ${it.line}\n(exit ${it.exit})\n${it.output}" }.join('\n')
    }

    @Unroll
    @spock.lang.Requires({ ReleaseJar.built() })
    def "the jobs install the jar package built: self-contained, with no class path outside it"() {
        given:
        Path served = tmp.resolve('release').resolve(ReleaseJar.name())

        expect:
        ReleaseJar.sha256(served) == ReleaseJar.sha256(ReleaseJar.BUILT)
        new java.util.jar.JarFile(served.toFile()).withCloseable { jar ->
            jar.getEntry('siteplan/cli/Main.class') != null && jar.getEntry('groovy/lang/GroovyShell.class') != null
                    && jar.manifest.mainAttributes.getValue('Class-Path') == null
        }
    }

    def "#ci: plan on a pull request, apply on merge, drill on schedule, each in a fresh clone: the drill passes because the apply's state travelled with history"() {
        given: 'the two remotes, and the pipeline as the CI file has it'
        def p = pipeline(ci)
        def remotes = remotes(ci + '-pipeline')

        when: 'the pull request job plans and pushes its plan'
        def pr = job(p.install.plan, remotes, 'plan', p.lines.plan, p.events.pr)

        then: 'it succeeded, and wrote only its own ref of the history remote: not the history branch, not a lock'
        assert pr.every { it.exit == 0 }: transcript(pr)
        pr[0].output.contains("pushed for review to ${p.pullRequestRef} of the history remote")
        refs(remotes.history) == [p.pullRequestRef]
        log(remotes.history, p.pullRequestRef)[0].startsWith('plan vmware-to-azure:')

        when: 'another pull request job pushes a commit that looks like a recorded apply with a state, and the merge job applies the reviewed plan'
        forge(remotes.history, 'refs/siteplan/plans/github-pr-666')
        def apply = job(p.install.apply, remotes, 'apply', p.lines.apply, p.events.merge, pr[0].clone.resolve('plan.json'))

        then: 'the apply succeeded and recorded, with its run, the state it left the estate in'
        assert apply.every { it.exit == 0 }: transcript(apply)
        apply[0].output.contains('Apply succeeded')
        def applied = log(remotes.history, 'refs/heads/siteplan-history').find { it.startsWith('apply vmware-to-azure: succeeded') }
        applied =~ /Siteplan-State: runs\/[\w-]+\/state/

        when: 'a scheduled compliance job runs before any drill (on the real today: the drills are dated now)'
        Map<String, String> today = [SITEPLAN_TODAY: java.time.LocalDate.now().toString()]
        def early = job(p.install.compliance, remotes, 'compliance-early', p.lines.compliance, p.events.schedule + today)

        then: 'the report is written, and the gate fails: the recovery plans have a cadence and were never drilled'
        early[0].exit == 0
        early[1].exit == ExitCode.FAILED
        early[1].output.contains('Wrote compliance.html: 2 failing, 0 at risk, 0 ok of 2 recovery plans.')
        early[1].output.contains('Compliance check failed: erp-failover (never drilled successfully; its cadence is every 90 days), linux-services (never drilled successfully')
        Files.readString(early[0].clone.resolve('compliance.md')).contains('| erp-failover | **failing** | never |')

        when: 'the scheduled drill runs each recovery plan in a fresh clone of its own'
        def drills = p.recoveryPlans.collect { rp -> job(p.install.drill, remotes, 'drill-' + rp, p.lines.drill, p.events.schedule + [RECOVERY_PLAN: rp]) }

        then: "each started from the state the apply recorded (not the clone's committed one, not the forged one) and passed"
        assert drills.every { d -> d.every { it.exit == 0 } }: drills.collect { transcript(it) }.join('\n')
        drills[0][0].output.contains("Note: the state of 'vmware-to-azure' is the one apply run ")
        drills[0][0].output.contains("it replaced, in examples/vmware-to-azure/.siteplan, a state never recorded in history (a checkout's)." )
        and: 'the second drill took the state the first one recorded'
        drills[1][0].output =~ /Note: the state of 'vmware-to-azure' is the one drill run /
        and: 'the history each job lists is the history branch: the forged commit is not in it'
        p.recoveryPlans.withIndex().every { rp, i -> drills[i][1].output =~ /drill\s+passed\s+drill ${rp}: passed/ }
        drills.every { d -> !d[1].output.contains('forged') }
        and: 'the history remote holds the apply and both drills, each with its state; the lock is released'
        def branch = log(remotes.history, 'refs/heads/siteplan-history')
        p.recoveryPlans.every { rp -> branch.any { it.startsWith("drill ${rp}: passed") && it.contains('Siteplan-State: ') } }
        !branch.any { it.contains('forged') }
        refs(remotes.history) == ['refs/heads/siteplan-history', p.pullRequestRef, 'refs/siteplan/plans/github-pr-666'].sort()

        when: 'the compliance job runs after the drills, in a fresh clone of its own'
        def compliance = job(p.install.compliance, remotes, 'compliance', p.lines.compliance, p.events.schedule + today)

        then: 'it reads the drills from the history remote: every plan drilled, the gate passes'
        assert compliance.every { it.exit == 0 }: transcript(compliance)
        compliance[1].output.contains('Wrote compliance.html: 0 failing, 0 at risk, 2 ok of 2 recovery plans.')
        Files.readString(compliance[0].clone.resolve('compliance.md')) =~ /\| erp-failover \| \*\*ok\*\* \| \d{4}-\d\d-\d\d passed, objectives met \|/

        where:
        ci << ['github', 'gitlab']
    }

    def "a saved plan applied in a fresh clone is compared with the state that travelled: made against an older state, it is refused"() {
        given: 'a pull request planned, and its plan applied on merge'
        def p = pipeline('github')
        def remotes = remotes('stale')
        def pr = job(p.install.plan, remotes, 'plan', p.lines.plan, p.events.pr)
        def first = job(p.install.apply, remotes, 'apply', p.lines.apply, p.events.merge, pr[0].clone.resolve('plan.json'))
        assert first.every { it.exit == 0 }: transcript(first)
        def before = log(remotes.history, 'refs/heads/siteplan-history')

        when: 'the same plan is applied again by a merge job in another fresh clone'
        def again = job(p.install.apply, remotes, 'apply-again', p.lines.apply, p.events.merge, pr[0].clone.resolve('plan.json'))

        then: 'it starts from the state the first apply recorded, and refuses the plan made against the older one'
        again[0].exit == 1
        again[0].output.contains("Note: the state of 'vmware-to-azure' is the one apply run ")
        again[0].output =~ /siteplan: the plan plan.json is stale: what exists \(.*\) changed since it was made, perhaps by another apply. Nothing was changed; run siteplan plan again and review the new plan./
        and: 'nothing was recorded or locked'
        log(remotes.history, 'refs/heads/siteplan-history') == before
        !refs(remotes.history).any { it.startsWith('refs/siteplan/locks/') }
    }

    def "a pull-request job may not drill, push history or remove a lock: refused before the lock, with the ref it may write"() {
        given:
        def p = pipeline('github')
        def remotes = remotes('pr-refused')

        when:
        def r = job(p.install.drill, remotes, 'pr-drill', ['siteplan drill $ESTATE --recovery-plan erp-failover --ack --push', 'siteplan history $ESTATE --push',
                                                        'siteplan force-unlock 0123456789ab $ESTATE --force'], p.events.pr)

        then:
        r.every { it.exit == 1 }
        r[0].output.contains('siteplan: drill refused: this is a pull-request job (GITHUB_EVENT_NAME=pull_request), and the history remote\'s branch, lock and records'
                + ' are written only by jobs of the protected branch; a pull-request job plans, and with --push stores its plan under refs/siteplan/plans/github-pr-7. Nothing was changed.')
        r[1].output.contains('siteplan: history --push refused: this is a pull-request job')
        r[2].output.contains('siteplan: force-unlock refused: this is a pull-request job')
        refs(remotes.history).isEmpty()
    }
}
