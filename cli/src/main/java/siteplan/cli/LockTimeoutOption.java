package siteplan.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * --lock-timeout DURATION of every command that takes the estate lock: how long to wait for a run that holds
 * it (a CI queue of applies) before giving up with exit 5. Zero, the default, gives up at once. The single-dash
 * spelling is Terraform's, so scripts port.
 */
final class LockTimeoutOption {
    @Option(names = {"--lock-timeout", "-lock-timeout"}, paramLabel = "DURATION",
            description = "Wait up to DURATION (e.g. 30s, 5m) for a lock another run holds, instead of exiting 5 at once (default: 0s).")
    Duration wait = Duration.ZERO;
}
