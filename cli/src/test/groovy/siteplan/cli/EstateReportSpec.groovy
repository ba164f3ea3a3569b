package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.LocalDate
import spock.lang.Shared

/**
 * `siteplan report` (issue 15): whether the estate is still recoverable, read from real drills of
 * examples/vmware-to-azure-modernized recorded in its history repository, and the plan's RPO-LAG and RTO-PREDICTED
 * findings. The HTML page is rendered in headless Chromium at a phone's and a desktop's width (BrowserLayout).
 */
class EstateReportSpec extends ExecutorSpecification {
    static final ObjectMapper JSON = new ObjectMapper()
    Path dir

    @Shared
    boolean chromium

    def setupSpec() {
        // What the layout features need, the project's own script installs (as .ci/run does before the build).
        Path script = (Files.isDirectory(Path.of('.ci')) ? Path.of('.ci') : Path.of('../.ci')).resolve('install-chromium')
        def p = new ProcessBuilder('bash', script.toString()).redirectErrorStream(true).start()
        p.inputStream.text
        chromium = p.waitFor() == 0 && BrowserLayout.available()
    }

    def setup() {
        // The report judges today, the day these drills run on.
        env.SITEPLAN_TODAY = LocalDate.now().toString()
        dir = estate('vmware-to-azure-modernized')
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
    }

    void edit(String file, String from, String to) {
        edit(dir, file, from, to)
    }

    void faults(String json) {
        faults(dir, json)
    }

    int drill(String plan) {
        run('drill', dir.toString(), '--recovery-plan', plan, '--ack')
    }

    /**
     * The report.json of each drill the history recorded, oldest first, in the history's order (`history --json` lists
     * the newest first): run folders of one second have names in no particular order.
     */
    List<Map> recordedReports() {
        assert run('history', dir.toString(), '--kind', 'drill', '--json') == ExitCode.OK
        List<Map> entries = JSON.readValue(out, List).reverse()
        entries.collect { JSON.readValue(state(dir).resolve("history/runs/${it.trailers['Siteplan-Run']}/report.json").toFile(), Map) }
    }

    Map report(String... more) {
        assert run(['report', dir.toString(), '--json'] + more.toList() as String[]) == ExitCode.OK
        JSON.readValue(out, Map)
    }

    def "the report's numbers are the recorded drills', plan by plan, worst first"() {
        given: 'two drills of the order system, the second with a slow host under ord-app01; one failed drill of the services'
        assert drill('orders-failover') == ExitCode.OK
        faults('{"slowFailover": {"ord-app01": 900}}')
        assert drill('orders-failover') == ExitCode.OK
        faults('{"testFailover": {"mq01": "the VM did not boot"}}')
        assert drill('services-failover') == ExitCode.FAILED
        List<Map> recorded = recordedReports()
        env.SITEPLAN_TODAY = Instant.parse(recorded[-1].startedAt as String).atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString()

        when:
        Map r = report()

        then: 'the services plan first: its last drill failed'
        r.formatVersion == 1
        r.summary == [plans: 2, failing: 1, atRisk: 0, ok: 1]
        r.plans*.name == ['services-failover', 'orders-failover']
        r.plans[0].status == 'failing'
        r.plans[0].reasons == ['never drilled successfully; its cadence is every 180 days', "its last drill, on ${env.SITEPLAN_TODAY}, failed".toString()]
        r.plans[0].lastDrill.passed == false
        r.plans[0].cadence.state == 'never-drilled'

        and: 'the order system: its two drills, their RTO and RPO exactly as their reports recorded them, against the targets'
        Map orders = r.plans[1]
        orders.status == 'ok'
        orders.rtoTargetSeconds == 7200
        orders.rpoTargetSeconds == 1800
        orders.trend*.rtoSeconds == recorded.findAll { it.recoveryPlan == 'orders-failover' }*.rtoSeconds
        orders.trend*.rpoSeconds == recorded.findAll { it.recoveryPlan == 'orders-failover' }*.rpoSeconds
        // The slow host lengthens group 2's longest chain of machines, not by all of its 900 s.
        orders.trend[1].rtoSeconds > orders.trend[0].rtoSeconds
        orders.trend*.objectivesMet == [true, true]
        orders.lastDrill.commit == orders.trend[1].commit
        orders.cadence.state == 'within'
        orders.cadence.lastPassed == env.SITEPLAN_TODAY

        and: "the second drill was predicted from the first alone: it could not know of the slow host"
        orders.trend[0].predictedRtoSeconds != null
        orders.trend[1].predictedRtoSeconds == orders.trend[0].rtoSeconds

        and: 'the prediction now learns from both, and says so'
        orders.predictedRto.basis == 'history'
        orders.predictedRto.runs == 3
        orders.predictedRto.text.startsWith('from 3 recorded runs, its error not yet measured')
    }

    def "with --check the report is the gate of a compliance job: exit 4 while a plan is failing, 0 once every plan is drilled"() {
        given:
        assert drill('orders-failover') == ExitCode.OK
        Path html = tmp.resolve('site/compliance.html')
        Files.createDirectories(html.parent)

        when:
        int code = run('report', dir.toString(), '-o', html.toString(), '--check')

        then: 'the report is written, then the check fails naming the plan and why'
        code == ExitCode.FAILED
        out.trim() == "Wrote ${html}: 1 failing, 0 at risk, 1 ok of 2 recovery plans."
        err.contains('Compliance check failed: services-failover (never drilled successfully; its cadence is every 180 days).')
        Files.readString(html).contains('<h1>Recoverability of vmware-to-azure-modernized</h1>')

        when:
        assert drill('services-failover') == ExitCode.OK
        code = run('report', dir.toString(), '-o', html.toString(), '--check')

        then:
        code == ExitCode.OK
        out.trim() == "Wrote ${html}: 0 failing, 0 at risk, 2 ok of 2 recovery plans."
    }

    def "a drill that missed its RTO fails the plan until a drill meets it"() {
        given: 'an RTO the drill cannot meet'
        edit('recovery-plans.groovy', 'rto 2.hours', 'rto 20.minutes')
        assert drill('orders-failover') == ExitCode.FAILED

        when:
        Map r = report()

        then:
        Map orders = r.plans.find { it.name == 'orders-failover' }
        orders.status == 'failing'
        orders.reasons.any { it ==~ /its last drill, on .*, missed its RTO target \(\d+m( \d+s)? against 20m\)/ }
        orders.lastDrill.objectivesMet == false
        orders.reasons.any { it.startsWith('never drilled successfully') }
    }

    def "Markdown for a job summary: one row per plan, then each plan's reasons and recent runs"() {
        given:
        assert drill('orders-failover') == ExitCode.OK

        when:
        int code = run('report', dir.toString(), '--markdown')

        then:
        code == ExitCode.OK
        out.startsWith('# Recoverability of vmware-to-azure-modernized\n\n**1 failing, 0 at risk, 1 ok of 2 recovery plans**')
        out.contains('| services-failover | **failing** | never |')
        out =~ /\| orders-failover \| \*\*ok\*\* \| \d{4}-\d\d-\d\d passed, objectives met \| \d+m( \d+s)? \(2h\) \|/
        out.contains('## services-failover — failing\n\n- never drilled successfully; its cadence is every 180 days')
    }

    def "what the report cannot do is said, and nothing is written"() {
        given:
        Path html = tmp.resolve('r.html')

        expect: 'a definition that does not exist'
        run('report', tmp.resolve('nowhere').toString(), '-o', html.toString()) == ExitCode.INVALID_INPUT
        !Files.exists(html)

        and: 'two forms at once'
        run('report', dir.toString(), '--json', '--markdown') == ExitCode.INVALID_INPUT
        err.contains('--json')

        and: 'a report records nothing, so it pushes nothing'
        run('report', dir.toString(), '--push') == ExitCode.INVALID_INPUT
        err.contains('report records nothing in history: --push does not apply to it')
    }

    def "the HTML report reads on a phone and on a desktop: nothing wider than the screen, no box over another"() {
        given: 'a history with every part of the page: drills passed and failed, a changed plan, replication behind'
        assert drill('orders-failover') == ExitCode.OK
        faults('{"slowFailover": {"ord-sql01": 1200}}')
        assert drill('orders-failover') == ExitCode.OK
        faults('{"testFailover": {"mq01": "the VM did not boot: no bootable disk was found on the replica, check the boot disk of the source machine"}}')
        assert drill('services-failover') == ExitCode.FAILED
        faults('{"replicationLag": {"ord-sql01": 4000}}')
        edit('machines.groovy', 'windowsServer([d: 1500, e: 600, l: 300], 8)', 'windowsServer([d: 1800, e: 600, l: 300], 8)')
        Path html = tmp.resolve('report.html')
        assert run('report', dir.toString(), '-o', html.toString()) == ExitCode.OK
        String page = Files.readString(html)
        assert page.contains('Changed since its last successful drill')
        assert page.contains('RPO-LAG')

        expect: 'Chromium is here (.ci/install-chromium installs it)'
        chromium

        when:
        def phone = BrowserLayout.check(html, 375)
        def desktop = BrowserLayout.check(html, 1280)

        then:
        phone.ok()
        desktop.ok()
    }

    def "the drill report reads on a phone and on a desktop too"() {
        given: 'a drill whose check fails with a long message, and one that passes'
        faults('{"testFailover": {"ord-app02": "' + ('the VM did not boot: ' * 30) + '"}}')
        drill('orders-failover')
        faults('{}')
        drill('orders-failover')
        List<Path> pages = Files.list(state(dir).resolve('history/runs')).withCloseable { s -> s.filter { it.fileName.toString().contains('-drill-') }.toList() }
                .collect { it.resolve('report.html') }

        expect:
        chromium
        pages.size() == 2
        pages.every { p -> [375, 1280].every { w -> def r = BrowserLayout.check(p, w); assert r.ok(), "${p.parent.fileName}: ${r}"; true } }
    }

    def "the history is read as data: a commit's word alone is no drill, and a note cannot become Markdown"() {
        given: 'a drill with a note written as Markdown, and a commit on the history branch that only says services-failover was drilled'
        assert run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack', '--note', '![t](https://evil.example/t.png) [x](http://e) ## done') == ExitCode.OK
        Path history = state(dir).resolve('history')
        def git = { String... a -> def p = new ProcessBuilder(['git', '-C', history.toString()] + a.toList()).redirectErrorStream(true).start(); p.inputStream.text; assert p.waitFor() == 0 }
        git('-c', 'user.name=mallory', '-c', 'user.email=m@example.com', 'commit', '--allow-empty', '-q', '-m',
                'drill services-failover: passed\n\nSiteplan-Kind: drill\nSiteplan-Estate: vmware-to-azure-modernized\nSiteplan-Status: passed\n'
                        + 'Siteplan-Run: 20261203-000000-drill-ffff\nSiteplan-Recovery-Plan: services-failover\nSiteplan-Objectives: met\n')

        when:
        int code = run('report', dir.toString(), '--markdown', '--check')

        then: 'services-failover is still never drilled, and the gate fails on it'
        code == ExitCode.FAILED
        out.contains('| services-failover | **failing** | never |')

        and: 'the note is shown as the text it is'
        out.contains('- Attested: \\!\\[t\\](https://evil.example/t.png) \\[x\\](http://e) \\#\\# done — ')
        !out.contains('![t]')
    }
}
