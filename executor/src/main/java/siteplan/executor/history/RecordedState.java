package siteplan.executor.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import siteplan.planner.state.StateFolder;

/**
 * The state that travels with history. A CI pipeline runs each job in a fresh clone on a machine of its
 * own, so what the apply job changed must reach the drill job through something they share: the history
 * remote. Real providers discover their state from vCenter and Azure; what only the state folder knows is
 * the simulated estate ({@code state.json}), its clock ({@code clock.json}) and its ID ({@code estate-id},
 * what the estate lock is keyed on). So:
 * <ul>
 *   <li>every run that may change the estate (apply, drill, failover and the stages after it) records
 *       those files under {@code runs/RUN-ID/state/} in its own commit, with the trailer
 *       {@code Siteplan-State}; this machine then notes that the folder holds that commit (see {@link #markerFile});</li>
 *   <li>with a history remote, a command starts from the newest commit of the history branch that
 *       recorded the state of its estate (by the estate's name in history), unless its state folder
 *       already holds exactly that record. <b>History wins</b>: a state folder that holds another state (a
 *       fresh clone's committed one, an older record) is replaced, and the command says so; except a state
 *       {@code sim init} wrote since, which is deliberate and which the next run records. Only the history branch counts: a commit pushed to any other ref of the remote
 *       is never fetched, so it is never taken as state;</li>
 *   <li>the note of which record a folder holds is this machine's own (see {@link #markerFile}); a record is taken only
 *       when it is as {@link #capture} writes one (see {@link #check}), and newer ones that are not are skipped
 *       and told;</li>
 *   <li>before an estate's first record, the state folder the protected branch checked out is where it starts:
 *       reviewed content, recorded by the first run (a pull-request job records nothing);</li>
 *   <li>once the lock is held, the history branch is fetched again: a run whose state is no longer the
 *       newest recorded one (another machine recorded a run while this one waited) is refused before it
 *       changes anything, and run again starts from the newer state.</li>
 * </ul>
 */
public final class RecordedState {
    /** The state folder's files that travel, in the form the simulated estate writes them. */
    static final List<String> FILES = List.of("state.json", "clock.json", "estate-id");
    /** The note, in the user's home, of the history commit whose recorded state a folder holds, or {@link #INITIALISED}. */
    public static final String MARKER = "recorded-state";
    /** The marker's content after `sim init`: a new estate set on purpose, which the next run records. */
    public static final String INITIALISED = "sim init";
    public static final String TRAILER = "Siteplan-State";
    private static final String FOLDER = "state";

    private RecordedState() {}

    /**
     * Copies the state folder's travelling files into the run's folder, to be committed with it; returns the
     * trailer's value (where in the commit the state is), or empty when the folder holds no simulated estate.
     */
    public static Optional<String> capture(Path stateDir, History.Run run) throws IOException {
        if (!StateFolder.isFile(stateDir, FILES.get(0))) return Optional.empty();
        Path into = Files.createDirectories(run.dir().resolve(FOLDER));
        for (String name : FILES) {
            if (StateFolder.isFile(stateDir, name)) Files.write(into.resolve(name), StateFolder.read(stateDir, name));
        }
        return Optional.of("runs/" + run.id() + "/" + FOLDER);
    }

    /** Notes that the state folder holds the state recorded by {@code commit} (see {@link #markerFile}). */
    public static void mark(Path stateDir, String commit) throws IOException {
        established(stateDir, commit);
        try {
            writeMarker(stateDir, commit);
        } catch (IOException unwritable) {
            // Only a note to save work: without it the next command takes the state from history again.
        }
    }

    /**
     * Where this machine notes which record a state folder holds: in the user's home, keyed by the folder's real
     * path, never in the folder. A file in the folder could come with the definitions (committed, in a source
     * archive), from a pull request's artifact unpacked there, or from an earlier job on a kept workspace; none
     * of them can say what this machine took from history. A fresh CI runner has no note, so history wins.
     */
    static Path markerFile(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        String real = stateDir.toAbsolutePath().toRealPath().toString();
        String key;
        try {
            key = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(real.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Path.of(System.getProperty("user.home"), ".siteplan", MARKER, key);
    }

    private static void writeMarker(Path stateDir, String what) throws IOException {
        Path file = markerFile(stateDir);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".marker", ".tmp");
        try {
            Files.writeString(tmp, what + "\n" + stateDir.toAbsolutePath().toRealPath() + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * What this process established its state folder holds: the record it took or found held (or
     * {@link #INITIALISED}). Under the lock, a run compares the newest record with this, not with the note again:
     * the note is only a saving (a home siteplan cannot write has none), and without it every run would be refused.
     */
    private static final java.util.Map<Path, String> ESTABLISHED = new java.util.concurrent.ConcurrentHashMap<>();

    private static void established(Path stateDir, String what) {
        ESTABLISHED.put(key(stateDir), what);
    }

    private static Path key(Path stateDir) {
        try {
            return stateDir.toAbsolutePath().toRealPath();
        } catch (IOException e) {
            return stateDir.toAbsolutePath().normalize();
        }
    }

    /** The marker's text, when it is this machine's. */
    private static Optional<String> marker(Path stateDir) throws IOException {
        if (!Files.isDirectory(stateDir)) return Optional.empty();
        Path file = markerFile(stateDir);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        String[] lines = Files.readString(file).split("\n");
        // The second line is the folder it is about: a note is only ever read for that folder.
        return lines.length >= 2 && lines[1].equals(stateDir.toAbsolutePath().toRealPath().toString()) ? Optional.of(lines[0].trim()) : Optional.empty();
    }

    /** A record of the history branch that is not as siteplan writes one, and why: it is never taken. */
    public record Unusable(History.Entry entry, String why) {}

    /** A usable record: its commit, and the text of each travelling file it holds. */
    private record Usable(History.Entry entry, java.util.Map<String, String> files) {}

    /**
     * The newest commit of the history branch that recorded the state of the estate named {@code estate},
     * as siteplan records one; newer records that are not (see {@link #check}) go to {@code skipped}.
     */
    static Optional<Usable> newest(History history, String estate, java.util.function.Consumer<Unusable> skipped) throws IOException {
        // The remote's record wins when this clone's branch does not hold it: this clone is ahead with commits of
        // its own (a plan not pushed), so its branch was not fast-forwarded and misses what others recorded.
        Optional<Usable> fetched = newestIn(history, history.listFetched(), estate, u -> {});
        if (fetched.isPresent() && !history.holds(fetched.get().entry().commit())) return fetched;
        return newestIn(history, history.list(), estate, skipped);
    }

    private static Optional<Usable> newestIn(History history, List<History.Entry> entries, String estate, java.util.function.Consumer<Unusable> skipped) throws IOException {
        for (History.Entry e : entries) {
            if (!estate.equals(e.trailers().get("Siteplan-Estate")) || !e.trailers().containsKey(TRAILER)) continue;
            java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
            Optional<String> why = check(history, e, files);
            if (why.isEmpty()) return Optional.of(new Usable(e, files));
            skipped.accept(new Unusable(e, why.get()));
        }
        return Optional.empty();
    }

    /**
     * Why a record is not one siteplan wrote, or empty when it is; fills {@code files}. Anyone who can push to
     * the history branch can write a commit with the trailer: taking one whose state.json is missing or is not
     * a simulated estate would wipe or break the state of every machine that takes it.
     */
    private static Optional<String> check(History history, History.Entry e, java.util.Map<String, String> files) throws IOException {
        String at = e.trailers().get(TRAILER);
        if (!e.run().matches("[A-Za-z0-9._-]{1,100}") || !at.equals("runs/" + e.run() + "/" + FOLDER)) {
            return Optional.of("its " + TRAILER + " trailer is '" + at + "', not the run's own folder runs/RUN-ID/" + FOLDER);
        }
        for (String name : FILES) {
            Optional<String> text;
            try {
                text = history.read(e.commit(), at + "/" + name);
            } catch (IOException tooLarge) {
                return Optional.of(tooLarge.getMessage());
            }
            text.ifPresent(t -> files.put(name, t));
        }
        String state = files.get(FILES.get(0));
        if (state == null) return Optional.of(at + "/state.json is missing (or is not a file)");
        try {
            siteplan.planner.state.StateFiles.read(state.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException bad) {
            return Optional.of(at + "/state.json is not a simulated estate's state (" + firstLine(bad.getMessage()) + ")");
        }
        String clock = files.get("clock.json");
        if (clock != null) {
            try {
                java.time.Instant.parse(siteplan.model.json.ModelJson.JSON.readTree(clock).path("simulatedNow").asText());
            } catch (IOException | RuntimeException bad) {
                return Optional.of(at + "/clock.json is not a simulated clock ({\"simulatedNow\": an instant})");
            }
        }
        String id = files.get("estate-id");
        if (id != null && !id.trim().matches("[A-Za-z0-9._-]{1,100}")) return Optional.of(at + "/estate-id is not an estate ID as siteplan writes it");
        return Optional.empty();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }


    /** The commit whose recorded state the folder holds, or empty when it holds a state never recorded (or none). */
    public static Optional<String> held(Path stateDir) throws IOException {
        return marker(stateDir).filter(c -> c.matches("[0-9a-f]{40}"));
    }

    /** Notes that `sim init` set the state folder's estate anew (see {@link #INITIALISED} and {@link #markerFile}). */
    public static void markInitialised(Path stateDir) throws IOException {
        established(stateDir, INITIALISED);
        writeMarker(stateDir, INITIALISED);
    }

    private static boolean initialised(Path stateDir) throws IOException {
        return marker(stateDir).filter(INITIALISED::equals).isPresent();
    }

    /** What {@link #take} did: the record the folder now holds, and the one it held before (empty: a state never recorded). */
    public record Taken(History.Entry record, Optional<String> replaced) {}

    /**
     * Makes the state folder hold the newest recorded state of the estate, when the history branch has one
     * and the folder does not hold exactly it (see the class comment); returns what it replaced, or empty
     * when the folder was left as it was.
     */
    public static Optional<Taken> take(History history, Path stateDir, String estate) throws IOException {
        return take(history, stateDir, estate, u -> {});
    }

    /** As {@link #take(History, Path, String)}, telling {@code skipped} of each newer record that is not usable. */
    public static Optional<Taken> take(History history, Path stateDir, String estate, java.util.function.Consumer<Unusable> skipped) throws IOException {
        Optional<Usable> newest = newest(history, estate, skipped);
        if (newest.isEmpty()) return Optional.empty();
        History.Entry record = newest.get().entry();
        if (initialised(stateDir)) {
            established(stateDir, INITIALISED);
            return Optional.empty();
        }
        Optional<String> held = held(stateDir);
        if (held.isPresent() && held.get().equals(record.commit())) {
            established(stateDir, record.commit());
            return Optional.empty();
        }
        Files.createDirectories(stateDir);
        for (String name : FILES) {
            String text = newest.get().files().get(name);
            if (text != null) {
                write(stateDir, name, text.getBytes(StandardCharsets.UTF_8));
            } else {
                Files.deleteIfExists(StateFolder.entry(stateDir, name));
            }
        }
        // A journal left beside the replaced state would be replayed over the recorded one.
        Files.deleteIfExists(StateFolder.entry(stateDir, "state.journal"));
        mark(stateDir, record.commit());
        return Optional.of(new Taken(record, held));
    }

    /**
     * Under the estate lock: the state folder must still hold the newest recorded state (none recorded is
     * current too). Returns the newer record when another run recorded one since this command took its state.
     */
    public static Optional<History.Entry> newerThanHeld(History history, Path stateDir, String estate) throws IOException {
        Optional<History.Entry> newest = newest(history, estate, u -> {}).map(Usable::entry);
        if (newest.isEmpty()) return Optional.empty();
        String established = ESTABLISHED.get(key(stateDir));
        if (established != null) return established.equals(INITIALISED) || established.equals(newest.get().commit()) ? Optional.empty() : newest;
        if (initialised(stateDir)) return Optional.empty();
        Optional<String> held = held(stateDir);
        return held.isPresent() && held.get().equals(newest.get().commit()) ? Optional.empty() : newest;
    }

    private static void write(Path stateDir, String name, byte[] bytes) throws IOException {
        Path target = StateFolder.entry(stateDir, name);
        Path tmp = Files.createTempFile(stateDir, "." + name, ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
