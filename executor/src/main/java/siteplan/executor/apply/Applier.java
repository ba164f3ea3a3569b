package siteplan.executor.apply;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import siteplan.executor.WorkerPool;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.ChangeOperations;
import siteplan.executor.provider.ExecutionClock;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;
import siteplan.executor.provider.TransientFault;
import siteplan.executor.secrets.Secrets;
import siteplan.planner.diff.ResourceType;

/**
 * Carries out an operation graph: a step starts when everything it waits for has succeeded, up to
 * {@code parallelism} at once; a step whose dependency failed is skipped, unrelated steps go on.
 * Transient faults are retried with exponential backoff and jitter (Failsafe) within the budget;
 * a step that returns a job is done when the job is. Every event goes to the journal first.
 */
public final class Applier {
    /** The retry budget: how many retries, the first delay, the longest delay. */
    public record Retry(int maxRetries, Duration initialDelay, Duration maxDelay) {
        public static final Retry DEFAULT = new Retry(6, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public record Options(int parallelism, Retry retry) {
        public Options {
            if (parallelism < 1) throw new IllegalArgumentException("--parallelism must be at least 1");
        }
    }

    private final ChangeOperations changes;
    private final JobOperations jobs;
    private final ExecutionClock clock;
    private final Secrets secrets;
    private final Journal journal;
    private final ApplyListener listener;
    private final Options options;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public Applier(ChangeOperations changes, JobOperations jobs, Secrets secrets, Journal journal, ApplyListener listener, Options options) {
        this.changes = changes;
        this.jobs = jobs;
        this.clock = jobs.clock();
        this.secrets = secrets;
        this.journal = journal;
        this.listener = listener;
        this.options = options;
    }

    /** Stops starting new steps (Ctrl-C); steps already running finish their current call. */
    public void cancel() {
        cancelled.set(true);
    }

    public ApplyResult run(OperationGraph graph) {
        return run(graph, List.of());
    }

    /**
     * Runs the graph, then waits for the protection jobs still running for {@code settle}'s machines that
     * an earlier, interrupted run started (its plan had them done; a new plan sees nothing to do).
     */
    public ApplyResult run(OperationGraph graph, List<String> settle) {
        ApplyResult r = runGraph(graph);
        if (!r.succeeded() || cancelled.get()) return r;
        List<ApplyResult.StepOutcome> outcomes = new ArrayList<>(r.steps());
        int failed = 0;
        for (String machine : settle) {
            var job = changes.pendingJob(machine);
            if (job.isEmpty()) continue;
            Step step = new Step(ResourceType.PROTECTION.address(machine), ResourceType.PROTECTION, "-", machine, siteplan.planner.diff.Action.NO_OP);
            Instant start = clock.now();
            journal.record(start, JournalEvent.SETTLING, step.address(), "no-op", "waiting for " + job.get() + ", started by an earlier run");
            try {
                waitFor(step, job.get(), new AtomicInteger());
                journal.record(clock.now(), JournalEvent.SETTLED, step.address(), "no-op", job.get() + " finished");
                outcomes.add(new ApplyResult.StepOutcome(step.address(), "no-op", StepStatus.SETTLED, job.get() + " started by an earlier run finished", start.toString(), clock.now().toString(), 0));
                listener.finished(step, StepResult.already(job.get() + ", started by an earlier run, finished"), Duration.between(start, clock.now()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (OperationFailed | TransientFault e) {
                failed++;
                journal.record(clock.now(), JournalEvent.FAILED, step.address(), "no-op", e.getMessage());
                listener.failed(step, e.getMessage());
                outcomes.add(new ApplyResult.StepOutcome(step.address(), "no-op", StepStatus.FAILED, e.getMessage(), start.toString(), clock.now().toString(), 0));
            }
        }
        if (outcomes.size() == r.steps().size()) return r;
        return new ApplyResult(failed > 0 ? ApplyStatus.FAILED : r.status(), outcomes, r.changed(), r.already(), r.failed() + failed, r.skipped(), r.simulatedDuration());
    }

    private ApplyResult runGraph(OperationGraph graph) {
        Instant simStart = clock.now();
        Map<String, Integer> waiting = new HashMap<>();
        graph.steps().keySet().forEach(a -> waiting.put(a, graph.dependenciesOf(a).size()));
        TreeSet<String> ready = new TreeSet<>();
        waiting.forEach((a, n) -> {
            if (n == 0) ready.add(a);
        });
        List<ApplyResult.StepOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Set<String> skipped = new HashSet<>();
        AtomicInteger changed = new AtomicInteger(), already = new AtomicInteger(), failed = new AtomicInteger();
        listener.begin(graph.size());
        journal.record(clock.now(), JournalEvent.APPLY_STARTED, null, null, graph.size() + " operations, parallelism " + options.parallelism());
        ExecutorService pool = WorkerPool.fixed(Math.min(options.parallelism(), Math.max(1, graph.size())), "siteplan-apply");
        CompletionService<Done> done = new ExecutorCompletionService<>(pool);
        int running = 0;
        try {
            while (true) {
                while (!ready.isEmpty() && running < options.parallelism() && !cancelled.get()) {
                    Step step = graph.steps().get(ready.pollFirst());
                    done.submit(() -> execute(step));
                    running++;
                }
                if (running == 0) break;
                Done d;
                try {
                    d = done.take().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled.set(true);
                    break;
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                running--;
                outcomes.add(d.outcome());
                if (d.ok()) {
                    if (d.outcome().outcome() == StepStatus.ALREADY) already.incrementAndGet();
                    else changed.incrementAndGet();
                    for (String next : graph.dependentsOf(d.step().address())) {
                        if (skipped.contains(next)) continue;
                        if (waiting.merge(next, -1, Integer::sum) == 0) ready.add(next);
                    }
                } else {
                    failed.incrementAndGet();
                    for (String gone : new TreeSet<>(graph.descendantsOf(d.step().address()))) {
                        if (skipped.add(gone)) {
                            Step s = graph.steps().get(gone);
                            String because = "skipped: " + d.step().address() + " failed";
                            journal.record(clock.now(), JournalEvent.SKIPPED, gone, s.action().token(), because);
                            listener.skipped(s, because);
                            outcomes.add(new ApplyResult.StepOutcome(gone, s.action().token(), StepStatus.SKIPPED, because, null, null, 0));
                            ready.remove(gone);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int notStarted = 0;
        if (cancelled.get()) {
            for (String a : new TreeSet<>(graph.steps().keySet())) {
                if (outcomes.stream().noneMatch(o -> o.address().equals(a))) {
                    Step s = graph.steps().get(a);
                    outcomes.add(new ApplyResult.StepOutcome(a, s.action().token(), StepStatus.SKIPPED, "not started: the apply was interrupted", null, null, 0));
                    notStarted++;
                }
            }
        }
        ApplyStatus status = cancelled.get() ? ApplyStatus.INTERRUPTED : failed.get() > 0 ? ApplyStatus.FAILED : ApplyStatus.SUCCEEDED;
        String took = siteplan.executor.Times.human(Duration.between(simStart, clock.now()));
        journal.record(clock.now(), JournalEvent.ended(status), null, null, changed + " changed, " + already + " already so, " + failed + " failed, " + (skipped.size() + notStarted) + " skipped");
        listener.end();
        return new ApplyResult(status, outcomes, changed.get(), already.get(), failed.get(), skipped.size() + notStarted, took);
    }

    private record Done(Step step, boolean ok, ApplyResult.StepOutcome outcome) {}

    private Done execute(Step step) {
        Instant start = clock.now();
        journal.record(start, JournalEvent.STARTED, step.address(), step.action().token(), null);
        listener.started(step);
        AtomicInteger attempts = new AtomicInteger();
        try {
            StepResult r = retrying(step, attempts, () -> changes.apply(step, secrets));
            if (r.jobId() != null) waitFor(step, r.jobId(), attempts);
            // What the provider does once its job is done (StepResult.then), waited for the same way; a bounded chain, stopped by a cancel.
            for (int follow = 0; r.then() != null; follow++) {
                if (cancelled.get()) throw new InterruptedException();
                if (follow == MAX_FOLLOW_UPS) throw new OperationFailed("the provider went on after " + MAX_FOLLOW_UPS + " jobs of this step; plan again to see where it stands");
                StepResult next = retrying(step, attempts, r.then());
                if (next.jobId() != null) waitFor(step, next.jobId(), attempts);
                r = r.followedBy(next);
            }
            Instant end = clock.now();
            StepStatus outcome = r.outcome() == StepResult.Outcome.ALREADY ? StepStatus.ALREADY : StepStatus.CHANGED;
            journal.record(end, JournalEvent.DONE, step.address(), step.action().token(), outcome.token() + ": " + r.detail());
            listener.finished(step, r, Duration.between(start, end));
            return new Done(step, true, new ApplyResult.StepOutcome(step.address(), step.action().token(), outcome, secrets.redact(r.detail()), start.toString(), end.toString(), attempts.get()));
        } catch (OperationFailed | TransientFault | Secrets.MissingSecret e) {
            return failure(step, start, attempts, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(step, start, attempts, "interrupted while waiting; the provider's job goes on and the next apply picks it up");
        } catch (RuntimeException e) {
            return failure(step, start, attempts, "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** How many jobs a step may follow its first one with (StepResult.then): a move waits for an earlier move, then settles. */
    static final int MAX_FOLLOW_UPS = 8;

    private Done failure(Step step, Instant start, AtomicInteger attempts, String message) {
        String m = secrets.redact(message);
        journal.record(clock.now(), JournalEvent.FAILED, step.address(), step.action().token(), m);
        listener.failed(step, m);
        return new Done(step, false, new ApplyResult.StepOutcome(step.address(), step.action().token(), StepStatus.FAILED, m, start.toString(), clock.now().toString(), attempts.get()));
    }

    private void waitFor(Step step, String jobId, AtomicInteger attempts) throws InterruptedException {
        JobStatus s = siteplan.executor.provider.Jobs.await(clock, () -> retrying(step, attempts, () -> jobs.job(jobId)), cancelled::get,
                running -> listener.progress(step, running.progress(), jobId));
        if (s.state() == JobStatus.State.FAILED) throw new OperationFailed("job " + jobId + " failed: " + s.error());
    }

    private <T> T retrying(Step step, AtomicInteger attempts, java.util.function.Supplier<T> call) {
        Retry r = options.retry();
        RetryPolicy<T> policy = RetryPolicy.<T>builder()
                .handle(TransientFault.class)
                .withBackoff(r.initialDelay(), r.maxDelay())
                .withJitter(0.25)
                .withMaxRetries(r.maxRetries())
                .onRetry(e -> {
                    journal.record(clock.now(), JournalEvent.RETRY, step.address(), step.action().token(), "attempt " + (e.getAttemptCount() + 1) + " after: " + e.getLastException().getMessage());
                    listener.retrying(step, e.getAttemptCount() + 1, e.getLastException().getMessage());
                })
                .build();
        try {
            return Failsafe.with(policy).get(ctx -> {
                attempts.incrementAndGet();
                return call.get();
            });
        } catch (TransientFault e) {
            throw new TransientFault(e.getMessage() + " — still failing after " + r.maxRetries() + " retries; raise --retries or try again later");
        } catch (FailsafeException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
    }
}
