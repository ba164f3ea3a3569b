package siteplan.executor.recovery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import siteplan.executor.drill.MachineStage;
import siteplan.executor.drill.RunKind;
import siteplan.executor.drill.RunReport;
import siteplan.executor.drill.RunStatus;
import siteplan.executor.provider.Operations;

/** commit or reprotect of a recovery plan on its own: one {@link MachineStage} and its report, succeeded when every machine is up. */
public final class MachineStageRun {
    private MachineStageRun() {}

    public static RunReport run(Operations ops, RunKind kind, String recoveryPlan, String estate, List<String> machines, Function<String, String> operation,
                                int parallelism, Consumer<String> log) {
        RunReport.Group g = MachineStage.run(ops.jobs(), machines, operation, parallelism, log);
        boolean ok = g.machines().stream().allMatch(RunReport.MachineRun::up);
        return new RunReport(kind, recoveryPlan, estate, null, "-", ok ? RunStatus.SUCCEEDED : RunStatus.FAILED, ok ? null : "a machine failed; see the table",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), ops.describe(), g.endSeconds(), null, List.of(g), List.of(), List.of(), List.of());
    }
}
