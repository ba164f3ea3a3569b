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
import siteplan.executor.provider.RecoveryOperations;
import siteplan.model.CheckKind;
import siteplan.model.SmokeCheck;

/** A drill's smoke checks against the failed-over machines: a TCP connect, or an HTTP GET with the status it expects (200 unless told). */
final class SmokeChecks {
    private final RecoveryOperations recovery;
    private final Consumer<String> log;

    SmokeChecks(RecoveryOperations recovery, Consumer<String> log) {
        this.recovery = recovery;
        this.log = log;
    }

    /** Every check, in order, each logged as it ends: a failed one does not stop the others. */
    List<RunReport.Check> run(List<SmokeCheck> checks) {
        List<RunReport.Check> out = new ArrayList<>();
        for (SmokeCheck c : checks) {
            RunReport.Check r = check(c);
            out.add(r);
            log.accept("  check " + r.kind().token() + " " + r.target() + ": " + r.outcome().token() + (r.detail() == null ? "" : " — " + r.detail()));
        }
        return out;
    }

    RunReport.Check check(SmokeCheck c) {
        try {
            if (c.kind() == CheckKind.TCP) {
                InetSocketAddress at = recovery.endpoint(c.machine(), c.port());
                try (Socket s = new Socket()) {
                    s.connect(at, 3000);
                }
                return new RunReport.Check(CheckKind.TCP, c.machine(), c.machine() + ":" + c.port(), CheckOutcome.PASSED,
                        "connected to " + at.getAddress().getHostAddress() + ":" + at.getPort());
            }
            URI u = URI.create(c.url());
            InetSocketAddress at = recovery.endpoint(c.machine(), httpPort(c.url()));
            URI real = new URI(u.getScheme(), null, at.getAddress().getHostAddress(), at.getPort(), u.getPath(), u.getQuery(), null);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(real).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            int want = c.expectStatus() == null ? 200 : c.expectStatus();
            return new RunReport.Check(CheckKind.HTTP, c.machine(), c.url(), r.statusCode() == want ? CheckOutcome.PASSED : CheckOutcome.FAILED,
                    "HTTP " + r.statusCode() + (r.statusCode() == want ? "" : ", expected " + want) + " from " + real);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new RunReport.Check(c.kind(), c.machine(), c.kind() == CheckKind.TCP ? c.machine() + ":" + c.port() : c.url(), CheckOutcome.FAILED,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunReport.Check(c.kind(), c.machine(), c.url(), CheckOutcome.FAILED, "interrupted");
        }
    }

    static int httpPort(String url) {
        URI u = URI.create(url);
        return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }
}
