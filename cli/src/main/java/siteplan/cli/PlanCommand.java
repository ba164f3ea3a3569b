package siteplan.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.planner.plan.Plan;
import siteplan.planner.plan.PlanJson;
import siteplan.planner.plan.Planner;
import siteplan.planner.plan.Targets;
import siteplan.planner.rules.Profile;
import siteplan.planner.state.DiscoveredState;
import siteplan.dsl.load.DefinitionLoader;

@Command(name = "plan", description = "Discover what exists, compare it with the definition, check every rule, and show (or save) the plan.")
final class PlanCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders.")
    List<String> paths;

    @Mixin
    StateOption state;

    @Option(names = {"-out", "--out"}, paramLabel = "FILE", description = "Save the plan as JSON for `siteplan apply` and `siteplan show`.")
    Path out;

    @Mixin
    PlanView view;

    @Mixin
    TargetOption target;

    @Option(names = {"--detailed-exitcode", "-detailed-exitcode"}, description = "Exit 0 when there are no changes, 2 when there are, 1 on errors.")
    boolean detailedExitcode;

    @Option(names = "--allow-destroy", description = "Accept changes that disable protection and lose recovery points.")
    boolean allowDestroy;

    @Option(names = "--no-cache", description = "Evaluate the definition even if nothing changed since the last run.")
    boolean noCache;

    @picocli.CommandLine.Mixin
    ProfileOption profile;

    @Mixin
    HistoryOptions historyOptions;

    @Option(names = "--no-history", description = "Do not record a saved plan (-out) in history.")
    boolean noHistory;

    @Override public Integer call() throws Exception {
        view.check(out);
        siteplan.diag.PhaseTimings t = siteplan.diag.PhaseTimings.command(spec.commandLine().getErr());
        siteplan.planner.rules.Profiles p = profile.profiles();
        Path stateDir = state.resolve(paths);
        historyOptions.takeRecordedState(stateDir, paths, spec.commandLine().getErr(), true);
        siteplan.planner.provider.Provider provider = PlanningInputs.provider(stateDir);
        provider.prefetch();
        DefinitionLoader.Loaded loaded = DefinitionLoader.load(paths, noCache ? null : PlanningInputs.cache(paths));
        t.mark("definition");
        loaded.notes().forEach(n -> spec.commandLine().getErr().println("Note: " + n + "."));
        DiscoveredState discovered = PlanningInputs.discover(provider, loaded);
        t.mark("discovery");
        Plan plan;
        try {
            plan = Planner.plan(paths, loaded.estate(), loaded.sources(), discovered, provider.describe(), p,
                    new Planner.Options(allowDestroy, Siteplan.today(), Siteplan.version(), RecordedDrills.read(historyOptions, stateDir, historyOptions.estateName(paths), RecordedDrills.planNames(loaded.estate()), spec.commandLine().getErr()),
                            ReplicationLags.read(stateDir, loaded.estate(), provider.describe(), spec.commandLine().getErr())),
                    new Planner.Digests(loaded.digest(), provider.fingerprint(discovered)), target.given());
        } catch (Targets.UnknownTarget e) {
            throw TargetOption.unknown(e);
        }
        t.mark("plan");
        if (out != null) AtomicFiles.write(out, PlanJson.write(plan));
        var w = spec.commandLine().getOut();
        view.print(plan, w);
        if (out != null && !noHistory) {
            var job = historyOptions.push && historyOptions.remoteUrl() != null ? PullRequestJob.of(Siteplan.env()) : java.util.Optional.<PullRequestJob>empty();
            String commit = record(plan, loaded, stateDir, job);
            if (view.isText()) w.println("Recorded in history as " + commit.substring(0, 12) + job.map(j -> "; pushed for review to " + j.ref()
                    + " of the history remote (a pull-request job never writes the history branch)").orElse("") + ".");
        }
        if (out != null && view.isText()) w.println("Saved the plan to " + out + "; apply it with: siteplan apply " + PrintedCommand.quote(out.toString())
                + PrintedCommand.args(paths) + PrintedCommand.locating(List.of(), state, historyOptions)
                + profile.printed());
        w.flush();
        t.mark("output");
        if (!plan.applicable()) return ExitCode.INVALID_INPUT;
        return detailedExitcode && plan.summary().hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    }

    /**
     * A saved plan is a decision to review: it goes to history with its Markdown view and the model it was made from;
     * with --push, to the history branch, or from a pull-request job to that job's own ref.
     */
    private String record(Plan plan, DefinitionLoader.Loaded loaded, Path stateDir, java.util.Optional<PullRequestJob> job) throws java.io.IOException {
        String estate = historyOptions.estateName(paths);
        try (siteplan.executor.history.History h = historyOptions.open(stateDir, "The plan was saved to " + out + ", but not recorded in history; pass --no-history to save plans without recording them.")) {
            var run = h.begin("plan", estate);
            String commit;
            try {
            run.write("plan.json", PlanJson.write(plan));
            run.write("plan.md", siteplan.cli.render.MarkdownView.render(plan));
            run.write("model.yaml", siteplan.model.json.EstateWriter.write(loaded.estate(), siteplan.model.json.EstateWriter.Format.YAML));
            commit = run.commit("plan " + estate + ": " + siteplan.cli.render.HumanView.changes(plan), plan.applicable() ? "planned" : "has-errors", java.util.Map.of("Siteplan-Model-Digest", plan.modelDigest()));
            } catch (java.io.IOException | RuntimeException e) {
                run.discard();
                throw new Siteplan.UserError("the plan was saved to " + out + ", but the history repository " + h.dir() + " could not record it (" + e.getMessage()
                        + "); check that it is writable and its disk is not full, or pass --no-history");
            }
            if (historyOptions.push && historyOptions.remoteUrl() == null) {
                if (PullRequestJob.of(Siteplan.env()).isEmpty()) {
                    throw new Siteplan.UserError("the plan was saved to " + out + " and recorded in the local history as " + commit.substring(0, 12)
                            + ", but --push has no history remote to push to: pass --history-remote URL or set SITEPLAN_HISTORY_REMOTE");
                }
                // A pull request from a fork is given no secrets, so no remote: its plan is the job's artifact only.
                spec.commandLine().getErr().println("Note: not pushed: this pull-request job has no history remote (SITEPLAN_HISTORY_REMOTE is empty, as for a pull request from a fork).");
            } else if (historyOptions.push) {
                try {
                    if (job.isPresent()) h.pushTo(job.get().ref());
                    else h.push();
                } catch (siteplan.executor.history.History.RemoteUnreachable e) {
                    throw new Siteplan.UserError("the plan was saved to " + out + " and recorded in the local history as " + commit.substring(0, 12) + ", but not pushed: "
                            + e.getMessage() + (job.isPresent() ? "; then run this plan again" : "; then push it with: siteplan history --push " + String.join(" ", paths)));
                }
            }
            return commit;
        }
    }
}
