package siteplan.executor.drill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import siteplan.executor.provider.OperationFailed;
import siteplan.model.CheckFailure;
import siteplan.model.PlanAction;
import siteplan.model.PlanMachine;
import siteplan.model.RecoveryGroup;

/**
 * A recovery plan's groups in order on one timeline: each group's before-steps one after another,
 * then its machines in parallel on the pool (a machine starts when the machines of its group it
 * dependsOn are up, and is skipped when one is not), then its checks, then its after-steps. A step not done or a
 * machine not up stops the plan before the next group; so does Ctrl-C. The groups after a stop are reported, not run.
 *
 * <p>A failing check stops the plan as the group declares (onFailure); undeclared, a drill stops (the later groups
 * would come up against a service that is not there) and a real failover asks on a terminal, else goes on and
 * reports: a failover is never left half-done unless the plan says so.
 */
final class GroupSchedule {
    /**
     * Every group (those the run never reached with their machines not started), where the last one that ran ended on
     * the timeline, whether the run stopped on a failure, and whether a group's check failed and the run went on.
     */
    record Result(List<RunReport.Group> groups, long endSeconds, boolean failed, boolean checksFailed) {}

    private final GroupActions actions;
    private final MachineFailover failover;
    private final SmokeChecks checks;
    private final RecoveryRunner.Mode mode;
    private final RecoveryRunner.Prompter prompter;
    private final RunStop stop;
    private final Consumer<String> log;

    GroupSchedule(GroupActions actions, MachineFailover failover, SmokeChecks checks, RecoveryRunner.Mode mode, RecoveryRunner.Prompter prompter,
                  RunStop stop, Consumer<String> log) {
        this.actions = actions;
        this.failover = failover;
        this.checks = checks;
        this.mode = mode;
        this.prompter = prompter;
        this.stop = stop;
        this.log = log;
    }

    Result run(List<RecoveryGroup> plan, ExecutorService pool) {
        List<RunReport.Group> groups = new ArrayList<>();
        long cursor = 0;
        boolean failed = false;
        boolean checksFailed = false;
        int number = 0;
        int lastRun = 0;
        for (RecoveryGroup g : plan) {
            number++;
            if (stop.cancelled() || failed) {
                // The report accounts for every machine of the plan: those of groups the run never reached are listed as not started.
                long at = cursor;
                String why = lastRun == 0 ? "not started: the run was stopped before it began" : "not started: the run stopped at group " + lastRun;
                groups.add(new RunReport.Group(number, at, at, List.of(), notStarted(g, at, why)));
                continue;
            }
            lastRun = number;
            long groupStart = cursor;
            List<RunReport.Action> done = new ArrayList<>();
            log.accept("Group " + number + ": " + g.machines().stream().map(PlanMachine::name).toList());
            cursor = steps(ActionPhase.BEFORE, g.before(), cursor, number, g, done);
            failed = done.stream().anyMatch(a -> !a.done());
            List<RunReport.MachineRun> machines = notStarted(g, cursor, "not started: a step before the group's machines was not done");
            if (!failed && !stop.cancelled()) {
                long phaseOffset = cursor;
                machines = machines(g, pool, phaseOffset);
                cursor = Math.max(cursor, machines.stream().mapToLong(m -> m.startSeconds() + m.durationSeconds()).max().orElse(phaseOffset));
                if (machines.stream().anyMatch(m -> !m.up())) {
                    failed = true;
                    stop.because("a machine of group " + number + " did not fail over");
                }
            }
            List<RunReport.Check> checked = List.of();
            if (!failed && !stop.cancelled() && !g.checks().isEmpty()) {
                checked = checks.run(g.checks(), number, g);
                cursor += checked.stream().mapToLong(RunReport.Check::seconds).sum();
                RunReport.Check first = checked.stream().filter(c -> !c.passed()).findFirst().orElse(null);
                if (first != null) {
                    String what = first.kind().token() + " check " + first.target() + " of group " + number + " failed";
                    if (onFailure(g, number, plan.size(), what) == CheckFailure.STOP) {
                        failed = true;
                        stop.because(what);
                    } else {
                        checksFailed = true;
                        stop.because(what + " (the run went on)");
                    }
                }
            }
            if (!failed && !stop.cancelled()) {
                cursor = steps(ActionPhase.AFTER, g.after(), cursor, number, g, done);
                failed = done.stream().anyMatch(a -> !a.done());
            }
            groups.add(new RunReport.Group(number, groupStart, cursor, done, machines, checked));
        }
        return new Result(groups, cursor, failed, checksFailed);
    }

    /** What a failing check of group {@code number} does: as declared; else a drill stops, and a failover asks, or goes on when no one can be asked. */
    private CheckFailure onFailure(RecoveryGroup g, int number, int groups, String what) {
        if (g.onCheckFailure() != null) {
            log.accept("  " + what + ": " + (g.onCheckFailure() == CheckFailure.STOP ? "stopping here, as the group declares" : "going on, as the group declares"));
            return g.onCheckFailure();
        }
        if (mode == RecoveryRunner.Mode.TEST) {
            log.accept("  " + what + ": the later groups are not drilled (declare onFailure 'continue' in the group's checks to go on)");
            return CheckFailure.STOP;
        }
        if (number == groups) return CheckFailure.CONTINUE;
        if (prompter != null) {
            boolean goOn = prompter.goOn(what + ". Fail over group " + (number + 1) + " and the groups after it anyway?");
            log.accept("  " + what + ": " + (goOn ? "going on, as the operator chose" : "stopping here, as the operator chose"));
            return goOn ? CheckFailure.CONTINUE : CheckFailure.STOP;
        }
        log.accept("  " + what + ": going on with the later groups, as a failover does when no one can be asked (declare onFailure 'stop' to stop here)");
        return CheckFailure.CONTINUE;
    }

    private static List<RunReport.MachineRun> notStarted(RecoveryGroup g, long at, String why) {
        return g.machines().stream().map(m -> new RunReport.MachineRun(m.name(), m.dependsOn(), MachineOutcome.SKIPPED, why, at, 0, null)).toList();
    }

    /** Steps in order, each starting where the one before ended, until one is not done; returns where the last ended. */
    private long steps(ActionPhase when, List<PlanAction> steps, long at, int number, RecoveryGroup g, List<RunReport.Action> done) {
        for (PlanAction a : steps) {
            RunReport.Action r = actions.run(when, a, at, number, g);
            done.add(r);
            at += r.durationSeconds();
            if (!r.done()) break;
        }
        return at;
    }

    /** The group's machines in dependency order (the planner's RP-ORDER rule has refused cycles), reported in declared order. */
    private List<RunReport.MachineRun> machines(RecoveryGroup g, ExecutorService pool, long phaseOffset) {
        Map<String, CompletableFuture<RunReport.MachineRun>> futures = new HashMap<>();
        Set<String> inGroup = new HashSet<>();
        g.machines().forEach(m -> inGroup.add(m.name()));
        List<PlanMachine> pending = new ArrayList<>(g.machines());
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                PlanMachine m = it.next();
                List<String> deps = m.dependsOn().stream().filter(inGroup::contains).toList();
                if (!deps.stream().allMatch(futures::containsKey)) continue;
                CompletableFuture<?>[] waitFor = deps.stream().map(futures::get).toArray(CompletableFuture[]::new);
                futures.put(m.name(), CompletableFuture.allOf(waitFor).thenApplyAsync(x -> {
                    List<RunReport.MachineRun> before = deps.stream().map(d -> futures.get(d).join()).toList();
                    // On the timeline a machine starts when the group's machines start, or when the last machine it depends on is up.
                    long startAt = before.stream().mapToLong(r -> r.startSeconds() + r.durationSeconds()).max().orElse(phaseOffset);
                    if (!before.stream().allMatch(RunReport.MachineRun::up)) {
                        return new RunReport.MachineRun(m.name(), m.dependsOn(), MachineOutcome.SKIPPED, "a machine it depends on did not come up", startAt, 0, null);
                    }
                    return failover.run(m, startAt);
                }, pool));
                it.remove();
                progressed = true;
            }
            if (!progressed) throw new OperationFailed("machines of a group depend on each other in a cycle: " + pending.stream().map(PlanMachine::name).toList());
        }
        return g.machines().stream().map(m -> futures.get(m.name()).join()).toList();
    }
}
