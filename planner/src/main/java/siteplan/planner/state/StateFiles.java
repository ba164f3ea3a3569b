package siteplan.planner.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import siteplan.model.json.ModelJson;

/** Reads and writes the simulated estate's state file, and fingerprints discovered state. */
public final class StateFiles {
    public static final String STATE_FILE = "state.json";
    private static final ObjectMapper JSON = ModelJson.JSON.copy()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            // One state per file: text after it means the file is not what siteplan wrote.
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private StateFiles() {}

    public static DiscoveredState read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), DiscoveredState.class);
    }

    public static DiscoveredState read(byte[] json) throws IOException {
        return JSON.readValue(json, DiscoveredState.class);
    }

    /** Writes beside the target and moves it into place: a reader never sees half a state. */
    public static void write(Path file, DiscoveredState state) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".state", ".tmp");
        try {
            Files.writeString(tmp, toJson(state), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Compact above this many VMs: a large simulated estate is read on every plan, and whitespace costs. */
    private static final int PRETTY_LIMIT = 2000;
    private static final ObjectMapper COMPACT = JSON.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    public static String toJson(Object value) {
        try {
            boolean large = value instanceof DiscoveredState s
                    && s.vcenters().stream().mapToLong(v -> v.vms().size()).sum() + s.vmms().stream().mapToLong(v -> v.vms().size()).sum() > PRETTY_LIMIT;
            return (large ? COMPACT : JSON).writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the canonical JSON form; equal states have equal fingerprints. */
    public static String fingerprint(Object value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(md.digest(JSON.writeValueAsBytes(value)));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
