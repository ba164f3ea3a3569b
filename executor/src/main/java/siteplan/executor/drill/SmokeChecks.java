package siteplan.executor.drill;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import siteplan.executor.Times;
import siteplan.executor.provider.ExecutionClock;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.model.ActionKind;
import siteplan.model.CheckKind;
import siteplan.model.PlanAction;
import siteplan.model.RecoveryGroup;
import siteplan.model.SmokeCheck;

/**
 * Checks against the failed-over machines, a group's when the group is up and a drill's when every group is: a TCP
 * connect, an HTTP GET with the status it expects (200 unless told), or a script that exits 0. A check with a timeout
 * is tried again every retryEvery (10s unless told) until it passes or its timeout is spent, on the provider's clock
 * (modelled time for the simulated estate), so a service still starting is waited for and a dead one is not.
 */
final class SmokeChecks {
    private final RecoveryOperations recovery;
    private final ExecutionClock clock;
    private final ScriptStep scripts;
    private final MachineAddresses addresses;
    private final RunStop stop;
    private final Consumer<String> log;

    SmokeChecks(RecoveryOperations recovery, ExecutionClock clock, ScriptStep scripts, MachineAddresses addresses, RunStop stop, Consumer<String> log) {
        this.recovery = recovery;
        this.clock = clock;
        this.scripts = scripts;
        this.addresses = addresses;
        this.stop = stop;
        this.log = log;
    }

    /**
     * Every check, in order, each logged as it ends: a failed one does not stop the others.
     * @param group the group's number from 1, or 0 for a drill's checks after every group
     * @param g the group (for a drill's checks: every machine of the plan), for a script's environment
     */
    List<RunReport.Check> run(List<SmokeCheck> checks, int group, RecoveryGroup g) {
        List<RunReport.Check> out = new ArrayList<>();
        for (SmokeCheck c : checks) {
            RunReport.Check r = tried(c, group, g);
            out.add(r);
            log.accept("  check " + r.kind().token() + " " + r.target() + ": " + r.outcome().token() + (r.detail() == null ? "" : " — " + r.detail())
                    + (r.tries() > 1 ? " (" + r.tries() + " tries in " + Times.human(r.seconds()) + ")" : ""));
        }
        return out;
    }

    /**
     * The check tried until it passes, its timeout is spent, or the run is stopped. On wall time the timeout counts
     * everything; on a modelled clock (the simulated estate's, which races ahead of wall time) it counts the waits
     * between tries, so a timeout of 1m with retryEvery 15s gives five tries whatever the clock's speed, and the check's
     * time is those waits plus the tries' own wall time.
     */
    private RunReport.Check tried(SmokeCheck c, int group, RecoveryGroup g) {
        Duration retry = c.retryEvery() != null ? c.retryEvery() : SmokeCheck.DEFAULT_RETRY;
        java.time.Instant start = clock.now();
        Duration waited = Duration.ZERO;
        long wallNanos = 0;
        int tries = 0;
        while (true) {
            tries++;
            Duration before = clock.simulated() ? waited : Duration.between(start, clock.now());
            long t0 = System.nanoTime();
            Attempt a = once(c, group, g, c.timeout() == null ? null : c.timeout().minus(before));
            wallNanos += System.nanoTime() - t0;
            Duration elapsed = clock.simulated() ? waited : Duration.between(start, clock.now());
            long seconds = (clock.simulated() ? waited.plusNanos(wallNanos) : elapsed).toSeconds();
            boolean spent = c.timeout() == null || elapsed.plus(retry).compareTo(c.timeout()) > 0;
            if (a.passed() || spent || stop.cancelled()) {
                String detail = a.detail();
                if (!a.passed() && c.timeout() != null && !stop.cancelled()) detail = detail + "; still failing after " + Times.human(c.timeout().toSeconds());
                return new RunReport.Check(c.kind(), c.machine(), c.target(), a.passed() ? CheckOutcome.PASSED : CheckOutcome.FAILED, detail, tries, seconds);
            }
            try {
                clock.sleep(retry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RunReport.Check(c.kind(), c.machine(), c.target(), CheckOutcome.FAILED, "interrupted", tries, seconds);
            }
            waited = waited.plus(retry);
        }
    }

    private record Attempt(boolean passed, String detail) {}

    /** One try; {@code left}: what remains of the check's timeout (a script's run is bounded by it), null when it has none. */
    private Attempt once(SmokeCheck c, int group, RecoveryGroup g, Duration left) {
        try {
            return switch (c.kind()) {
                case TCP -> {
                    InetSocketAddress at = recovery.endpoint(c.machine(), c.port());
                    try (Socket s = new Socket()) {
                        s.connect(at, 3000);
                    }
                    yield new Attempt(true, "connected to " + at.getAddress().getHostAddress() + ":" + at.getPort());
                }
                case HTTP -> {
                    URI u = URI.create(c.url());
                    InetSocketAddress at = recovery.endpoint(c.machine(), httpPort(c.url()));
                    URI real = new URI(u.getScheme(), null, at.getAddress().getHostAddress(), at.getPort(), u.getPath(), u.getQuery(), null);
                    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
                    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(real).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    int want = c.expectStatus() == null ? 200 : c.expectStatus();
                    yield new Attempt(r.statusCode() == want, "HTTP " + r.statusCode() + (r.statusCode() == want ? "" : ", expected " + want) + " from " + real);
                }
                case SCRIPT -> {
                    Duration bound = left == null || left.isNegative() || left.isZero() ? null : left;
                    ScriptStep.Ran r = scripts.run(new PlanAction(ActionKind.SCRIPT, c.script(), bound), group, g, addresses.snapshot());
                    yield new Attempt(r.outcome() == ActionOutcome.DONE, r.detail());
                }
            };
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new Attempt(false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, "interrupted");
        }
    }

    static int httpPort(String url) {
        URI u = URI.create(url);
        return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }
}
