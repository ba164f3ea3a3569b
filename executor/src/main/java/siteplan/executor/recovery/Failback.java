package siteplan.executor.recovery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import siteplan.executor.drill.MachineStage;
import siteplan.executor.drill.RunKind;
import siteplan.executor.drill.RunReport;
import siteplan.executor.drill.RunStatus;
import siteplan.executor.provider.Operations;

/**
 * Brings a failed-over recovery plan home in the four {@link FailbackStage}s (FB-STAGES); each stage
 * runs only when the one before succeeded, and the report says where it stopped.
 */
public final class Failback {
    /** Stage 2, the planned failover back: the caller runs it, since it owns the prompts, the run's folder and Ctrl-C. */
    public interface FailoverBack {
        RunReport run();
    }

    /** What failback did: the report to record and each stage that ran, in order. */
    public record Result(RunReport report, List<StageOutcome> stages) {
        public boolean succeeded() {
            return stages.size() == FailbackStage.values().length && stages.stream().allMatch(StageOutcome::succeeded);
        }
    }

    private final Operations ops;
    private final String recoveryPlan, estate, source, target;
    private final List<String> machines;
    private final int parallelism;
    private final Consumer<String> log;

    public Failback(Operations ops, String recoveryPlan, String estate, String source, String target, List<String> machines, int parallelism, Consumer<String> log) {
        this.ops = ops;
        this.recoveryPlan = recoveryPlan;
        this.estate = estate;
        this.source = source;
        this.target = target;
        this.machines = List.copyOf(machines);
        this.parallelism = parallelism;
        this.log = log;
    }

    public Result run(FailoverBack failoverBack) {
        List<StageOutcome> stages = new ArrayList<>();
        RunReport.Group home = null;
        RunReport failover = null;
        for (FailbackStage stage : FailbackStage.values()) {
            log.accept(stage.heading(source, target));
            StageOutcome outcome;
            if (stage == FailbackStage.FAIL_OVER_BACK) {
                failover = failoverBack.run();
                outcome = StageOutcome.of(stage, failover);
            } else {
                RunReport.Group g = MachineStage.run(ops.jobs(), machines, stage == FailbackStage.COMMIT ? ops.recovery()::commit : ops.recovery()::reprotect, parallelism, log);
                if (stage == FailbackStage.REPROTECT_HOME) home = g;
                outcome = StageOutcome.of(stage, g);
            }
            stages.add(outcome);
            if (!outcome.succeeded()) break;
        }
        List<String> notes = stages.stream().map(s -> s.note(source, target)).toList();
        boolean ok = new Result(null, stages).succeeded();
        String reason = ok ? null : "stopped at: " + notes.get(notes.size() - 1);
        // Stopped before the failover back: the report is the first stage's group alone.
        RunReport base = failover != null ? failover : new RunReport(RunKind.FAILBACK, recoveryPlan, estate, null, "latest", RunStatus.FAILED, reason,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), ops.describe(), home.endSeconds(), null, List.of(home), List.of(), List.of(), List.of());
        return new Result(base.with(RunKind.FAILBACK, ok ? RunStatus.SUCCEEDED : RunStatus.FAILED, reason, notes), List.copyOf(stages));
    }
}
