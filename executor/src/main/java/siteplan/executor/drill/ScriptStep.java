package siteplan.executor.drill;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import siteplan.executor.Times;
import siteplan.executor.history.History;
import siteplan.executor.secrets.Secrets;
import siteplan.files.DefinitionPaths;
import siteplan.model.PlanAction;
import siteplan.model.PlanMachine;
import siteplan.model.RecoveryGroup;

/**
 * Runs a script step as a subprocess with a timeout. Its environment is built from nothing (see
 * {@link #environment}); its output goes to a log in the run's folder, never the system's temporary
 * folder, so a killed run leaves nothing behind there.
 */
final class ScriptStep {
    /** The default PATH of a script when the runner has none. */
    static final String SAFE_PATH = "/usr/local/bin:/usr/bin:/bin";

    /** What a script did, and the tail of its output (or why it did not run) for people. */
    record Ran(ActionOutcome outcome, String detail) {}

    private final RecoveryRunner.Options options;
    private final String recoveryPlan;
    private final Secrets secrets;
    private final AtomicInteger scripts = new AtomicInteger();

    ScriptStep(RecoveryRunner.Options options, String recoveryPlan, Secrets secrets) {
        this.options = options;
        this.recoveryPlan = recoveryPlan;
        this.secrets = secrets;
    }

    Ran run(PlanAction a, int group, RecoveryGroup g, Map<String, InetSocketAddress> addresses) {
        Path dir = options.definitionDir();
        // Checked at load too; again here, through links, in case the folder changed since.
        String problem = DefinitionPaths.scriptProblem(dir, a.value());
        if (problem != null) return new Ran(ActionOutcome.FAILED, "script " + a.value() + " " + problem);
        Path script = DefinitionPaths.check(dir, dir.resolve(a.value())).real();
        Duration timeout = a.timeout() != null ? a.timeout() : options.defaultScriptTimeout();
        int n = scripts.incrementAndGet();
        String name = String.format("%02d-%s", n, script.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_"));
        Path logs = options.runDir().resolve("scripts");
        Path scratch = options.runDir().resolve(History.SCRATCH).resolve(name);
        Path output = logs.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(Files.isExecutable(script) ? List.of(script.toString()) : List.of("sh", script.toString()));
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        try {
            Files.createDirectories(logs);
            Files.createDirectories(scratch.resolve("home"));
            Files.createDirectories(scratch.resolve("tmp"));
            pb.environment().clear();
            pb.environment().putAll(environment(options.environment(), scratch, group, g, addresses));
            pb.redirectOutput(output.toFile());
            Process p = pb.start();
            boolean finished;
            try {
                // A timeout of more seconds than fit in milliseconds is waited for as long as a long can say.
                finished = p.waitFor(timeout.getSeconds() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return new Ran(ActionOutcome.STOPPED, "interrupted");
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
            if (!finished) return new Ran(ActionOutcome.TIMED_OUT, "stopped after " + Times.human(timeout.toSeconds()) + (tail.isEmpty() ? "" : ": " + tail));
            return p.exitValue() == 0 ? new Ran(ActionOutcome.DONE, tail.isEmpty() ? "exit 0" : tail)
                    : new Ran(ActionOutcome.FAILED, "exit " + p.exitValue() + (tail.isEmpty() ? "" : ": " + tail));
        } catch (IOException e) {
            return new Ran(ActionOutcome.FAILED, "cannot run " + a.value() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ran(ActionOutcome.STOPPED, "interrupted");
        } finally {
            History.deleteTree(scratch);
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
    Map<String, String> environment(Map<String, String> parent, Path scratch, int group, RecoveryGroup g, Map<String, InetSocketAddress> addresses) {
        Map<String, String> env = new TreeMap<>();
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
        env.put("SITEPLAN_RECOVERY_PLAN", recoveryPlan);
        env.put("SITEPLAN_GROUP", String.valueOf(group));
        env.put("SITEPLAN_MODE", options.mode() == RecoveryRunner.Mode.TEST ? "drill" : "failover");
        env.put("SITEPLAN_MACHINES", String.join(" ", g.machines().stream().map(PlanMachine::name).toList()));
        addresses.forEach((m, addr) -> env.put("SITEPLAN_ADDRESS_" + m.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), addr.getAddress().getHostAddress()));
        InetSocketAddress first = addresses.get(g.machines().get(0).name());
        if (first != null) env.put("SITEPLAN_TARGET_IP", first.getAddress().getHostAddress());
        return env;
    }
}
