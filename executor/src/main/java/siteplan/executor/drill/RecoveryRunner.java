package siteplan.executor.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import siteplan.executor.WorkerPool;
import siteplan.executor.provider.Operations;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.executor.secrets.Secrets;
import siteplan.model.RecoveryGroup;
import siteplan.model.RecoveryPlan;
import siteplan.model.SmokeCheck;

/**
 * Runs a recovery plan: its groups in order ({@link GroupSchedule}); a drill (test failover) then
 * runs the smoke checks ({@link SmokeChecks}) and always cleans up its test VMs
 * ({@link TestFailoverCleanup}): after success, failure, a stop at a manual step, or Ctrl-C.
 */
public final class RecoveryRunner {
    /** Drill = test failover into an isolated network; planned and unplanned are real failovers. */
    public enum Mode {
        TEST(RunKind.DRILL), PLANNED(RunKind.PLANNED_FAILOVER), UNPLANNED(RunKind.UNPLANNED_FAILOVER);

        private final RunKind kind;

        Mode(RunKind kind) {
            this.kind = kind;
        }

        public RunKind kind() {
            return kind;
        }
    }

    /** Asks a person to carry out a manual step; true when done, false to stop. Null when no one can be asked. */
    public interface Prompter {
        boolean confirm(String instruction);

        /** Asked when a group's check failed in a real failover that does not declare what to do: true to go on with the later groups. */
        default boolean goOn(String question) {
            return true;
        }
    }

    /**
     * @param environment the runner's environment: scripts get only PATH and the locale from it
     * @param runDir the run's folder in history: scripts' logs are written there (and committed with the run),
     *               their HOME and TMPDIR in its scratch folder (removed after each script and before the commit)
     */
    public record Options(Mode mode, RecoveryPointChoice point, String network, boolean ack, Prompter prompter, Path definitionDir,
                          Map<String, String> environment, Duration defaultScriptTimeout, int parallelism, Path runDir) {}

    private final RecoveryPlan plan;
    private final Operations ops;
    private final Options options;
    private final RunStop stop = new RunStop();
    private final MachineFailover failover;
    private final GroupSchedule schedule;
    private final SmokeChecks checks;
    private final TestFailoverCleanup cleanup;

    public RecoveryRunner(RecoveryPlan plan, Operations ops, Options options, Consumer<String> log, Secrets secrets) {
        this.plan = plan;
        this.ops = ops;
        this.options = options;
        Consumer<String> redacted = line -> log.accept(secrets.redact(line));
        // Every check of the run, the groups' and the drill's: a failed-over machine serves what will be checked on it.
        List<SmokeCheck> smoke = new ArrayList<>();
        plan.groups().forEach(g -> smoke.addAll(g.checks()));
        if (plan.drill() != null) smoke.addAll(plan.drill().checks());
        MachineAddresses addresses = new MachineAddresses();
        this.failover = new MachineFailover(ops.recovery(), ops.jobs(), options.mode(), options.point(), options.network(), smoke, addresses, stop, redacted);
        ScriptStep scripts = new ScriptStep(options, plan.name(), secrets);
        GroupActions actions = new GroupActions(ops.recovery(), ops.jobs(), options, plan.name(), scripts, addresses, stop, secrets, redacted);
        this.checks = new SmokeChecks(ops.recovery(), ops.jobs().clock(), scripts, addresses, stop, redacted);
        this.schedule = new GroupSchedule(actions, failover, checks, options.mode(), options.prompter(), stop, redacted);
        this.cleanup = new TestFailoverCleanup(ops.recovery(), ops.jobs(), plan, redacted);
    }

    /** Ctrl-C: start nothing new; a drill still cleans up. */
    public void cancel() {
        stop.cancel("interrupted (Ctrl-C)");
    }

    public RunReport run(String estateName) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        boolean drill = options.mode() == Mode.TEST;
        GroupSchedule.Result ran;
        List<RunReport.Check> smoke = List.of();
        List<RunReport.Cleanup> removed = new ArrayList<>();
        boolean failed;
        ExecutorService pool = WorkerPool.fixed(options.parallelism(), "siteplan-recovery");
        try {
            ran = schedule.run(plan.groups(), pool);
            failed = ran.failed() || ran.checksFailed();
            if (drill && !ran.failed() && !stop.cancelled() && plan.drill() != null && !plan.drill().checks().isEmpty()) {
                // The drill's own checks see the whole plan up: their scripts get every machine, as group 0.
                RecoveryGroup all = new RecoveryGroup(plan.groups().stream().flatMap(g -> g.machines().stream()).toList(), List.of(), List.of());
                smoke = checks.run(plan.drill().checks(), 0, all);
                if (!smoke.stream().allMatch(RunReport.Check::passed)) {
                    failed = true;
                    stop.because("a smoke check failed");
                }
            }
        } finally {
            if (drill) removed.addAll(cleanup.run(pool, failover.testsStarted()));
            pool.shutdownNow();
        }
        boolean cleanupFailed = removed.stream().anyMatch(RunReport.Cleanup::failed);
        RunStatus status = stop.cancelled() ? RunStatus.STOPPED : failed || cleanupFailed ? RunStatus.FAILED : drill ? RunStatus.PASSED : RunStatus.SUCCEEDED;
        if (cleanupFailed) stop.because("cleanup of a test failover failed: remove it in the vault");
        Long rpo = ran.groups().stream().flatMap(g -> g.machines().stream()).map(RunReport.MachineRun::recoveryPointAgeSeconds)
                .filter(Objects::nonNull).max(Long::compare).orElse(null);
        return new RunReport(options.mode().kind(), plan.name(), estateName, options.network(), options.point().toString(), status, stop.reason(),
                started.toString(), ops.describe(), ran.endSeconds() + smoke.stream().mapToLong(RunReport.Check::seconds).sum(), rpo, ran.groups(), smoke, removed, List.of());
    }
}
