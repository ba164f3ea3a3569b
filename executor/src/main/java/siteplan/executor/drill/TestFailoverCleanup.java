package siteplan.executor.drill;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import siteplan.executor.WorkerPool;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.Jobs;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.model.RecoveryPlan;

/**
 * Removes a drill's test failover VMs: every one it started and any found running for the plan's
 * machines, in parallel, whatever happened before (success, failure, a stop at a manual step, Ctrl-C).
 */
final class TestFailoverCleanup {
    private final RecoveryOperations recovery;
    private final JobOperations jobs;
    private final RecoveryPlan plan;
    private final Consumer<String> log;

    TestFailoverCleanup(RecoveryOperations recovery, JobOperations jobs, RecoveryPlan plan, Consumer<String> log) {
        this.recovery = recovery;
        this.jobs = jobs;
        this.plan = plan;
        this.log = log;
    }

    /**
     * Results are listed in plan order (group, then machine as declared), not in the order the test failovers started, which
     * varies from run to run: the report reads the same every time. Waits are not cancellable: a Ctrl-C must not leave test VMs behind.
     */
    List<RunReport.Cleanup> run(ExecutorService pool, Set<String> testsStarted) {
        Set<String> machines = new LinkedHashSet<>();
        plan.groups().forEach(g -> g.machines().forEach(m -> {
            var item = recovery.item(m.name());
            if (testsStarted.contains(m.name()) || item != null && item.testFailover() != null) machines.add(m.name());
        }));
        List<CompletableFuture<RunReport.Cleanup>> fs = new ArrayList<>();
        ExecutorService cleaner = pool.isShutdown() ? WorkerPool.fixed(4, "siteplan-cleanup") : pool;
        for (String m : machines) {
            fs.add(CompletableFuture.supplyAsync(() -> remove(m), cleaner));
        }
        List<RunReport.Cleanup> out = fs.stream().map(CompletableFuture::join).toList();
        out.forEach(c -> log.accept("  cleanup " + c.machine() + ": " + c.outcome().token() + (c.detail() == null ? "" : " — " + c.detail())));
        return out;
    }

    private RunReport.Cleanup remove(String m) {
        try {
            String job = recovery.cleanupTestFailover(m);
            if (job == null) return new RunReport.Cleanup(m, CleanupOutcome.NOTHING_TO_CLEAN, null);
            JobStatus s = Jobs.await(jobs, job, () -> false);
            return s.state() == JobStatus.State.SUCCEEDED ? new RunReport.Cleanup(m, CleanupOutcome.REMOVED, "test VM deleted")
                    : new RunReport.Cleanup(m, CleanupOutcome.FAILED, s.error());
        } catch (InterruptedException e) {
            return new RunReport.Cleanup(m, CleanupOutcome.FAILED, "interrupted during cleanup");
        } catch (RuntimeException e) {
            return new RunReport.Cleanup(m, CleanupOutcome.FAILED, e.getMessage());
        }
    }
}
