package siteplan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.executor.run.RunFrame;
import siteplan.cli.render.HumanView;
import siteplan.executor.apply.Applier;
import siteplan.executor.apply.ApplyGate;
import siteplan.executor.apply.ApplyRefused;
import siteplan.executor.apply.ApplyResult;
import siteplan.executor.apply.Journal;
import siteplan.executor.apply.OperationGraph;
import siteplan.executor.apply.SavedPlanCheck;
import siteplan.executor.secrets.Secrets;
import siteplan.planner.plan.Plan;
import siteplan.planner.plan.PlanJson;
import siteplan.planner.plan.Planner;
import siteplan.planner.rules.Profile;
import siteplan.planner.state.DiscoveredState;
import siteplan.dsl.load.DefinitionLoader;
import siteplan.model.json.EstateWriter;

@Command(name = "apply", description = {
        "Carry out a saved plan and nothing else (refused when stale), or plan, show and ask first.",
        "`siteplan apply plan.json [PATH…]` plans again and applies only if the changes are exactly the saved ones; `siteplan apply PATH…` plans, shows the plan and asks (--auto-approve in CI)."})
final class ApplyCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PLAN.json|PATH", description = "A plan saved with `siteplan plan -out` (then, optionally, the definition it was made of), or definition files or folders.")
    List<String> args;

    @Mixin
    StateOption state;

    @Mixin
    HistoryOptions historyOptions;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    TargetOption target;

    @Option(names = {"--auto-approve", "-auto-approve"}, description = "Apply without asking (for CI). Without a terminal siteplan never asks, so this is required there.")
    boolean autoApprove;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "10", description = "Operations run at once, at most (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "6", description = "Retries of a throttled or timed-out call, with exponential backoff and jitter (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--retry-delay", paramLabel = "DURATION", defaultValue = "1s", description = "First retry delay; it doubles up to --retry-max-delay (default: ${DEFAULT-VALUE}).")
    Duration retryDelay;

    @Option(names = "--retry-max-delay", paramLabel = "DURATION", defaultValue = "30s", description = "Longest retry delay (default: ${DEFAULT-VALUE}).")
    Duration retryMaxDelay;

    @Option(names = "--allow-destroy", description = "Accept changes that disable protection and lose recovery points. Needed here even when the saved plan was made with it; preventDestroy refuses them always.")
    boolean allowDestroy;

    @picocli.CommandLine.Mixin
    ProfileOption profile;

    @Override public Integer call() throws Exception {
        try {
            return apply();
        } catch (ApplyRefused e) {
            throw new Siteplan.UserError(e.getMessage());
        }
    }

    private int apply() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (parallelism < 1) throw new Siteplan.UserError("--parallelism must be at least 1, not " + parallelism);
        historyOptions.refuseInPullRequestJob("apply");
        if (retries < 0) throw new Siteplan.UserError("--retries must be 0 or more, not " + retries);
        if (args.size() == 1 && args.get(0).endsWith(".json") && !Files.exists(Path.of(args.get(0)))) {
            throw new Siteplan.UserError("no plan file " + args.get(0) + " — save one with: siteplan plan PATH -out " + args.get(0));
        }
        Applier.Options options = new Applier.Options(parallelism, new Applier.Retry(retries, retryDelay, retryMaxDelay));
        boolean saved = args.size() == 1 ? args.get(0).endsWith(".json") && Files.isRegularFile(Path.of(args.get(0))) : SavedPlanCheck.looksLikePlan(args.get(0));
        Plan plan;
        DefinitionLoader.Loaded loaded;
        Path stateDir;
        List<String> definition;
        if (saved) {
            String file = args.get(0);
            Plan reviewed = PlanFiles.read(Path.of(file));
            List<String> targets = SavedPlanCheck.targets(file, reviewed, target.given());
            definition = SavedPlanCheck.definition(file, reviewed, args.subList(1, args.size()));
            stateDir = state.resolve(definition);
            historyOptions.takeRecordedState(stateDir, definition, err, false);
            loaded = loadDefinition(definition, stateDir);
            SavedPlanCheck.requireSameDefinition(file, reviewed, definition, loaded.digest());
            siteplan.planner.provider.Provider provider = PlanningInputs.provider(stateDir);
            DiscoveredState discovered = PlanningInputs.discover(provider, loaded);
            SavedPlanCheck.requireSameEstate(file, reviewed, provider.describe(), PlanFiles.stateDir(reviewed)
                    .map(dir -> "siteplan apply " + PrintedCommand.quote(file) + PrintedCommand.args(definition) + " --state " + PrintedCommand.quote(dir)).orElse(null));
            String fingerprint = provider.fingerprint(discovered);
            SavedPlanCheck.requireSameState(file, reviewed, fingerprint, provider.describe());
            // The changes carried out are the ones planned here and now, from this command line; the file only has to agree.
            plan = plan(definition, stateDir, loaded, discovered, provider.describe(), fingerprint, targets);
            SavedPlanCheck.requireSame(file, reviewed, plan);
            SavedPlanCheck.destroyGate(file, plan, allowDestroy);
            if (!plan.applicable()) {
                throw new Siteplan.UserError("not applying " + file + ": planned again now, it has error findings: " + String.join("; ", plan.findings().stream()
                        .filter(f -> f.severity() == siteplan.planner.rules.Severity.ERROR).map(f -> f.rule() + " " + f.message()).toList())
                        + ". Nothing was changed; fix them and plan again.");
            }
        } else {
            definition = args;
            stateDir = state.resolve(args);
            historyOptions.takeRecordedState(stateDir, args, err, false);
            loaded = loadDefinition(args, stateDir);
            siteplan.planner.provider.Provider provider = PlanningInputs.provider(stateDir);
            DiscoveredState discovered = PlanningInputs.discover(provider, loaded);
            plan = plan(args, stateDir, loaded, discovered, provider.describe(), provider.fingerprint(discovered), target.given());
            out.print(HumanView.render(plan, Siteplan.colour()));
            out.flush();
            if (!plan.applicable()) return ExitCode.INVALID_INPUT;
            SavedPlanCheck.destroyGate("the plan", plan, allowDestroy);
            if (!plan.summary().hasChanges()) {
                out.println(plan.targeted() ? "Nothing to apply: " + HumanView.targets(plan) + " are as declared." : "Nothing to apply: the estate is as declared.");
                return ExitCode.OK;
            }
            if (!confirm(out, plan)) {
                err.println("siteplan: apply cancelled; nothing was changed.");
                return ExitCode.INVALID_INPUT;
            }
        }
        if (!plan.summary().hasChanges()) {
            out.println("Nothing to apply: the plan has no changes.");
            return ExitCode.OK;
        }
        String estate = historyOptions.estateName(definition);
        Secrets secrets = new Secrets(Siteplan.env());
        try {
            PlanningInputs.providers(stateDir).checkSettings();
        } catch (IllegalArgumentException e) {
            throw new Siteplan.UserError(e.getMessage());
        }
        OperationGraph graph = OperationGraph.of(plan.changes(), loaded.estate());
        ApplyGate.requireCredentials(graph, loaded.estate(), secrets);
        PlanningInputs.providers(stateDir).faultsProblem().ifPresent(problem -> {
            throw new Siteplan.UserError(problem);
        });
        // Checked again under the lock: another run may have changed the estate since this plan was made.
        Path dir = stateDir;
        DefinitionLoader.Loaded model = loaded;
        String planned = plan.stateFingerprint();
        Runnable stillCurrent = () -> {
            siteplan.planner.provider.Provider provider = PlanningInputs.provider(dir);
            ApplyGate.requireUnchanged(planned, () -> provider.fingerprint(PlanningInputs.discover(provider, model)), provider.describe());
        };
        try (RunFrame locked = LockedRun.start(historyOptions, lockTimeout, stateDir, estate, EstateIdentity.of(loaded.estate(), stateDir), "apply", err, PrintedCommand.locating(definition, state, historyOptions), stillCurrent);
             siteplan.executor.provider.Operations ops = PlanningInputs.operations(stateDir, loaded.estate())) {
            locked.beforeRecording(ops::save);
            boolean simulated = ops.jobs().clock().simulated();
            try {
                locked.run().write("plan.json", PlanJson.write(plan));
                locked.run().write("model.yaml", EstateWriter.write(loaded.estate(), EstateWriter.Format.YAML));
            } catch (java.io.IOException e) {
                throw new Siteplan.UserError("cannot write the run's files to the history repository " + locked.history().dir() + " (" + e.getMessage()
                        + "); check that its disk is not full and it is writable. Nothing was changed.");
            }
            locked.started();
            ApplyResult result;
            try (Journal journal = new Journal(locked.run().dir().resolve(Journal.FILE), secrets::redact)) {
                Applier applier = new Applier(ops.changes(), ops.jobs(), secrets, journal, new ProgressReporter(out, Siteplan.terminal, simulated), options);
                locked.onInterrupt(applier::cancel);
                out.println("Applying " + siteplan.text.Plural.of(graph.size(), "change") + " to " + estate + " (" + ops.describe() + ", parallelism " + parallelism
                        + ops.jobs().clock().pace().map(p -> ", " + p).orElse("") + ")");
                out.flush();
                List<String> protectedMachines = siteplan.model.Membership.of(loaded.estate()).protectedMachines();
                result = applier.run(graph, protectedMachines);
            }
            String summary = "Apply " + result.status().token() + ": " + result.changed() + " changed, " + result.already() + " already so, " + result.failed() + " failed, "
                    + result.skipped() + " skipped; took " + result.simulatedDuration() + (simulated ? " of simulated time" : "") + ".";
            String commit;
            try {
                locked.run().write("result.json", secrets.redact(siteplan.model.json.ModelJson.JSON.writeValueAsString(result)) + "\n");
                Map<String, String> trailers = new LinkedHashMap<>();
                trailers.put("Siteplan-Changes", result.changed() + " changed, " + result.already() + " already, " + result.failed() + " failed, " + result.skipped() + " skipped");
                commit = locked.commit("apply " + estate + ": " + result.status().token() + " (" + result.changed() + " changed, " + result.failed() + " failed)", result.status().token(), trailers);
            } catch (java.io.IOException | RuntimeException e) {
                // The operations happened: say what they did, and where their journal is, even though history could not take it.
                out.println();
                out.println(summary);
                out.flush();
                err.println("siteplan: the apply ran, but history could not record it (" + e.getMessage() + "); its journal is "
                        + locked.run().dir().resolve(Journal.FILE) + ". Check that the history repository " + locked.history().dir()
                        + " is writable and its disk is not full; the next run records this one as interrupted.");
                err.flush();
                return ExitCode.FAILED;
            }
            out.println();
            out.println(summary);
            out.println("Recorded in history as " + commit.substring(0, 12) + " (run " + locked.run().id() + "): " + locked.command("history show " + commit.substring(0, 12)));
            if (!result.succeeded()) out.println("Fix what failed and run " + (saved ? "siteplan plan again" : "siteplan apply again") + ": what is done is not done twice.");
            if (plan.targeted()) {
                out.println("Warning: -target was in effect: only the changes of " + HumanView.targets(plan) + " were applied; " + siteplan.text.Plural.of(plan.changesLeftOut(), "other change")
                        + " of the definition " + (plan.changesLeftOut() == 1 ? "was" : "were") + " left out. See what remains with: siteplan plan"
                        + PrintedCommand.locating(definition, state, historyOptions));
            }
            out.flush();
            return result.succeeded() ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    /** The plan apply carries out, made here from its own command line (and, for a saved plan, that plan's targets). */
    /** Planned with the drills history recorded: a mandatory drill cadence that is overdue stops apply (DRILL-OVERDUE). */
    private Plan plan(List<String> definition, Path stateDir, DefinitionLoader.Loaded loaded, DiscoveredState discovered, String provider, String fingerprint, List<String> targets) {
        try {
            return Planner.plan(definition, loaded.estate(), loaded.sources(), discovered, provider, profile.profiles(),
                    new Planner.Options(allowDestroy, Siteplan.today(), Siteplan.version(), RecordedDrills.read(historyOptions, stateDir, historyOptions.estateName(definition), RecordedDrills.planNames(loaded.estate())),
                            ReplicationLags.read(stateDir, loaded.estate(), provider, new java.io.PrintWriter(java.io.Writer.nullWriter()))),
                    new Planner.Digests(loaded.digest(), fingerprint), targets);
        } catch (siteplan.planner.plan.Targets.UnknownTarget e) {
            throw TargetOption.unknown(e);
        }
    }

    private DefinitionLoader.Loaded loadDefinition(List<String> paths, Path stateDir) {
        for (String p : paths) {
            if (!Files.exists(Path.of(p))) throw new Siteplan.UserError("the definition " + p + " does not exist (run siteplan from the folder the plan was made in)");
        }
        return DefinitionLoader.load(paths, PlanningInputs.cache(paths));
    }

    /** Asks on the terminal; without one, only --auto-approve proceeds. */
    private boolean confirm(PrintWriter out, Plan plan) {
        if (autoApprove) return true;
        java.io.Console console = System.console();
        if (console == null || !Siteplan.terminal) {
            throw new Siteplan.UserError("not applying without approval: there is no terminal to ask on. Review the plan and pass --auto-approve, or apply a saved plan.");
        }
        out.flush();
        long changes = plan.changes().stream().filter(c -> c.action() != siteplan.planner.diff.Action.NO_OP).count();
        String answer = console.readLine("%nApply " + (changes == 1 ? "this change" : "these " + changes + " changes") + "? Only 'yes' is accepted: ");
        return "yes".equals(answer == null ? null : answer.trim());
    }
}
