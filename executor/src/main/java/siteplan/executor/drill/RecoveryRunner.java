package siteplan.executor.drill;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import siteplan.executor.WorkerPool;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.Jobs;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.Operations;
import siteplan.executor.provider.FailoverType;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.executor.secrets.Secrets;
import siteplan.model.CheckKind;
import siteplan.model.Estate;
import siteplan.model.PlanAction;
import siteplan.model.PlanMachine;
import siteplan.model.RecoveryGroup;
import siteplan.model.RecoveryPlan;
import siteplan.model.SmokeCheck;

/**
 * Runs a recovery plan group by group, in order: the group's before-steps, then its machines in
 * parallel (a machine waits for the machines it dependsOn), then its after-steps; a failure stops
 * the plan before the next group. A drill (test failover) then runs the smoke checks and always
 * cleans up its test VMs: after success, failure, a stop at a manual step, or Ctrl-C.
 */
public final class RecoveryRunner {
    /** Drill = test failover into an isolated network; planned and unplanned are real failovers. */
    public enum Mode { TEST, PLANNED, UNPLANNED }

    /** Asks a person to carry out a manual step; true when done, false to stop. Null when no one can be asked. */
    public interface Prompter {
        boolean confirm(String instruction);
    }

    /**
     * @param environment the runner's environment: scripts get only PATH and the locale from it
     * @param runDir the run's folder in history: scripts' logs are written there (and committed with the run),
     *               their HOME and TMPDIR in its scratch folder (removed after each script and before the commit)
     */
    public record Options(Mode mode, RecoveryPointChoice point, String network, boolean ack, Prompter prompter, Path definitionDir,
                          Map<String, String> environment, Duration defaultScriptTimeout, int parallelism, Path runDir) {}

    private final Estate estate;
    private final RecoveryPlan plan;
    private final Operations ops;
    private final RecoveryOperations recovery;
    private final JobOperations jobs;
    private final Options options;
    private final java.util.function.Consumer<String> log;
    private final Secrets secrets;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<String> startedTests = Collections.synchronizedSet(new LinkedHashSet<>());
    private String stopReason;

    public RecoveryRunner(Estate estate, RecoveryPlan plan, Operations ops, Options options, java.util.function.Consumer<String> log, Secrets secrets) {
        this.estate = estate;
        this.plan = plan;
        this.ops = ops;
        this.recovery = ops.recovery();
        this.jobs = ops.jobs();
        this.options = options;
        this.log = line -> log.accept(secrets.redact(line));
        this.secrets = secrets;
    }

    /** Ctrl-C: start nothing new; a drill still cleans up. */
    public void cancel() {
        cancelled.set(true);
        if (stopReason == null) stopReason = "interrupted (Ctrl-C)";
    }

    public RunReport run(String estateName) {
        Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<RunReport.Group> groups = new ArrayList<>();
        List<RunReport.Check> checks = new ArrayList<>();
        List<RunReport.Cleanup> cleanup = new ArrayList<>();
        Map<String, InetSocketAddress> addresses = new HashMap<>();
        long cursor = 0;
        boolean failed = false;
        ExecutorService pool = WorkerPool.fixed(options.parallelism(), "siteplan-recovery");
        try {
            int number = 0;
            for (RecoveryGroup g : plan.groups()) {
                number++;
                if (cancelled.get() || failed) break;
                long groupStart = cursor;
                List<RunReport.Action> actions = new ArrayList<>();
                log.accept("Group " + number + ": " + g.machines().stream().map(PlanMachine::name).toList());
                long[] at = {cursor};
                failed = !steps("before", g.before(), at, number, g, addresses, actions);
                cursor = at[0];
                List<RunReport.MachineRun> machines = new ArrayList<>();
                if (!failed && !cancelled.get()) {
                    long phaseOffset = cursor;
                    machines = machines(g, pool, phaseOffset, addresses);
                    long end = machines.stream().mapToLong(m -> m.startSeconds() + m.durationSeconds()).max().orElse(phaseOffset);
                    cursor = Math.max(cursor, end);
                    if (machines.stream().anyMatch(m -> !m.outcome().equals("up"))) {
                        failed = true;
                        if (stopReason == null) stopReason = "a machine of group " + number + " did not fail over";
                    }
                }
                if (!failed && !cancelled.get()) {
                    at[0] = cursor;
                    failed = !steps("after", g.after(), at, number, g, addresses, actions);
                    cursor = at[0];
                }
                groups.add(new RunReport.Group(number, groupStart, cursor, actions, machines));
            }
            if (options.mode() == Mode.TEST && !failed && !cancelled.get() && plan.drill() != null) {
                for (SmokeCheck c : plan.drill().checks()) {
                    RunReport.Check r = check(c);
                    checks.add(r);
                    log.accept("  check " + r.kind() + " " + r.target() + ": " + r.outcome() + (r.detail() == null ? "" : " — " + r.detail()));
                    if (!r.outcome().equals("passed")) {
                        failed = true;
                        if (stopReason == null) stopReason = "a smoke check failed";
                    }
                }
            }
        } finally {
            if (options.mode() == Mode.TEST) cleanup.addAll(cleanup(pool));
            pool.shutdownNow();
        }
        boolean cleanupFailed = cleanup.stream().anyMatch(c -> c.outcome().equals("failed"));
        String status = cancelled.get() ? "stopped" : failed || cleanupFailed ? "failed" : options.mode() == Mode.TEST ? "passed" : "succeeded";
        if (cleanupFailed && stopReason == null) stopReason = "cleanup of a test failover failed: remove it in the vault";
        Long rpo = groups.stream().flatMap(x -> x.machines().stream()).map(RunReport.MachineRun::recoveryPointAgeSeconds)
                .filter(java.util.Objects::nonNull).max(Long::compare).orElse(null);
        return new RunReport(options.mode() == Mode.TEST ? "drill" : options.mode().name().toLowerCase(java.util.Locale.ROOT) + "-failover",
                plan.name(), estateName, options.network(), options.point().toString(), status, stopReason, started.toString(), ops.describe(),
                cursor, rpo, groups, checks, cleanup, List.of());
    }

    // ------------------------------------------------------------------ machines

    private List<RunReport.MachineRun> machines(RecoveryGroup g, ExecutorService pool, long phaseOffset, Map<String, InetSocketAddress> addresses) {
        Map<String, CompletableFuture<RunReport.MachineRun>> futures = new HashMap<>();
        Set<String> inGroup = new java.util.HashSet<>();
        g.machines().forEach(m -> inGroup.add(m.name()));
        // Machines in dependency order within the group (the planner's RP-ORDER rule has refused cycles).
        List<PlanMachine> pending = new ArrayList<>(g.machines());
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                PlanMachine m = it.next();
                List<String> deps = m.dependsOn().stream().filter(inGroup::contains).toList();
                if (!deps.stream().allMatch(futures::containsKey)) continue;
                CompletableFuture<?>[] waitFor = deps.stream().map(futures::get).toArray(CompletableFuture[]::new);
                futures.put(m.name(), CompletableFuture.allOf(waitFor).thenApplyAsync(x -> {
                    boolean depsUp = deps.stream().allMatch(d -> futures.get(d).join().outcome().equals("up"));
                    // On the timeline a machine starts when the group's machines start, or when the last machine it depends on is up.
                    long startAt = deps.stream().map(d -> futures.get(d).join()).mapToLong(r -> r.startSeconds() + r.durationSeconds()).max().orElse(phaseOffset);
                    if (!depsUp) return new RunReport.MachineRun(m.name(), m.dependsOn(), "skipped", "a machine it depends on did not come up", startAt, 0, null);
                    return failoverMachine(m, startAt, addresses);
                }, pool));
                it.remove();
                progressed = true;
            }
            if (!progressed) throw new OperationFailed("machines of a group depend on each other in a cycle: " + pending.stream().map(PlanMachine::name).toList());
        }
        return g.machines().stream().map(m -> futures.get(m.name()).join()).toList();
    }

    private RunReport.MachineRun failoverMachine(PlanMachine m, long start, Map<String, InetSocketAddress> addresses) {
        if (cancelled.get()) return new RunReport.MachineRun(m.name(), m.dependsOn(), "skipped", "not started: " + stopReason, start, 0, null);
        Instant begin = jobs.clock().now();
        try {
            Long rpo = recovery.recoveryPointAge(m.name(), options.point()).toSeconds();
            String job;
            if (options.mode() == Mode.TEST) {
                startedTests.add(m.name());
                job = recovery.testFailover(m.name(), options.network(), options.point());
            } else {
                job = recovery.failover(m.name(), options.mode() == Mode.PLANNED ? FailoverType.PLANNED : FailoverType.UNPLANNED, options.point());
            }
            JobStatus s = Jobs.await(jobs, job, cancelled::get);
            Instant from = s.started() != null ? s.started() : begin;
            Instant to = s.ended() != null ? s.ended() : jobs.clock().now();
            long took = Math.max(0, Duration.between(from, to).toSeconds());
            if (s.state() == JobStatus.State.FAILED) {
                log.accept("  " + m.name() + ": FAILED — " + s.error());
                return new RunReport.MachineRun(m.name(), m.dependsOn(), "failed", s.error(), start, took, rpo);
            }
            String unknown = null;
            try {
                InetSocketAddress at = recovery.endpoint(m.name(), 0);
                synchronized (addresses) {
                    addresses.put(m.name(), at);
                }
                openCheckPorts(m.name());
            } catch (siteplan.executor.provider.OperationFailed e) {
                // The machine is up; only where it answers is unknown: scripts get no address for it and its checks fail.
                unknown = e.getMessage();
            }
            log.accept("  " + m.name() + ": up after " + siteplan.executor.Times.human(took) + " from a recovery point " + siteplan.executor.Times.human(rpo) + " old"
                    + (unknown == null ? "" : " (its address is unknown: " + unknown + ")"));
            return new RunReport.MachineRun(m.name(), m.dependsOn(), "up", null, start, took, rpo);
        } catch (InterruptedException e) {
            return new RunReport.MachineRun(m.name(), m.dependsOn(), "stopped", "stopped while failing over: " + stopReason, start, 0, null);
        } catch (RuntimeException e) {
            log.accept("  " + m.name() + ": FAILED — " + e.getMessage());
            return new RunReport.MachineRun(m.name(), m.dependsOn(), "failed", e.getMessage(), start, 0, null);
        }
    }

    /** The failed-over VM serves what the drill will check (the simulated estate listens on those ports). */
    private void openCheckPorts(String machine) {
        if (plan.drill() == null) return;
        for (SmokeCheck c : plan.drill().checks()) {
            if (!c.machine().equals(machine)) continue;
            int port = c.kind() == CheckKind.TCP ? c.port() : httpPort(c.url());
            recovery.endpoint(machine, port);
        }
    }

    // ------------------------------------------------------------------ actions

    /** A group's before- or after-steps in order, moving the timeline on; false at the first that is not done. */
    private boolean steps(String when, List<PlanAction> steps, long[] at, int number, RecoveryGroup g, Map<String, InetSocketAddress> addresses, List<RunReport.Action> actions) {
        for (PlanAction a : steps) {
            RunReport.Action r = action(when, a, at[0], number, g, addresses);
            actions.add(r);
            at[0] += r.durationSeconds();
            if (!r.outcome().equals("done")) return false;
        }
        return true;
    }

    private RunReport.Action action(String when, PlanAction a, long at, int group, RecoveryGroup g, Map<String, InetSocketAddress> addresses) {
        long t0 = System.nanoTime();
        String outcome;
        String detail;
        Long providerSeconds = null;
        switch (a.kind()) {
            case MANUAL -> {
                if (options.prompter() != null) {
                    boolean done = options.prompter().confirm(a.value());
                    outcome = done ? "done" : "stopped";
                    detail = done ? "confirmed on the terminal" : "the operator stopped the run here";
                } else if (options.ack()) {
                    outcome = "done";
                    detail = "acknowledged with --ack";
                } else {
                    outcome = "stopped";
                    detail = "a manual step needs a person: run on a terminal, or pass --ack to acknowledge manual steps";
                }
                if (!outcome.equals("done") && stopReason == null) stopReason = "stopped at manual step '" + a.value() + "': " + detail;
            }
            case SCRIPT -> {
                String[] r = script(a, group, g, addresses);
                outcome = r[0];
                detail = r[1];
                if (!outcome.equals("done") && stopReason == null) stopReason = "script " + a.value() + " " + outcome;
            }
            case RUNBOOK -> {
                Outcome r = runbook(a);
                outcome = r.outcome();
                detail = r.detail();
                providerSeconds = r.seconds();
                if (!outcome.equals("done") && stopReason == null) stopReason = "runbook " + a.value() + " failed";
            }
            default -> throw new IllegalStateException();
        }
        // A runbook's time is its job's, in provider time; a script or a person takes wall time.
        long took = providerSeconds != null ? providerSeconds : TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        log.accept("  " + when + " " + a.kind().token() + " '" + a.value() + "': " + outcome + (detail == null ? "" : " — " + detail));
        return new RunReport.Action(when, a.kind().token(), a.value(), outcome, secrets.redact(detail), at, took);
    }

    private record Outcome(String outcome, String detail, Long seconds) {}

    private Outcome runbook(PlanAction a) {
        try {
            JobStatus s = Jobs.await(jobs, recovery.runbook(a.value(), plan.name()), cancelled::get);
            long took = s.ended() == null ? 0 : Duration.between(s.started(), s.ended()).toSeconds();
            return s.state() == JobStatus.State.SUCCEEDED ? new Outcome("done", "Azure Automation job " + s.id(), took) : new Outcome("failed", s.error(), took);
        } catch (InterruptedException e) {
            return new Outcome("stopped", "interrupted", 0L);
        } catch (RuntimeException e) {
            return new Outcome("failed", e.getMessage(), 0L);
        }
    }

    /** The default PATH of a script when the runner has none. */
    static final String SAFE_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final java.util.concurrent.atomic.AtomicInteger scripts = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Runs a script as a subprocess with a timeout. Its environment is built from nothing (see
     * {@link #scriptEnvironment}); its output goes to a log in the run's folder, never the system's
     * temporary folder, so a killed run leaves nothing behind there.
     */
    private String[] script(PlanAction a, int group, RecoveryGroup g, Map<String, InetSocketAddress> addresses) {
        Path dir = options.definitionDir();
        // Checked at load too; again here, through links, in case the folder changed since.
        String problem = siteplan.files.DefinitionPaths.scriptProblem(dir, a.value());
        if (problem != null) return new String[] {"failed", "script " + a.value() + " " + problem};
        Path script = siteplan.files.DefinitionPaths.check(dir, dir.resolve(a.value())).real();
        Duration timeout = a.timeout() != null ? a.timeout() : options.defaultScriptTimeout();
        int n = scripts.incrementAndGet();
        String name = String.format("%02d-%s", n, script.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_"));
        Path logs = options.runDir().resolve("scripts");
        Path scratch = options.runDir().resolve(siteplan.executor.history.History.SCRATCH).resolve(name);
        Path output = logs.resolve(name + ".log");
        Map<String, InetSocketAddress> known;
        synchronized (addresses) {
            known = new java.util.LinkedHashMap<>(addresses);
        }
        ProcessBuilder pb = new ProcessBuilder(Files.isExecutable(script) ? List.of(script.toString()) : List.of("sh", script.toString()));
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        try {
            Files.createDirectories(logs);
            Files.createDirectories(scratch.resolve("home"));
            Files.createDirectories(scratch.resolve("tmp"));
            pb.environment().clear();
            pb.environment().putAll(scriptEnvironment(options.environment(), scratch, group, g, known));
            pb.redirectOutput(output.toFile());
            Process p = pb.start();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return new String[] {"stopped", "interrupted"};
            }
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            // The log is kept with the run: redacted, as everything else in history.
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream().map(secrets::redact).toList();
            Files.write(output, lines, StandardCharsets.UTF_8);
            String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            if (!finished) return new String[] {"timed out", "stopped after " + siteplan.executor.Times.human(timeout.toSeconds()) + (tail.isEmpty() ? "" : ": " + tail)};
            return p.exitValue() == 0 ? new String[] {"done", tail.isEmpty() ? "exit 0" : tail} : new String[] {"failed", "exit " + p.exitValue() + (tail.isEmpty() ? "" : ": " + tail)};
        } catch (IOException e) {
            return new String[] {"failed", "cannot run " + a.value() + ": " + e.getMessage()};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new String[] {"stopped", "interrupted"};
        } finally {
            siteplan.executor.history.History.deleteTree(scratch);
        }
    }

    /**
     * A script's whole environment, built from nothing (an allow-list, not the runner's environment
     * minus a deny-list, so no credential, token, CI variable or secret store's path can reach it):
     * PATH (the runner's, else {@link #SAFE_PATH}), LANG/LC_ALL/TZ when the runner sets them, HOME and
     * TMPDIR in the run's scratch folder, and what siteplan defines for the step: SITEPLAN_RUN_ID,
     * SITEPLAN_RECOVERY_PLAN, SITEPLAN_GROUP, SITEPLAN_MODE, SITEPLAN_MACHINES, SITEPLAN_ADDRESS_MACHINE
     * per machine up so far, and SITEPLAN_TARGET_IP (the group's first machine).
     */
    Map<String, String> scriptEnvironment(Map<String, String> parent, Path scratch, int group, RecoveryGroup g, Map<String, InetSocketAddress> addresses) {
        Map<String, String> env = new java.util.TreeMap<>();
        String path = parent.get("PATH");
        env.put("PATH", path == null || path.isBlank() ? SAFE_PATH : path);
        for (String locale : List.of("LANG", "LC_ALL", "TZ")) {
            String v = parent.get(locale);
            if (v != null && !v.isBlank()) env.put(locale, v);
        }
        env.putIfAbsent("LANG", "C.UTF-8");
        env.put("HOME", scratch.resolve("home").toString());
        env.put("TMPDIR", scratch.resolve("tmp").toString());
        env.put("SITEPLAN_RUN_ID", options.runDir().getFileName().toString());
        env.put("SITEPLAN_RECOVERY_PLAN", plan.name());
        env.put("SITEPLAN_GROUP", String.valueOf(group));
        env.put("SITEPLAN_MODE", options.mode() == Mode.TEST ? "drill" : "failover");
        env.put("SITEPLAN_MACHINES", String.join(" ", g.machines().stream().map(PlanMachine::name).toList()));
        addresses.forEach((m, addr) -> env.put("SITEPLAN_ADDRESS_" + m.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), addr.getAddress().getHostAddress()));
        InetSocketAddress first = addresses.get(g.machines().get(0).name());
        if (first != null) env.put("SITEPLAN_TARGET_IP", first.getAddress().getHostAddress());
        return env;
    }

    // ------------------------------------------------------------------ checks and cleanup

    private RunReport.Check check(SmokeCheck c) {
        try {
            if (c.kind() == CheckKind.TCP) {
                InetSocketAddress at = recovery.endpoint(c.machine(), c.port());
                try (Socket s = new Socket()) {
                    s.connect(at, 3000);
                }
                return new RunReport.Check("tcp", c.machine(), c.machine() + ":" + c.port(), "passed", "connected to " + at.getAddress().getHostAddress() + ":" + at.getPort());
            }
            URI u = URI.create(c.url());
            int port = httpPort(c.url());
            InetSocketAddress at = recovery.endpoint(c.machine(), port);
            URI real = new URI(u.getScheme(), null, at.getAddress().getHostAddress(), at.getPort(), u.getPath(), u.getQuery(), null);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(real).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            int want = c.expectStatus() == null ? 200 : c.expectStatus();
            return new RunReport.Check("http", c.machine(), c.url(), r.statusCode() == want ? "passed" : "failed",
                    "HTTP " + r.statusCode() + (r.statusCode() == want ? "" : ", expected " + want) + " from " + real);
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return new RunReport.Check(c.kind().token(), c.machine(), c.kind() == CheckKind.TCP ? c.machine() + ":" + c.port() : c.url(), "failed",
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunReport.Check(c.kind().token(), c.machine(), c.url(), "failed", "interrupted");
        }
    }

    private static int httpPort(String url) {
        URI u = URI.create(url);
        return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    /**
     * Removes every test VM this drill started (and any found running for the plan's machines), in parallel, whatever happened before.
     * Results are listed in plan order (group, then machine as declared), not in the order the test failovers started, which
     * varies from run to run: the report reads the same every time.
     */
    private List<RunReport.Cleanup> cleanup(ExecutorService pool) {
        Set<String> machines = new LinkedHashSet<>();
        plan.groups().forEach(g -> g.machines().forEach(m -> {
            var item = recovery.item(m.name());
            if (startedTests.contains(m.name()) || item != null && item.testFailover() != null) machines.add(m.name());
        }));
        List<CompletableFuture<RunReport.Cleanup>> fs = new ArrayList<>();
        ExecutorService cleaner = pool.isShutdown() ? WorkerPool.fixed(4, "siteplan-cleanup") : pool;
        for (String m : machines) {
            fs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    String job = recovery.cleanupTestFailover(m);
                    if (job == null) return new RunReport.Cleanup(m, "nothing to clean", null);
                    JobStatus s = Jobs.await(jobs, job, () -> false);
                    return s.state() == JobStatus.State.SUCCEEDED ? new RunReport.Cleanup(m, "removed", "test VM deleted")
                            : new RunReport.Cleanup(m, "failed", s.error());
                } catch (InterruptedException e) {
                    return new RunReport.Cleanup(m, "failed", "interrupted during cleanup");
                } catch (RuntimeException e) {
                    return new RunReport.Cleanup(m, "failed", e.getMessage());
                }
            }, cleaner));
        }
        List<RunReport.Cleanup> out = fs.stream().map(CompletableFuture::join).toList();
        out.forEach(c -> log.accept("  cleanup " + c.machine() + ": " + c.outcome() + (c.detail() == null ? "" : " — " + c.detail())));
        return out;
    }

}
