package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;

@JsonClassDescription("A check that failed-over machines serve: a TCP port answers, an HTTP URL returns the expected status, or a script exits 0.")
public record SmokeCheck(
        @Required @JsonPropertyDescription("tcp, http or script.") CheckKind kind,
        @JsonPropertyDescription("Machine the check targets (tcp and http).") String machine,
        @JsonPropertyDescription("TCP port.") Integer port,
        @JsonPropertyDescription("HTTP URL.") String url,
        @JsonPropertyDescription("Expected HTTP status; 200 unless declared.") Integer expectStatus,
        @JsonPropertyDescription("Script: the path, relative to the definition; it passes when it exits 0.") String script,
        @JsonPropertyDescription("How long the check may keep trying while the service comes up; one try unless declared (a script: how long one run may take).") Duration timeout,
        @JsonPropertyDescription("How long to wait between tries within the timeout; 10s unless declared.") Duration retryEvery) {

    /** Ten seconds between tries: a service coming up is not hammered, and a check within a 1-minute timeout gets six tries. */
    public static final Duration DEFAULT_RETRY = Duration.ofSeconds(10);

    /** A tcp or http check tried once. */
    public SmokeCheck(CheckKind kind, String machine, Integer port, String url, Integer expectStatus) {
        this(kind, machine, port, url, expectStatus, null, null, null);
    }

    /** What the check is against, as a report names it: "ord-sql01:1433", the URL, or the script's path. */
    public String target() {
        return switch (kind) {
            case TCP -> machine + ":" + port;
            case HTTP -> url;
            case SCRIPT -> script;
        };
    }
}
