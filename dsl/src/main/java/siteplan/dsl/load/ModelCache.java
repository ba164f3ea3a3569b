package siteplan.dsl.load;

import siteplan.model.json.ModelJson;

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
import siteplan.files.DefinitionPaths;
import siteplan.model.Estate;

/**
 * The evaluated model, kept between runs and keyed by the content of every file a definition can read
 * (every file under its folders, as Gradle's configuration cache keys on its inputs). Nothing changed:
 * the model is read back with Jackson instead of evaluating the DSL. Anything changed, or a cache that
 * cannot be read: the definition is evaluated as usual. Only valid models are cached.
 *
 * <p>A cached model is believed instead of the definition, so an entry must never come from where
 * definitions come from (a checkout, a pull request). Entries live in the user's cache folder, never
 * under the definition, and each carries an HMAC-SHA256 with a key made on this machine and kept
 * beside them (readable by this user only): an entry written anywhere else, or edited, is a miss.
 */
public final class ModelCache {
    /** Smile, Jackson's binary JSON, configured like the model's JSON form. */
    private static final ObjectMapper JSON = ModelJson.withModule(new com.fasterxml.jackson.dataformat.smile.databind.SmileMapper());
    private static final String VERSION = "1";

    private final Path dir;
    private final byte[] macKey;
    private static final int MAC_LENGTH = 32;
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

    private ModelCache(Path dir, byte[] macKey) {
        this.dir = dir;
        this.macKey = macKey;
    }

    /**
     * The user's model cache: SITEPLAN_CACHE_DIR, else $XDG_CACHE_HOME/siteplan, else ~/.cache/siteplan.
     */
    public static Path defaultBase(Map<String, String> env) {
        String own = env.get("SITEPLAN_CACHE_DIR");
        if (own != null && !own.isBlank()) return Path.of(own);
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "siteplan");
        return Path.of(System.getProperty("user.home"), ".cache", "siteplan");
    }

    /**
     * The cache for one definition (its entries apart from other definitions', so each keeps its
     * latest), under base; null when base cannot be used safely (a link, or a folder others may
     * write), which only means no cache.
     */
    public static ModelCache open(Path base, List<String> paths) {
        try {
            Path root = privateFolder(base);
            byte[] key = machineKey(root.resolve("key"));
            MessageDigest md = sha256();
            for (String p : paths) md.update((Path.of(p).toAbsolutePath().normalize() + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(Path.of("").toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Path dir = root.resolve("models").resolve(HexFormat.of().formatHex(md.digest()).substring(0, 32));
            return new ModelCache(dir, key);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Creates base (owner only) or checks it: a folder, not a link, that no one else can write. */
    private static Path privateFolder(Path base) throws IOException {
        if (!Files.exists(base, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(base.getParent());
            try {
                Files.createDirectory(base, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made by a run beside this one: checked below like any other
            }
        }
        if (!Files.isDirectory(base, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new IOException(base + " is not a folder");
        var attrs = Files.readAttributes(base, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        var perms = attrs.permissions();
        if (perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE) || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(base + " can be written by others");
        }
        if (!attrs.owner().getName().equals(System.getProperty("user.name")) && !attrs.owner().equals(Files.getOwner(Path.of(System.getProperty("user.home"))))) {
            throw new IOException(base + " belongs to " + attrs.owner().getName());
        }
        return base;
    }

    /** This machine's key: 32 random bytes, made once, readable by this user only; a hard link publishes it whole or not at all. */
    private static byte[] machineKey(Path file) throws IOException {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            byte[] k = new byte[32];
            new java.security.SecureRandom().nextBytes(k);
            Path tmp = Files.createTempFile(file.getParent(), ".key", ".tmp",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(tmp, k);
                Files.createLink(file, tmp);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another run made it first: use that one
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new IOException(file + " is not a file");
        byte[] k = Files.readAllBytes(file);
        if (k.length != 32) throw new IOException(file + " is not a cache key");
        return k;
    }

    private byte[] mac(String name, byte[] data, int offset, int length) {
        try {
            javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
            m.init(new javax.crypto.spec.SecretKeySpec(macKey, "HmacSHA256"));
            // The entry's name is authenticated with it: a valid entry moved to another key is still a miss.
            m.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            m.update((byte) 0);
            m.update(data, offset, length);
            return m.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload of an authenticated file, or null when its MAC does not match. */
    private byte[] verified(Path f) throws IOException {
        byte[] all = Files.readAllBytes(f);
        if (all.length < MAC_LENGTH) return null;
        byte[] expected = mac(f.getFileName().toString(), all, MAC_LENGTH, all.length - MAC_LENGTH);
        if (!MessageDigest.isEqual(expected, java.util.Arrays.copyOf(all, MAC_LENGTH))) return null;
        return java.util.Arrays.copyOfRange(all, MAC_LENGTH, all.length);
    }

    /** The most a definition's files may add up to; more is refused, so that hashing them is bounded. */
    public static final long MAX_INPUT_BYTES = 512L << 20;

    /** A definition folder whose files add up to more than {@link #MAX_INPUT_BYTES}. */
    public static final class TooLarge extends IOException {
        public final String path;

        TooLarge(String path, String message) {
            super(message);
            this.path = path;
        }
    }

    /**
     * The definition's digest: SHA-256 over the model's schema and the relative path and bytes of every
     * file under each argument, in order. It depends on content only, not on where the files are checked out, so a plan
     * made in one CI workspace is recognised in another.
     * <p>
     * Only what can be part of the definition is read: files inside the folder (an include, a table or a
     * script can name any of them, so all are covered and an edit to any is seen), not the state and
     * history in .siteplan nor a .git folder. A link is followed only when it leads to a file inside
     * the folder (the rule of {@link DefinitionPaths}); one leading out counts by its name alone and is
     * never opened, and a file reached by several names is read once. The bytes read are bounded by
     * {@link #MAX_INPUT_BYTES}: a folder holding more throws {@link TooLarge}.
     */
    public static String key(List<String> paths) throws IOException {
        MessageDigest md = sha256();
        md.update(VERSION.getBytes());
        // The model's shape: a cache written by a siteplan whose model differs must never be read as this one's.
        try (InputStream schema = ModelCache.class.getResourceAsStream("/estate.schema.json")) {
            if (schema != null) md.update(schema.readAllBytes());
        }
        byte[] buf = new byte[1 << 16];
        long[] budget = {MAX_INPUT_BYTES};
        java.util.Map<Path, String> hashed = new java.util.HashMap<>();
        int index = 0;
        for (String arg : paths) {
            Path p = Path.of(arg).toAbsolutePath().normalize();
            md.update(("\0arg" + index++ + (Files.isDirectory(p) ? "/" : ":" + p.getFileName())).getBytes());
            Path root = Files.isDirectory(p) ? p : p.getParent();
            List<Path> files = new ArrayList<>();
            // The walk never enters a linked folder; linked files are checked one by one below.
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes a) {
                    String n = d.getFileName() == null ? "" : d.getFileName().toString();
                    return !d.equals(root) && (n.equals(".siteplan") || n.equals(".git")) ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                    // A plan saved into the folder is no part of the definition (the loader skips it too): saving it must not make it stale.
                    if ((a.isRegularFile() || a.isSymbolicLink()) && (f.equals(p) || !OwnFiles.isSavedPlan(f))) files.add(f);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                    files.add(f);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
            files.sort(null);
            for (Path f : files) {
                String rel = root.relativize(f).toString();
                md.update(('\0' + rel + '\0').getBytes());
                Path real;
                if (Files.isSymbolicLink(f)) {
                    DefinitionPaths.Result r = DefinitionPaths.check(root, f);
                    if (!r.inside() || !Files.isRegularFile(r.real())) {
                        // Never opened: the loader refuses it if the definition uses it.
                        md.update(("link:" + r.kind()).getBytes());
                        continue;
                    }
                    real = r.real();
                } else {
                    if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        md.update("unreadable".getBytes());
                        continue;
                    }
                    real = f.toRealPath();
                }
                String first = hashed.putIfAbsent(real, rel);
                if (first != null) {
                    md.update(("same:" + first).getBytes());
                    continue;
                }
                long size = Files.size(real);
                if (size > budget[0]) throw tooLarge(arg, root, rel);
                try (InputStream in = Files.newInputStream(real, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        budget[0] -= n;
                        if (budget[0] < 0) throw tooLarge(arg, root, rel);
                        md.update(buf, 0, n);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static TooLarge tooLarge(String arg, Path root, String rel) {
        return new TooLarge(arg, "the files of the definition folder " + root + " add up to more than " + (MAX_INPUT_BYTES >> 20) + " MB (at " + rel
                + "); a definition is read whole on every run, so keep only its definition files, includes, tables and scripts there"
                + " and move other data out of the folder");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Path target, Object value) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".cache", ".tmp");
        try {
            byte[] payload = JSON.writeValueAsBytes(value);
            try (var out = Files.newOutputStream(tmp)) {
                out.write(mac(target.getFileName().toString(), payload, 0, payload.length));
                out.write(payload);
            }
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
    record Entry(Estate estate, List<String> files, List<String> notes) {}

    public DefinitionLoader.Loaded get(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) return null;
        try {
            byte[] payload = verified(f);
            if (payload == null) return null;
            Entry e = JSON.readValue(payload, Entry.class);
            Path sourcesFile = dir.resolve("sources-" + entryKey(key) + ".smile");
            SourceMap sources = SourceMap.lazy(() -> {
                SourceMap m = new SourceMap();
                try {
                    byte[] side = verified(sourcesFile);
                    if (side == null) return m;
                    Map<String, List<Location>> all = JSON.readValue(side,
                            JSON.getTypeFactory().constructMapType(Map.class, JSON.getTypeFactory().constructType(String.class),
                                    JSON.getTypeFactory().constructCollectionType(List.class, Location.class)));
                    all.forEach((k, places) -> places.forEach(l -> m.add(k, l)));
                } catch (IOException | RuntimeException ex) {
                    // without the side file, findings carry no line: still correct, less helpful
                }
                return m;
            });
            return new DefinitionLoader.Loaded(e.estate(), sources, e.files(), "sha256:" + key, e.notes());
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable cache is a miss, never an error
        }
    }

    /** Entries of definitions not planned for 30 days go: the cache is shared by every definition this user plans. */
    private static void forgetUnused(Path models) {
        long cutoff = System.currentTimeMillis() - java.time.Duration.ofDays(30).toMillis();
        try (Stream<Path> all = Files.list(models)) {
            for (Path d : all.toList()) {
                if (Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(d).toMillis() < cutoff) {
                    try (Stream<Path> files = Files.list(d)) {
                        for (Path f : files.toList()) Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(d);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // tidying only
        }
    }

    /** Stores a model under its key, replacing older entries; failures to write are ignored. */
    public void put(String key, DefinitionLoader.Loaded loaded) {
        try {
            Files.createDirectories(dir);
            // The source map first: a model entry is only ever read when its source map is there.
            write(dir.resolve("sources-" + entryKey(key) + ".smile"), loaded.sources().entries());
            write(file(key), new Entry(loaded.estate(), loaded.files(), loaded.notes()));
            forgetUnused(dir.getParent());
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
