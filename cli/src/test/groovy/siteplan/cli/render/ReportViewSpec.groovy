package siteplan.cli.render

import siteplan.executor.drill.ActionOutcome
import siteplan.executor.drill.ActionPhase
import siteplan.executor.drill.CheckOutcome
import siteplan.executor.drill.CleanupOutcome
import siteplan.executor.drill.MachineOutcome
import siteplan.executor.drill.RunKind
import siteplan.executor.drill.RunReport
import siteplan.executor.drill.RunStatus
import siteplan.model.ActionKind
import siteplan.model.CheckKind
import spock.lang.Specification

class ReportViewSpec extends Specification {

    static RunReport report(RunStatus status, String reason = null) {
        new RunReport(RunKind.DRILL, "rp-web", "estate", "drill-net", "latest", status, reason, "2026-01-01T00:00:00Z", "simulated",
                600, 120,
                [new RunReport.Group(1, 0, 600,
                        [new RunReport.Action(ActionPhase.BEFORE, ActionKind.MANUAL, "tell <ops> | team", ActionOutcome.DONE, null, 0, 0)],
                        [new RunReport.MachineRun("web-1", [], MachineOutcome.UP, "came up", 10, 300, 120)])],
                [new RunReport.Check(CheckKind.TCP, "web-1", "web-1:443", CheckOutcome.PASSED, null)],
                [new RunReport.Cleanup("web-1", CleanupOutcome.REMOVED, null)], [])
    }

    def "the Markdown view titles the run with its kind and status and escapes table cells"() {
        when:
        def md = ReportView.markdown(report(RunStatus.PASSED))

        then:
        md.startsWith("## Drill of recovery plan rp-web — passed\n")
        md.contains("| Status | **passed** |")
        md.contains("tell <ops> \\| team")
        md.contains("### Smoke checks")
        md.contains("### Cleanup")
    }

    def "the HTML view is one self-contained page that escapes what the estate names"() {
        when:
        def html = ReportView.html(report(RunStatus.FAILED, "web-1 did not come up"))

        then:
        html.startsWith("<!DOCTYPE html>")
        !html.contains("<script")
        html.contains("tell &lt;ops&gt;")
        html.contains("<span class=\"badge bad\">failed</span>")
        html.contains("<div class=\"reason\">web-1 did not come up</div>")
        html.contains("Machines up</span><b>1 / 1</b>")
    }

    def "the report's JSON stays the executor's data"() {
        expect:
        report(RunStatus.PASSED).json().startsWith('{\n  "kind" : "drill",')
    }

    def "a run that measured no RTO says what it did and how long it took; a commit never reads as a failover"() {
        given:
        def commit = report(RunStatus.SUCCEEDED).with(RunKind.COMMIT, RunStatus.SUCCEEDED, null, [])

        expect:
        ReportView.headline(report(RunStatus.PASSED)) == 'Drill passed: measured RTO 10m, achieved RPO 2m'
        ReportView.headline(report(RunStatus.STOPPED, 'interrupted (Ctrl-C)')) == 'Drill stopped: 1 of 1 machine up after 10m — interrupted (Ctrl-C)'
        ReportView.headline(commit) == 'Commit succeeded: 1 of 1 machine committed in 10m'
        ReportView.markdown(commit).contains('| Took | 10m |')
        !ReportView.markdown(commit).contains('RTO')
        ReportView.html(report(RunStatus.FAILED)).contains('<span>Took</span><b>10m</b>')
        !ReportView.html(report(RunStatus.FAILED)).contains('RTO')
    }

    def "the HTML report reflows at narrow widths: the key figures wrap, wide tables and the timeline scroll inside their cards"() {
        when:
        def html = ReportView.html(report(RunStatus.PASSED))

        then:
        html.contains('<meta name="viewport" content="width=device-width, initial-scale=1">')
        html.contains('.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}')
        !html.contains('repeat(4,1fr)')
        html.contains('.card{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:12px 16px;overflow-x:auto}')
        and: 'the steps table keeps its words whole and scrolls in its card; paths and messages with no space to wrap at break anywhere'
        html.contains('td{overflow-wrap:break-word}.steps{min-width:640px}')
        html.contains('h1,.sub,.reason,li{overflow-wrap:anywhere}')
        html.contains('@media (max-width:640px)')
    }
}
