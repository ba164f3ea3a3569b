package siteplan.executor.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import siteplan.executor.WorkerPool;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.Jobs;
import siteplan.executor.provider.JobOperations;

/**
 * One operation on every machine of a recovery plan at once, for the stages that need no order:
 * commit and reprotect (FB-STAGES). The operation returns a job (or null when there was nothing to
 * do); each machine's outcome and time go into one group of a {@link RunReport}.
 */
public final class MachineStage {
    private MachineStage() {}

    public static RunReport.Group run(JobOperations jobs, List<String> machines, Function<String, String> operation, int parallelism, java.util.function.Consumer<String> log) {
        ExecutorService pool = WorkerPool.fixed(Math.min(parallelism, Math.max(1, machines.size())), "siteplan-stage");
        try {
            List<CompletableFuture<RunReport.MachineRun>> fs = new ArrayList<>();
            for (String m : machines) {
                fs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        String job = operation.apply(m);
                        if (job == null) return new RunReport.MachineRun(m, List.of(), MachineOutcome.UP, "nothing to do: already so", 0, 0, null);
                        JobStatus s = Jobs.await(jobs, job, () -> false);
                        long took = s.ended() == null ? 0 : Duration.between(s.started(), s.ended()).toSeconds();
                        return s.state() == JobStatus.State.SUCCEEDED ? new RunReport.MachineRun(m, List.of(), MachineOutcome.UP, null, 0, took, null)
                                : new RunReport.MachineRun(m, List.of(), MachineOutcome.FAILED, s.error(), 0, took, null);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new RunReport.MachineRun(m, List.of(), MachineOutcome.STOPPED, "interrupted", 0, 0, null);
                    } catch (RuntimeException e) {
                        return new RunReport.MachineRun(m, List.of(), MachineOutcome.FAILED, e.getMessage(), 0, 0, null);
                    }
                }, pool));
            }
            List<RunReport.MachineRun> runs = fs.stream().map(CompletableFuture::join).toList();
            runs.forEach(r -> log.accept("  " + r.name() + ": " + (r.up() ? "done" : r.outcome().token()) + (r.detail() == null ? "" : " — " + r.detail())));
            long end = runs.stream().mapToLong(RunReport.MachineRun::durationSeconds).max().orElse(0);
            return new RunReport.Group(1, 0, end, List.of(), runs);
        } finally {
            pool.shutdownNow();
        }
    }
}
