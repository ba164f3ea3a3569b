package siteplan.executor.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import siteplan.model.json.ModelJson;

/**
 * The run's journal: one JSON line per event (started, done, failed, skipped), forced to disk before
 * the run goes on, so a run killed with -9 leaves an exact account of what it had begun and finished.
 * It lives in the history repository's work tree and is committed when the run ends, or by the next
 * run when this one never got to (see History#recoverInterrupted).
 */
public final class Journal implements AutoCloseable {
    public static final String FILE = "journal.jsonl";
    private final Path file;
    private final FileChannel channel;
    private final java.util.function.UnaryOperator<String> redact;

    public Journal(Path file, java.util.function.UnaryOperator<String> redact) throws IOException {
        this.file = file;
        this.redact = redact;
        Files.createDirectories(file.getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    /** Appends an event and forces it to disk. */
    public synchronized void record(Instant at, JournalEvent event, String address, String action, String detail) {
        ObjectNode n = ModelJson.JSON.createObjectNode();
        n.put("at", at.toString());
        n.put("event", event.token());
        if (address != null) n.put("address", address);
        if (action != null) n.put("action", action);
        if (detail != null) n.put("detail", redact.apply(detail));
        try {
            String line = ModelJson.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(n) + "\n";
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the journal " + file, e);
        }
    }

    @Override public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the journal is already on disk line by line
        }
    }

    /** The journal's events, for the history view and tests. */
    public static List<ObjectNode> read(Path file) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
                out.add((ObjectNode) ModelJson.JSON.readTree(line));
            } catch (IOException torn) {
                break; // a line torn by a kill is the end of the account
            }
        }
        return out;
    }
}
