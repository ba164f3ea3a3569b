package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("A check that a failed-over machine serves: a TCP port answers, or an HTTP URL returns the expected status.")
public record SmokeCheck(
        @Required @JsonPropertyDescription("tcp or http.") CheckKind kind,
        @Required @JsonPropertyDescription("Machine the check targets.") String machine,
        @JsonPropertyDescription("TCP port.") Integer port,
        @JsonPropertyDescription("HTTP URL.") String url,
        @JsonPropertyDescription("Expected HTTP status; 200 unless declared.") Integer expectStatus) {}
