package siteplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import siteplan.executor.run.RunFrame;
import siteplan.cli.render.ReportView;
import siteplan.executor.drill.RecoveryRunner;
import siteplan.executor.drill.RunReport;
import siteplan.executor.recovery.Preflight;
import siteplan.executor.secrets.Secrets;
import siteplan.executor.provider.Operations;
import siteplan.model.RecoveryPlan;
import siteplan.planner.plan.Plan;
import siteplan.planner.plan.Planner;
import siteplan.planner.rules.Profile;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.ProtectedItem;
import siteplan.dsl.load.DefinitionLoader;

/**
 * What drill, failover, commit, reprotect and failback share: load the definition, discover, find the
 * recovery plan, run the executor's preflight, and record the run's report in history.
 */
final class RecoverySession {
    final DefinitionLoader.Loaded loaded;
    final RecoveryPlan plan;
    final Path stateDir;
    final DiscoveredState discovered;
    final Plan rules;
    final String estate;

    private RecoverySession(DefinitionLoader.Loaded loaded, RecoveryPlan plan, Path stateDir, DiscoveredState discovered, Plan rules, String estate) {
        this.loaded = loaded;
        this.plan = plan;
        this.stateDir = stateDir;
        this.discovered = discovered;
        this.rules = rules;
        this.estate = estate;
    }

    /** Opens the session of a run of {@code kind} (drill, failover, commit…), after the checks that need nothing read. */
    static RecoverySession open(String kind, List<String> paths, StateOption state, HistoryOptions history, String recoveryPlan, PrintWriter err) {
        history.refuseInPullRequestJob(kind);
        Path stateDir = state.resolve(paths);
        history.takeRecordedState(stateDir, paths, err, false);
        DefinitionLoader.Loaded loaded = DefinitionLoader.load(paths, PlanningInputs.cache(paths));
        RecoveryPlan plan = loaded.estate().recoveryPlans().stream().filter(p -> p.name().equals(recoveryPlan)).findFirst()
                .orElseThrow(() -> new Siteplan.UserError("no recovery plan '" + recoveryPlan + "' in " + String.join(", ", paths) + "; declared: "
                        + String.join(", ", loaded.estate().recoveryPlans().stream().map(RecoveryPlan::name).toList())));
        siteplan.planner.provider.Provider provider = PlanningInputs.provider(stateDir);
        DiscoveredState discovered = PlanningInputs.discover(provider, loaded);
        Plan rules = Planner.plan(paths, loaded.estate(), loaded.sources(), discovered, provider.describe(), siteplan.planner.rules.Profiles.bundled(),
                new Planner.Options(false, Siteplan.today(), Siteplan.version()), new Planner.Digests(loaded.digest(), provider.fingerprint(discovered)), List.of());
        return new RecoverySession(loaded, plan, stateDir, discovered, rules, history.estateName(paths));
    }

    /** The preflight (see {@link Preflight}) of the rules named (or all), for an operation that needs each machine so. */
    List<String> preflight(java.util.function.Predicate<String> ruleFilter, java.util.function.Predicate<ProtectedItem> ready, String needed) {
        return preflight(ruleFilter, new Preflight.Needs(ready, needed));
    }

    List<String> preflight(java.util.function.Predicate<String> ruleFilter, Preflight.Needs needs) {
        return Preflight.problems(rules, discovered, plan, new Preflight.Definition(definitionDir(), loaded.sources()), ruleFilter, needs);
    }

    static void refuse(String what, List<String> problems) {
        if (problems.isEmpty()) return;
        throw new Siteplan.UserError(what + " refused by the preflight; nothing was changed:\n  " + String.join("\n  ", problems));
    }

    Operations operations() {
        PlanningInputs.providers(stateDir).faultsProblem().ifPresent(problem -> {
            throw new Siteplan.UserError(problem);
        });
        return PlanningInputs.operations(stateDir, loaded.estate());
    }

    /** What the estate lock is keyed on (see {@link EstateIdentity}). */
    String identity() {
        return EstateIdentity.of(loaded.estate(), stateDir);
    }

    Path definitionDir() {
        Path p = Path.of(rules.definition().get(0)).toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : p.getParent();
    }

    /**
     * Manual steps need a person: on a terminal one is asked at each; without one, --ack acknowledges them. A plan
     * with manual steps and neither is refused here, before the lock and before any machine fails over.
     */
    void requireManualStepsAnswerable(String what, boolean ack, ManualStepPrompter prompter) {
        if (ack || prompter != null) return;
        List<String> steps = new java.util.ArrayList<>();
        int number = 0;
        for (var g : plan.groups()) {
            number++;
            for (var a : g.before()) if (a.kind() == siteplan.model.ActionKind.MANUAL) steps.add("group " + number + ", before: manual '" + a.value() + "'");
            for (var a : g.after()) if (a.kind() == siteplan.model.ActionKind.MANUAL) steps.add("group " + number + ", after: manual '" + a.value() + "'");
        }
        if (steps.isEmpty()) return;
        throw new Siteplan.UserError(what + " refused: recovery plan " + plan.name() + " has manual steps, and there is no terminal to ask a person on:\n  "
                + String.join("\n  ", steps) + "\nRun it on a terminal, or pass --ack to acknowledge the manual steps as done. Nothing was changed.");
    }

    /** Writes the report in three forms and the model it ran on to the run's folder and commits it; returns the commit. */
    String record(RunFrame locked, RunReport report, String subject, Map<String, String> trailers) throws IOException {
        locked.run().write("model.yaml", siteplan.model.json.EstateWriter.write(loaded.estate(), siteplan.model.json.EstateWriter.Format.YAML));
        locked.run().write("report.json", report.json());
        locked.run().write("report.md", ReportView.markdown(report));
        locked.run().write("report.html", ReportView.html(report));
        return locked.commit(subject, report.status().token(), trailers);
    }

    static void summary(PrintWriter out, RunFrame locked, RunReport report, String commit) {
        out.println();
        out.println(ReportView.headline(report));
        out.println("Report: " + locked.run().dir().resolve("report.html").toAbsolutePath() + " (also report.md, report.json)");
        out.println("Recorded in history as " + commit.substring(0, 12) + ": " + locked.command("history show " + commit.substring(0, 12)));
        out.flush();
    }

    /** The RTO a run's history entry names, when it measured one (see {@link ReportView#measuresRto}). */
    static void rtoTrailers(RunReport report, Map<String, String> trailers) {
        if (!ReportView.measuresRto(report)) return;
        trailers.put("Siteplan-RTO", siteplan.executor.Times.human(report.rtoSeconds()));
        if (report.rpoSeconds() != null) trailers.put("Siteplan-RPO", siteplan.executor.Times.human(report.rpoSeconds()));
    }

    Secrets secrets() {
        return new Secrets(Siteplan.env());
    }
}
