package siteplan.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.cli.render.EstateReportView;
import siteplan.dsl.load.DefinitionLoader;
import siteplan.planner.report.EstateReport;

/**
 * Whether the estate is still recoverable, from what its history recorded: one page for the people who answer for it,
 * and with --check the gate of a scheduled compliance job. Reads only: the definition, the history, and the machines'
 * recovery-point ages from the provider.
 */
@Command(name = "report", description = {"Report whether the estate is still recoverable: per recovery plan its last drill and verdict, RTO and RPO against "
        + "their targets with a trend over past drills and failovers, drill cadence, predicted RTO, replication lag and what changed since its last "
        + "successful drill, worst first. One self-contained HTML page (or --json, --markdown), to -o FILE or standard output.",
        "With --check, exits 4 when a plan is failing: overdue, never drilled successfully though it has a cadence, or its last drill failed or missed its RTO or RPO."})
final class ReportCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders (.groovy, .yaml, .json).")
    List<String> paths;

    @Mixin
    StateOption state;

    @Mixin
    HistoryOptions historyOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (written whole or not at all) instead of standard output.")
    Path output;

    @ArgGroup(exclusive = true)
    Form form;

    static final class Form {
        @Option(names = "--json", description = "The report as JSON (formatVersion " + EstateReport.FORMAT_VERSION + ").")
        boolean json;

        @Option(names = "--markdown", description = "The report as Markdown, for a pull request or a CI job's summary.")
        boolean markdown;
    }

    @Option(names = "--check", description = "Exit 4 when a recovery plan is failing (see above): the gate of a scheduled compliance job. The report is written first.")
    boolean check;

    @Override public Integer call() throws Exception {
        if (historyOptions.push) throw new Siteplan.UserError("report records nothing in history: --push does not apply to it");
        Path stateDir = state.resolve(paths);
        historyOptions.takeRecordedState(stateDir, paths, err(), true);
        DefinitionLoader.Loaded loaded = DefinitionLoader.load(paths, PlanningInputs.cache(paths));
        loaded.notes().forEach(n -> err().println("Note: " + n + "."));
        List<String> untrusted = PlanningInputs.untrusted(loaded);
        if (!untrusted.isEmpty()) throw new Siteplan.UserError(String.join("\n", untrusted));
        String estate = historyOptions.estateName(paths);
        siteplan.planner.rules.DrillHistory drills = RecordedDrills.read(historyOptions, stateDir, estate, RecordedDrills.planNames(loaded.estate()));
        siteplan.planner.rules.ReplicationLag lag = ReplicationLags.read(stateDir, loaded.estate(), PlanningInputs.provider(stateDir).describe(), err());
        EstateReport report = EstateReport.build(estate, loaded.estate(), drills, lag, Siteplan.today());
        String text = form != null && form.json ? EstateReportView.json(report) : form != null && form.markdown ? EstateReportView.markdown(report) : EstateReportView.html(report);
        if (output != null) {
            AtomicFiles.write(output, text);
            out().println("Wrote " + output + ": " + EstateReportView.headline(report) + ".");
        } else {
            out().print(text);
        }
        out().flush();
        if (check && report.summary().failing() > 0) {
            err().println("Compliance check failed: " + report.plans().stream().filter(p -> p.status() == EstateReport.Status.FAILING)
                    .map(p -> p.name() + " (" + String.join("; ", p.reasons()) + ")").reduce((a, b) -> a + ", " + b).orElse("") + ".");
            err().flush();
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}
