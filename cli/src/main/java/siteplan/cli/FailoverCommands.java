package siteplan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.executor.run.RunFrame;
import siteplan.executor.drill.RecoveryRunner;
import siteplan.executor.drill.RunKind;
import siteplan.executor.drill.RunReport;
import siteplan.executor.provider.Operations;
import siteplan.executor.recovery.MachineStageRun;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.model.PlanMachine;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.ProtectedItem.ActiveLocation;
import siteplan.planner.state.ProtectedItem.ReplicationState;

/**
 * failover, commit, reprotect and failback: the stages of seed 000 (failover) and seeds 001/002
 * (failback = reprotect to on-premises, planned failover back, commit, reprotect to Azure; FB-STAGES).
 */
final class FailoverCommands {
    private FailoverCommands() {}

    /** Options every stage shares. */
    abstract static class Common extends BaseCommand {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders.")
        List<String> paths;

        @Option(names = "--recovery-plan", required = true, paramLabel = "NAME", description = "The recovery plan whose machines this acts on.")
        String recoveryPlan;

        @Option(names = "--parallelism", paramLabel = "N", defaultValue = "10", description = "Machines acted on at once (default: ${DEFAULT-VALUE}).")
        int parallelism;

        @Mixin
        StateOption state;

        @Mixin
        HistoryOptions historyOptions;

        @Mixin
        LockTimeoutOption lockTimeout;
        /** The flags a printed next step repeats after the definition paths (see {@link PrintedCommand}). */
        /** The definition paths and where the state and history are, as the next command of the plan's recovery takes them. */
        String definitionAndLocation() {
            return PrintedCommand.args(paths) + PrintedCommand.locating(List.of(), state, historyOptions);
        }

        List<String> machines(RecoverySession s) {
            return s.plan.groups().stream().flatMap(g -> g.machines().stream()).map(PlanMachine::name).toList();
        }

        /**
         * Runs one machine-by-machine stage under the lock and records it, after the preflight of the rules it
         * names: a reprotect replicates back, so it needs what failback needs (FB-*); a commit needs none of that.
         */
        int stage(RunKind kind, String verb, java.util.function.Predicate<ProtectedItem> ready, String needed,
                  Function<Operations, Function<String, String>> operation, java.util.function.Predicate<String> rules, String next) throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RecoverySession s = RecoverySession.open(kind.token(), paths, state, historyOptions, recoveryPlan, spec.commandLine().getErr());
            RecoverySession.refuse(kind.token() + " of " + recoveryPlan, s.preflight(rules, ready, needed));
            try (RunFrame locked = LockedRun.start(historyOptions, lockTimeout, s.stateDir, s.estate, s.identity(), kind.token(), spec.commandLine().getErr(), PrintedCommand.locating(paths, state, historyOptions));
                 siteplan.executor.provider.Operations ops = s.operations()) {
                locked.beforeRecording(ops::save);
                locked.started();
                out.println(verb + " " + siteplan.text.Plural.of(machines(s).size(), "machine") + " of " + recoveryPlan + " (" + ops.describe() + ")");
                RunReport report = MachineStageRun.run(ops, kind, recoveryPlan, s.estate, machines(s), operation.apply(ops), parallelism, line -> {
                    out.println(line);
                    out.flush();
                });
                boolean ok = report.passed();
                String commit = s.record(locked, report, kind.token() + " " + recoveryPlan + ": " + report.status().token(), Map.of("Siteplan-Recovery-Plan", recoveryPlan));
                RecoverySession.summary(out, locked, report, commit);
                if (ok && next != null) out.println("Next: " + next);
                out.flush();
                return ok ? ExitCode.OK : ExitCode.FAILED;
            }
        }
    }

    @Command(name = "failover", description = {"Fail a recovery plan over to its target (planned or unplanned), group by group, with its steps.",
            "planned: the source is shut down first, no data loss; unplanned (RP-UNPLANNED): for when the source is gone; needs an explicit confirmation."})
    static final class Failover extends Common {
        @Option(names = "--type", required = true, paramLabel = "planned|unplanned", description = "planned or unplanned.")
        RecoveryRunner.Mode mode;

        @Option(names = "--recovery-point", paramLabel = "POINT", defaultValue = "latest", description = "latest, latest-app-consistent or a time, e.g. 2026-11-21T08:00:00Z (default: ${DEFAULT-VALUE}).")
        RecoveryPointChoice recoveryPoint;

        @Option(names = "--confirm-unplanned", description = "Confirm an unplanned failover without a terminal (RP-UNPLANNED).")
        boolean confirmUnplanned;

        @Option(names = "--ack", description = "Acknowledge manual steps without a terminal.")
        boolean ack;

        @Override public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RecoveryPointChoice point = recoveryPoint;
            RecoverySession s = RecoverySession.open("failover", paths, state, historyOptions, recoveryPlan, spec.commandLine().getErr());
            RecoverySession.refuse("failover of " + recoveryPlan, s.preflight(rule -> true,
                    p -> p.state() == ReplicationState.PROTECTED && p.activeLocation() == ActiveLocation.PRIMARY,
                    "a failover needs it protected at its primary site"));
            List<String> notes = new ArrayList<>();
            if (mode == RecoveryRunner.Mode.PLANNED) {
                notes.add("Planned failover: the source machines are shut down and their last changes replicated before they start in " + s.plan.target() + "; no data is lost.");
            } else {
                notes.add("RP-UNPLANNED: an unplanned failover does not shut the source machines down and stops replication; changes after the recovery point ("
                        + point + ") are lost. To lose no data, shut the source machines down first. Afterwards the machines must be protected again (commit, then reprotect).");
            }
            ManualStepPrompter prompter = ManualStepPrompter.onTerminal(out);
            s.requireManualStepsAnswerable("failover of " + recoveryPlan, ack, prompter);
            notes.forEach(n -> out.println("Warning: " + n));
            if (mode == RecoveryRunner.Mode.UNPLANNED && !confirmUnplanned) {
                java.io.Console console = System.console();
                if (console == null || !Siteplan.terminal) {
                    throw new Siteplan.UserError("an unplanned failover needs an explicit confirmation (RP-UNPLANNED): pass --confirm-unplanned; nothing was changed.");
                }
                String typed = console.readLine("Type the recovery plan's name (%s) to fail it over unplanned: ", recoveryPlan);
                if (!recoveryPlan.equals(typed == null ? null : typed.trim())) throw new Siteplan.UserError("not confirmed; nothing was changed.");
            }
            try (RunFrame locked = LockedRun.start(historyOptions, lockTimeout, s.stateDir, s.estate, s.identity(), "failover", spec.commandLine().getErr(), PrintedCommand.locating(paths, state, historyOptions));
                 siteplan.executor.provider.Operations ops = s.operations()) {
                locked.beforeRecording(ops::save);
                locked.started();
                out.println("Failover (" + OptionValues.word(mode) + ") of recovery plan " + recoveryPlan + " to " + s.plan.target() + " (" + ops.describe() + ")");
                RecoveryRunner runner = runner(s, ops, mode, point, ack, prompter, out, locked);
                RunReport ran = runner.run(s.estate);
                RunReport report = ran.with(ran.kind(), ran.status(), ran.reason(), notes);
                // A failover is judged against the plan's objectives as a drill is, and says so; a missed objective does not
                // change its exit code: the machines are up where they failed over to, which is what the operator needs to know first.
                RunObjectives objectives = RunObjectives.judge(s.plan, report, point);
                report = objectives.annotate(report);
                Map<String, String> trailers = new LinkedHashMap<>();
                trailers.put("Siteplan-Recovery-Plan", recoveryPlan);
                RecoverySession.rtoTrailers(report, trailers);
                objectives.trailers(trailers);
                String commit = s.record(locked, report, "failover (" + OptionValues.word(mode) + ") " + recoveryPlan + ": " + report.status().token()
                        + (objectives.overall() == null ? "" : ", objectives " + objectives.overall()), trailers);
                objectives.print(out);
                RecoverySession.summary(out, locked, report, commit);
                if (report.passed()) out.println("Next: check the machines in " + s.plan.target() + ", then: siteplan commit" + definitionAndLocation() + " --recovery-plan " + PrintedCommand.quote(recoveryPlan));
                out.flush();
                return report.passed() ? ExitCode.OK : ExitCode.FAILED;
            }
        }
    }

    /** A failover's runner, stopped by Ctrl-C: what runs is asked to stop, and a manual step's question ends at once. */
    static RecoveryRunner runner(RecoverySession s, Operations ops, RecoveryRunner.Mode mode, RecoveryPointChoice point, boolean ack, ManualStepPrompter prompter,
                                 PrintWriter out, RunFrame locked) {
        RecoveryRunner runner = new RecoveryRunner(s.plan, ops,
                new RecoveryRunner.Options(mode, point, null, ack, prompter, s.definitionDir(), Siteplan.env(), java.time.Duration.ofMinutes(10), 10,
                        locked.run().dir()),
                line -> {
                    out.println(line);
                    out.flush();
                }, s.secrets());
        locked.onInterrupt(() -> {
            runner.cancel();
            if (prompter != null) prompter.cancel();
        });
        return runner;
    }

    @Command(name = "commit", description = "Commit a recovery plan's failover: the machines stay where they failed over to and their earlier recovery points are discarded.")
    static final class Commit extends Common {
        @Override public Integer call() throws Exception {
            return stage(RunKind.COMMIT, "Committing the failover of", p -> p.state() == ReplicationState.FAILED_OVER || p.state() == ReplicationState.FAILOVER_COMMITTED,
                    "commit needs it failed over", ops -> ops.recovery()::commit, rule -> rule.startsWith("RP-"), "siteplan reprotect" + definitionAndLocation() + " --recovery-plan " + PrintedCommand.quote(recoveryPlan));
        }
    }

    /** The rules of the way back: the classic architecture's FB-* and the modernized one's RCM-FAILBACK-*. */
    static boolean failback(String rule) {
        return rule.startsWith("FB-") || rule.startsWith("RCM-FAILBACK-");
    }

    @Command(name = "reprotect", description = "Start replicating a recovery plan's committed machines from where they run now back to their other site.")
    static final class Reprotect extends Common {
        @Override public Integer call() throws Exception {
            return stage(RunKind.REPROTECT, "Reprotecting", p -> p.state() == ReplicationState.FAILOVER_COMMITTED || p.state() == ReplicationState.REPROTECTED,
                    // RP-VAULT-GROUP is about failovers and commits: Site Recovery reprotects a replication group's machines one by one.
                    "reprotect needs its failover committed", ops -> ops.recovery()::reprotect,
                    rule -> (failback(rule) || rule.startsWith("RP-")) && !rule.equals("RP-VAULT-GROUP"), null);
        }
    }

    @Command(name = "failback", description = {"Bring a failed-over recovery plan back to its primary site (the four FB-STAGES).",
            "Reprotect (Azure to on-premises), planned failover back, commit, reprotect (on-premises to Azure); every FB-* rule is checked first."})
    static final class Failback extends Common {
        @Option(names = "--ack", description = "Acknowledge manual steps without a terminal.")
        boolean ack;

        @Override public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RecoverySession s = RecoverySession.open("failback", paths, state, historyOptions, recoveryPlan, spec.commandLine().getErr());
            List<String> problems = new ArrayList<>(s.preflight(rule -> failback(rule) || rule.startsWith("RP-"),
                    p -> p.activeLocation() == ActiveLocation.RECOVERY && (p.state() == ReplicationState.FAILOVER_COMMITTED || p.state() == ReplicationState.REPROTECTED),
                    "failback needs it failed over to the recovery site and committed"));
            RecoverySession.refuse("failback of " + recoveryPlan, problems);
            ManualStepPrompter prompter = ManualStepPrompter.onTerminal(out);
            s.requireManualStepsAnswerable("failback of " + recoveryPlan, ack, prompter);
            try (RunFrame locked = LockedRun.start(historyOptions, lockTimeout, s.stateDir, s.estate, s.identity(), "failback", spec.commandLine().getErr(), PrintedCommand.locating(paths, state, historyOptions));
                 siteplan.executor.provider.Operations ops = s.operations()) {
                locked.beforeRecording(ops::save);
                locked.started();
                out.println("Failback of " + recoveryPlan + " to " + s.plan.source() + " (" + ops.describe() + ")");
                siteplan.executor.recovery.Failback failback = new siteplan.executor.recovery.Failback(ops, recoveryPlan, s.estate, s.plan.source(), s.plan.target(), machines(s), parallelism, line -> {
                    out.println(line);
                    out.flush();
                });
                siteplan.executor.recovery.Failback.Result result = failback.run(() -> {
                    RecoveryRunner runner = runner(s, ops, RecoveryRunner.Mode.PLANNED, RecoveryPointChoice.LATEST, ack, prompter, out, locked);
                    return runner.run(s.estate);
                });
                RunReport finalReport = result.report();
                String commit = s.record(locked, finalReport, "failback " + recoveryPlan + ": " + finalReport.status().token(), Map.of("Siteplan-Recovery-Plan", recoveryPlan));
                RecoverySession.summary(out, locked, finalReport, commit);
                return result.succeeded() ? ExitCode.OK : ExitCode.FAILED;
            }
        }
    }
}
