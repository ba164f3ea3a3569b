package siteplan.executor.drill;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.Jobs;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.executor.secrets.Secrets;
import siteplan.model.PlanAction;
import siteplan.model.RecoveryGroup;

/** A group's before- and after-steps: a manual step a person confirms (or --ack), a script, or an Azure Automation runbook. */
final class GroupActions {
    private final RecoveryOperations recovery;
    private final JobOperations jobs;
    private final RecoveryRunner.Options options;
    private final String recoveryPlan;
    private final ScriptStep scripts;
    private final MachineAddresses addresses;
    private final RunStop stop;
    private final Secrets secrets;
    private final Consumer<String> log;

    GroupActions(RecoveryOperations recovery, JobOperations jobs, RecoveryRunner.Options options, String recoveryPlan, ScriptStep scripts,
                 MachineAddresses addresses, RunStop stop, Secrets secrets, Consumer<String> log) {
        this.recovery = recovery;
        this.jobs = jobs;
        this.options = options;
        this.recoveryPlan = recoveryPlan;
        this.scripts = scripts;
        this.addresses = addresses;
        this.stop = stop;
        this.secrets = secrets;
        this.log = log;
    }

    private record Ran(ActionOutcome outcome, String detail, Long seconds) {}

    /** Carries out one step starting at {@code at} on the run's timeline; a step not done gives the run its reason to stop. */
    RunReport.Action run(ActionPhase when, PlanAction a, long at, int group, RecoveryGroup g) {
        long t0 = System.nanoTime();
        Ran r = switch (a.kind()) {
            case MANUAL -> manual(a);
            case SCRIPT -> script(a, group, g);
            case RUNBOOK -> runbook(a);
        };
        // A runbook's time is its job's, in provider time; a script or a person takes wall time.
        long took = r.seconds() != null ? r.seconds() : TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        log.accept("  " + when.token() + " " + a.kind().token() + " '" + a.value() + "': " + r.outcome().token() + (r.detail() == null ? "" : " — " + r.detail()));
        return new RunReport.Action(when, a.kind(), a.value(), r.outcome(), secrets.redact(r.detail()), at, took);
    }

    private Ran manual(PlanAction a) {
        ActionOutcome outcome;
        String detail;
        if (options.prompter() != null) {
            boolean done = options.prompter().confirm(a.value());
            outcome = done ? ActionOutcome.DONE : ActionOutcome.STOPPED;
            detail = done ? "confirmed on the terminal" : "the operator stopped the run here";
        } else if (options.ack()) {
            outcome = ActionOutcome.DONE;
            detail = "acknowledged with --ack";
        } else {
            outcome = ActionOutcome.STOPPED;
            detail = "a manual step needs a person: run on a terminal, or pass --ack to acknowledge manual steps";
        }
        if (outcome != ActionOutcome.DONE) stop.because("stopped at manual step '" + a.value() + "': " + detail);
        return new Ran(outcome, detail, null);
    }

    private Ran script(PlanAction a, int group, RecoveryGroup g) {
        ScriptStep.Ran r = scripts.run(a, group, g, addresses.snapshot());
        if (r.outcome() != ActionOutcome.DONE) stop.because("script " + a.value() + " " + r.outcome().token());
        return new Ran(r.outcome(), r.detail(), null);
    }

    private Ran runbook(PlanAction a) {
        Ran r;
        try {
            JobStatus s = Jobs.await(jobs, recovery.runbook(a.value(), recoveryPlan), stop::cancelled);
            long took = s.ended() == null ? 0 : Duration.between(s.started(), s.ended()).toSeconds();
            r = s.state() == JobStatus.State.SUCCEEDED ? new Ran(ActionOutcome.DONE, "Azure Automation job " + s.id(), took) : new Ran(ActionOutcome.FAILED, s.error(), took);
        } catch (InterruptedException e) {
            r = new Ran(ActionOutcome.STOPPED, "interrupted", 0L);
        } catch (RuntimeException e) {
            r = new Ran(ActionOutcome.FAILED, e.getMessage(), 0L);
        }
        if (r.outcome() != ActionOutcome.DONE) stop.because("runbook " + a.value() + " failed");
        return r;
    }
}
