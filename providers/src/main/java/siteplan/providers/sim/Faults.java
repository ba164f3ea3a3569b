package siteplan.providers.sim;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import siteplan.model.json.ModelJson;

/**
 * Faults the simulated estate injects, read from faults.json in the state folder, so tests and demos
 * can show retries, failed jobs and failed drills:
 * <pre>{ "transient": {"protection.web01": 2}, "fail": {"policy.gold": "quota exceeded"},
 *   "testFailover": {"web02": "the VM did not boot"}, "closedPorts": ["web01:80"],
 *   "httpStatus": {"web01": 503}, "slowPorts": {"mq01:5672": 3}, "slowFailover": {"db01": 600},
 *   "replicationLag": {"db01": 3600} }</pre>
 */
public record Faults(
        @JsonPropertyDescription("Address → number of throttling answers (429) before the operation succeeds.") Map<String, Integer> transientFaults,
        @JsonPropertyDescription("Address → message: the operation fails for good.") Map<String, String> fail,
        @JsonPropertyDescription("Machine → message: its test failover job fails.") Map<String, String> testFailover,
        @JsonPropertyDescription("machine:port pairs nothing answers on after failover.") java.util.List<String> closedPorts,
        @JsonPropertyDescription("Machine → HTTP status its failed-over VM answers.") Map<String, Integer> httpStatus,
        @JsonPropertyDescription("machine:port → how many checks find it closed before it answers: a service that is slow to start.") Map<String, Integer> slowPorts,
        @JsonPropertyDescription("Machine → seconds its (test) failover takes beyond the timing model: a slow host or storage.") Map<String, Integer> slowFailover,
        @JsonPropertyDescription("Machine → seconds its latest recovery point is old: replication that is behind (RPO-LAG).") Map<String, Integer> replicationLag) {

    public static final Faults NONE = new Faults(null, null, null, null, null, null, null, null);

    public Faults {
        transientFaults = transientFaults == null ? Map.of() : Map.copyOf(transientFaults);
        fail = fail == null ? Map.of() : Map.copyOf(fail);
        testFailover = testFailover == null ? Map.of() : Map.copyOf(testFailover);
        closedPorts = closedPorts == null ? java.util.List.of() : java.util.List.copyOf(closedPorts);
        httpStatus = httpStatus == null ? Map.of() : Map.copyOf(httpStatus);
        slowPorts = slowPorts == null ? Map.of() : Map.copyOf(slowPorts);
        slowFailover = slowFailover == null ? Map.of() : Map.copyOf(slowFailover);
        replicationLag = replicationLag == null ? Map.of() : Map.copyOf(replicationLag);
    }

    private static final Map<String, AtomicInteger> THROTTLED = new ConcurrentHashMap<>();

    /** True while the address should still be throttled; counts down per process. */
    boolean throttle(String address) {
        Integer n = transientFaults.get(address);
        if (n == null) return false;
        return THROTTLED.computeIfAbsent(address, a -> new AtomicInteger()).getAndIncrement() < n;
    }

    /** A problem with the faults file, said so that it can be fixed, or empty when it reads. */
    public static java.util.Optional<String> check(Path stateDir) {
        try {
            read(stateDir);
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    public static Faults read(Path stateDir) {
        Path f = stateDir.resolve("faults.json");
        if (!siteplan.planner.state.StateFolder.isFile(stateDir, "faults.json")) return NONE;
        try {
            com.fasterxml.jackson.databind.JsonNode n = ModelJson.JSON.readTree(siteplan.planner.state.StateFolder.read(stateDir, "faults.json"));
            if (n.has("transient")) ((com.fasterxml.jackson.databind.node.ObjectNode) n).set("transientFaults", n.get("transient"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("transient");
            return ModelJson.JSON.treeToValue(n, Faults.class);
        } catch (IOException | ClassCastException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? "it " + siteplan.planner.state.StateFolder.where(j) : "it cannot be read";
            throw new IllegalArgumentException(f + " is not a faults file siteplan can read (" + why + "); fix it or remove it");
        }
    }
}
