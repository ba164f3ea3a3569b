package siteplan.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import siteplan.diag.Location;
import siteplan.diag.SourceMap;
import siteplan.model.Estate;

/**
 * The evaluated model, kept between runs and keyed by the content of every file a definition can read
 * (every file under its folders, as Gradle's configuration cache keys on its inputs). Nothing changed:
 * the model is read back with Jackson instead of evaluating the DSL. Anything changed, or a cache that
 * cannot be read: the definition is evaluated as usual. Only valid models are cached.
 */
public final class ModelCache {
    /** Smile, Jackson's binary JSON, configured like the model's JSON form. */
    private static final ObjectMapper JSON = ModelJson.withModule(new com.fasterxml.jackson.dataformat.smile.databind.SmileMapper());
    private static final String VERSION = "1";

    private final Path dir;
    private static final List<Thread> WRITERS = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Writes the entry on a background thread, overlapping the rest of the run; see {@link #awaitWrites}. */
    public void putInBackground(String key, DefinitionLoader.Loaded loaded) {
        Thread t = new Thread(() -> put(key, loaded), "siteplan-model-cache");
        WRITERS.add(t);
        t.start();
    }

    /** Waits for background cache writes; called before the process exits (System.exit does not wait). */
    public static void awaitWrites() {
        List<Thread> copy;
        synchronized (WRITERS) {
            copy = new ArrayList<>(WRITERS);
            WRITERS.clear();
        }
        for (Thread t : copy) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public ModelCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The definition's digest: SHA-256 over the model's schema and the relative path and bytes of every
     * file under each argument, in order. It depends on content only, not on where the files are checked out, so a plan
     * made in one CI workspace is recognised in another.
     */
    public static String key(List<String> paths) throws IOException {
        MessageDigest md = sha256();
        md.update(VERSION.getBytes());
        // The model's shape: a cache written by a siteplan whose model differs must never be read as this one's.
        try (InputStream schema = ModelCache.class.getResourceAsStream("/estate.schema.json")) {
            if (schema != null) md.update(schema.readAllBytes());
        }
        byte[] buf = new byte[1 << 16];
        int index = 0;
        for (String arg : paths) {
            Path p = Path.of(arg).toAbsolutePath().normalize();
            md.update(("\0arg" + index++ + (Files.isDirectory(p) ? "/" : ":" + p.getFileName())).getBytes());
            Path root = Files.isDirectory(p) ? p : p.getParent();
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(Files::isRegularFile).filter(f -> !root.relativize(f).toString().startsWith(".siteplan")
                        && !root.relativize(f).toString().contains("/.siteplan/")).sorted().toList();
            }
            for (Path f : files) {
                md.update(('\0' + root.relativize(f).toString() + '\0').getBytes());
                try (InputStream in = Files.newInputStream(f)) {
                    int n;
                    while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path target, Object value) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".cache", ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), value);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path file(String key) {
        return dir.resolve("model-" + entryKey(key) + ".smile");
    }

    /** Cached messages name files relative to the working directory, so the entry depends on it too. */
    private static String entryKey(String digest) {
        MessageDigest md = sha256();
        md.update(digest.getBytes());
        md.update(Path.of("").toAbsolutePath().normalize().toString().getBytes());
        return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    }

    /** The cached model for this key, or null. */
    /** The cached model, bound in one streaming pass; the source map is a separate file, read only when asked for. */
    record Entry(Estate estate, List<String> files) {}

    public DefinitionLoader.Loaded get(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) return null;
        try {
            Entry e = JSON.readValue(f.toFile(), Entry.class);
            Path sourcesFile = dir.resolve("sources-" + entryKey(key) + ".smile");
            SourceMap sources = SourceMap.lazy(() -> {
                SourceMap m = new SourceMap();
                try {
                    Map<String, List<Location>> all = JSON.readValue(sourcesFile.toFile(),
                            JSON.getTypeFactory().constructMapType(Map.class, JSON.getTypeFactory().constructType(String.class),
                                    JSON.getTypeFactory().constructCollectionType(List.class, Location.class)));
                    all.forEach((k, places) -> places.forEach(l -> m.add(k, l)));
                } catch (IOException | RuntimeException ex) {
                    // without the side file, findings carry no line: still correct, less helpful
                }
                return m;
            });
            return new DefinitionLoader.Loaded(e.estate(), sources, e.files(), "sha256:" + key);
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable cache is a miss, never an error
        }
    }

    /** Stores a model under its key, replacing older entries; failures to write are ignored. */
    public void put(String key, DefinitionLoader.Loaded loaded) {
        try {
            Files.createDirectories(dir);
            // The source map first: a model entry is only ever read when its source map is there.
            write(dir.resolve("sources-" + entryKey(key) + ".smile"), loaded.sources().entries());
            write(file(key), new Entry(loaded.estate(), loaded.files()));
            try (Stream<Path> old = Files.list(dir)) {
                java.util.Set<String> keep = java.util.Set.of("model-" + entryKey(key) + ".smile", "sources-" + entryKey(key) + ".smile");
                old.filter(p -> (p.getFileName().toString().startsWith("model-") || p.getFileName().toString().startsWith("sources-"))
                        && !keep.contains(p.getFileName().toString())).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | RuntimeException e) {
            // The cache is an optimisation: a run never fails because it could not be written.
        }
    }
}
