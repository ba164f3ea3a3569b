package siteplan.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.executor.run.RunFrame;
import siteplan.executor.drill.RecoveryRunner;
import siteplan.executor.drill.RunReport;
import siteplan.executor.provider.RecoveryPointChoice;

@Command(name = "drill", description = {
        "Test-fail-over a recovery plan into its drill network, check it, clean up, and record the report.",
        "Group by group with its steps and smoke checks; cleanup always runs; the report is JSON, Markdown and HTML in history."})
final class DrillCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders.")
    List<String> paths;

    @Option(names = "--recovery-plan", required = true, paramLabel = "NAME", description = "The recovery plan to drill.")
    String recoveryPlan;

    @Option(names = "--network", paramLabel = "NAME", description = "Isolated network for the test VMs (default: the plan's drill network).")
    String network;

    @Option(names = "--recovery-point", paramLabel = "POINT", defaultValue = "latest", description = "latest, latest-app-consistent or a time (default: ${DEFAULT-VALUE}).")
    RecoveryPointChoice recoveryPoint;

    @Option(names = "--ack", description = "Acknowledge manual steps without a terminal (CI). Without it, a manual step stops the drill safely.")
    boolean ack;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "10", description = "Machines of a group failed over at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--script-timeout", paramLabel = "DURATION", defaultValue = "10m", description = "Timeout of a script step that declares none (default: ${DEFAULT-VALUE}).")
    java.time.Duration scriptTimeout;

    @Option(names = "--note", paramLabel = "TEXT", description = "An attestation kept with the drill in history and shown in its report, signed with the git"
            + " identity (GIT_AUTHOR_NAME, or the CI's user): what was checked by hand, the ticket it answers.")
    String note;

    @Mixin
    StateOption state;

    @Mixin
    HistoryOptions historyOptions;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (parallelism < 1) throw new Siteplan.UserError("--parallelism must be at least 1, not " + parallelism);
        String attestation = attestation(note);
        RecoverySession session = RecoverySession.open("drill", paths, state, historyOptions, recoveryPlan, spec.commandLine().getErr());
        String net = network != null ? network : session.plan.drill() != null ? session.plan.drill().network() : null;
        if (net == null) throw new Siteplan.UserError("recovery plan " + recoveryPlan + " declares no drill network: add drill { network 'NAME' } or pass --network NAME");
        RecoveryPointChoice point = recoveryPoint;
        java.util.List<String> problems = new java.util.ArrayList<>(session.preflight(rule -> true, siteplan.executor.recovery.Preflight.DRILL));
        isolated(session, net).ifPresent(problems::add);
        RecoverySession.refuse("drill of " + recoveryPlan, problems);
        ManualStepPrompter prompter = ManualStepPrompter.onTerminal(out);
        session.requireManualStepsAnswerable("drill of " + recoveryPlan, ack, prompter);
        try (RunFrame locked = LockedRun.start(historyOptions, lockTimeout, session.stateDir, session.estate, session.identity(), "drill", err, PrintedCommand.locating(paths, state, historyOptions));
             siteplan.executor.provider.Operations ops = session.operations()) {
            locked.beforeRecording(ops::save);
            locked.started();
            out.println("Drill of recovery plan " + recoveryPlan + " into " + net + " (" + ops.describe() + ")");
            out.flush();
            RecoveryRunner runner = new RecoveryRunner(session.plan, ops,
                    new RecoveryRunner.Options(RecoveryRunner.Mode.TEST, point, net, ack, prompter, session.definitionDir(), Siteplan.env(),
                            scriptTimeout, parallelism, locked.run().dir()),
                    line -> {
                        out.println(line);
                        out.flush();
                    }, session.secrets());
            locked.onInterrupt(() -> {
                runner.cancel();
                if (prompter != null) prompter.cancel();
            });
            RunReport report = runner.run(session.estate);
            // The measures judged against the plan's declared objectives: a drill that misses one fails (exit 4), after its cleanup.
            RunObjectives objectives = RunObjectives.judge(session.plan, report, point);
            report = objectives.annotate(report);
            String signer = locked.history().identityName();
            if (attestation != null) {
                List<String> notes = new java.util.ArrayList<>(report.notes());
                notes.add("Attested by " + signer + ": " + attestation);
                report = report.with(report.kind(), report.status(), report.reason(), notes);
                out.println("Attested by " + signer + ": " + attestation);
            }
            Map<String, String> trailers = new LinkedHashMap<>();
            trailers.put("Siteplan-Recovery-Plan", recoveryPlan);
            if (attestation != null) {
                trailers.put("Siteplan-Note", attestation);
                trailers.put("Siteplan-Attested-By", signer);
            }
            RecoverySession.rtoTrailers(report, trailers);
            objectives.trailers(trailers);
            String commit = session.record(locked, report, "drill " + recoveryPlan + ": " + report.status().token()
                    + (siteplan.cli.render.ReportView.measuresRto(report) ? " (RTO " + siteplan.executor.Times.human(report.rtoSeconds()) + ")" : "")
                    + (objectives.overall() == null ? "" : ", objectives " + objectives.overall()), trailers);
            objectives.print(out);
            RecoverySession.summary(out, locked, report, commit);
            return report.passed() && !objectives.missed() ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    /** The longest note: a sentence or two and a ticket, not a document (the report and the run's folder hold those). */
    static final int MAX_NOTE = 500;

    /** The note as one printable line a git trailer can hold, or null when none; refused when it says nothing or too much. */
    static String attestation(String note) {
        if (note == null) return null;
        String line = siteplan.text.Printable.of(note.replaceAll("\\s+", " ").strip());
        if (line.isEmpty()) throw new Siteplan.UserError("--note is empty: say what was checked, e.g. --note 'order intake verified by the DBA on call, CHG-1234'");
        if (line.length() > MAX_NOTE) throw new Siteplan.UserError("--note has " + line.length() + " characters; keep it to " + MAX_NOTE + " (a sentence and a ticket)");
        return line;
    }

    /**
     * A test failover joins an isolated network, so the test VMs never meet the machines they copy: an Azure network
     * of the target must be declared `drill true` and exist. (A VMM VM network carries no such flag; it is not checked.)
     */
    static java.util.Optional<String> isolated(RecoverySession s, String network) {
        // A plan into a VMM site drills into its VM network, even where the vault's Azure target shares the site's name.
        if (s.loaded.estate().vmmSites().stream().anyMatch(v -> v.name().equals(s.plan.target()))) return java.util.Optional.empty();
        var target = s.loaded.estate().azure().stream().filter(t -> t.name().equals(s.plan.target())).findFirst();
        if (target.isEmpty()) return java.util.Optional.empty();
        var declared = target.get().networks().stream().filter(n -> n.name().equals(network)).findFirst();
        if (declared.isEmpty()) {
            return java.util.Optional.of("drill network " + network + " is not a network of " + target.get().name() + ": declare it there with drill true, or pass --network with one that is");
        }
        if (!declared.get().drill()) {
            return java.util.Optional.of("drill network " + network + " is not isolated: test VMs there would meet the machines they copy; declare a network with drill true for drills");
        }
        boolean exists = s.discovered.azure(target.get().name()).map(a -> a.networks().stream().anyMatch(n -> n.name().equals(network))).orElse(false);
        if (!exists) return java.util.Optional.of("drill network " + network + " does not exist yet: apply the plan that creates it first");
        return java.util.Optional.empty();
    }
}
