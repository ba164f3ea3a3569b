package siteplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import siteplan.cli.render.ReportView;
import siteplan.executor.drill.RecoveryRunner;
import siteplan.executor.drill.RunReport;
import siteplan.executor.secrets.Secrets;
import siteplan.executor.sim.SimClock;
import siteplan.executor.provider.Operations;
import siteplan.model.RecoveryPlan;
import siteplan.planner.plan.Plan;
import siteplan.planner.plan.Planner;
import siteplan.planner.rules.Finding;
import siteplan.planner.rules.Profile;
import siteplan.planner.rules.Severity;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.RecoveryVault;
import siteplan.dsl.load.DefinitionLoader;

/**
 * What drill, failover, commit, reprotect and failback share: load the definition, discover, find the
 * recovery plan, run the preflight (the plan's rules, RP-HEALTH, every machine in a state the
 * operation needs), and record the run's report in history.
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

    static RecoverySession open(List<String> paths, StateOption state, HistoryOptions history, String recoveryPlan) {
        Path stateDir = state.resolve(paths);
        DefinitionLoader.Loaded loaded = DefinitionLoader.load(paths, PlanningInputs.cache(paths));
        RecoveryPlan plan = loaded.estate().recoveryPlans().stream().filter(p -> p.name().equals(recoveryPlan)).findFirst()
                .orElseThrow(() -> new Siteplan.UserError("no recovery plan '" + recoveryPlan + "' in " + String.join(", ", paths) + "; declared: "
                        + String.join(", ", loaded.estate().recoveryPlans().stream().map(RecoveryPlan::name).toList())));
        siteplan.planner.provider.Provider provider = PlanningInputs.provider(stateDir);
        DiscoveredState discovered = PlanningInputs.discover(provider, loaded);
        Plan rules = Planner.plan(paths, loaded.estate(), loaded.sources(), discovered, provider.describe(), Profile.load(Profile.DEFAULT),
                new Planner.Options(false, Siteplan.today(), Siteplan.version()), new Planner.Digests(loaded.digest(), provider.fingerprint(discovered)));
        return new RecoverySession(loaded, plan, stateDir, discovered, rules, history.estateName(paths));
    }

    /**
     * The preflight: errors of the rules (those named, or all when none are), RP-HEALTH (the source's
     * configuration server and master targets healthy), and every machine of the plan in an allowed state.
     */
    List<String> preflight(java.util.function.Predicate<String> ruleFilter, java.util.function.Predicate<ProtectedItem> ready, String needed) {
        List<String> problems = new ArrayList<>();
        for (Finding f : rules.findings()) {
            if (f.severity() == Severity.ERROR && ruleFilter.test(f.rule()) && !f.rule().startsWith("PLAN-")) {
                problems.add(f.rule() + " " + f.message() + (f.file() == null ? "" : " (" + f.file() + (f.line() == null ? "" : ", line " + f.line()) + ")"));
            }
        }
        for (RecoveryVault v : discovered.vaults()) {
            v.fabric(plan.source()).ifPresent(fabric -> fabric.servers().stream()
                    .filter(s -> s.role().equals("configuration-server") || s.role().equals("master-target"))
                    .filter(s -> !"healthy".equals(s.health()))
                    .forEach(s -> problems.add("RP-HEALTH " + s.role().replace('-', ' ') + " " + s.name() + " is " + s.health() + "; it must be healthy before a failover")));
        }
        for (var g : plan.groups()) {
            for (var m : g.machines()) {
                ProtectedItem p = discovered.protectedItem(m.name()).orElse(null);
                if (p == null) problems.add(m.name() + " is not protected: apply the plan that protects it first");
                else if (!ready.test(p)) problems.add(m.name() + " is " + p.state().token() + " at the " + p.activeLocation().token() + " site; " + needed);
            }
        }
        return problems;
    }

    static void refuse(String what, List<String> problems) {
        if (problems.isEmpty()) return;
        throw new Siteplan.UserError(what + " refused by the preflight; nothing was changed:\n  " + String.join("\n  ", problems));
    }

    Operations operations() {
        siteplan.executor.sim.Faults.check(stateDir).ifPresent(problem -> {
            throw new Siteplan.UserError(problem);
        });
        try {
            return PlanningInputs.operations(stateDir, loaded.estate(), SimClock.speedFrom(Siteplan.env()));
        } catch (IllegalArgumentException e) {
            throw new Siteplan.UserError(e.getMessage());
        }
    }

    /** What the estate lock is keyed on (see {@link EstateIdentity}). */
    String identity() {
        return EstateIdentity.of(loaded.estate(), stateDir);
    }

    Path definitionDir() {
        Path p = Path.of(rules.definition().get(0)).toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : p.getParent();
    }

    /** Asks on the terminal, when there is one. */
    static RecoveryRunner.Prompter prompter(PrintWriter out) {
        java.io.Console console = System.console();
        if (console == null || !Siteplan.terminal) return null;
        return instruction -> {
            out.flush();
            String a = console.readLine("%n  Manual step: %s%n  Type 'done' when it is done, or 'stop' to stop: ", instruction);
            return a != null && a.trim().equalsIgnoreCase("done");
        };
    }

    /** Writes the report in three forms and the model it ran on to the run's folder and commits it; returns the commit. */
    String record(LockedRun locked, RunReport report, String subject, Map<String, String> trailers) throws IOException {
        locked.run.write("model.yaml", siteplan.model.json.EstateWriter.write(loaded.estate(), siteplan.model.json.EstateWriter.Format.YAML));
        locked.run.write("report.json", report.json());
        locked.run.write("report.md", ReportView.markdown(report));
        locked.run.write("report.html", ReportView.html(report));
        return locked.commit(subject, report.status(), trailers);
    }

    static void summary(PrintWriter out, LockedRun locked, RunReport report, String commit) {
        out.println();
        out.println(report.kind().equals("drill") ? "Drill " + report.status() + ": measured RTO " + siteplan.executor.Times.human(report.rtoSeconds()) + ", achieved RPO "
                + (report.rpoSeconds() == null ? "n/a" : siteplan.executor.Times.human(report.rpoSeconds())) + (report.reason() == null ? "" : " — " + report.reason())
                : "Failover " + report.status() + ": RTO " + siteplan.executor.Times.human(report.rtoSeconds()) + (report.reason() == null ? "" : " — " + report.reason()));
        out.println("Report: " + locked.run.dir().resolve("report.html").toAbsolutePath() + " (also report.md, report.json)");
        out.println("Recorded in history as " + commit.substring(0, 12) + ": siteplan history show " + commit.substring(0, 12));
        out.flush();
    }


    Secrets secrets() {
        return new Secrets(Siteplan.env());
    }
}
