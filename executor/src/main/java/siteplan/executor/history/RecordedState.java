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
 *       {@code Siteplan-State}; the state folder then names that commit in {@code recorded-state};</li>
 *   <li>with a history remote, a command starts from the newest commit of the history branch that
 *       recorded the state of its estate (by the estate's name in history), unless its state folder
 *       already holds exactly that record. <b>History wins</b>: a state folder that holds another state (a
 *       fresh clone's committed one, an older record) is replaced, and the command says so; except a state
 *       {@code sim init} wrote since, which is deliberate and which the next run records. Only the history branch counts: a commit pushed to any other ref of the remote
 *       is never fetched, so it is never taken as state;</li>
 *   <li>once the lock is held, the history branch is fetched again: a run whose state is no longer the
 *       newest recorded one (another machine recorded a run while this one waited) is refused before it
 *       changes anything, and run again starts from the newer state.</li>
 * </ul>
 */
public final class RecordedState {
    /** The state folder's files that travel, in the form the simulated estate writes them. */
    static final List<String> FILES = List.of("state.json", "clock.json", "estate-id");
    /** In the state folder: the history commit whose recorded state the folder holds, or {@link #INITIALISED}. */
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

    /** Notes in the state folder that it holds the state recorded by {@code commit}. */
    public static void mark(Path stateDir, String commit) throws IOException {
        write(stateDir, MARKER, (commit + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The newest commit of the history branch that recorded the state of the estate named {@code estate}. */
    public static Optional<History.Entry> newest(History history, String estate) throws IOException {
        for (History.Entry e : history.list()) {
            if (estate.equals(e.trailers().get("Siteplan-Estate")) && e.trailers().containsKey(TRAILER)) return Optional.of(e);
        }
        return Optional.empty();
    }

    /**
     * The marker, when this machine wrote it. A marker that the checkout's git repository tracks came with the
     * definitions (a merged pull request can commit one with `git add -f`), and would make a forged state.json
     * or estate-id win over history: it is not believed, so history wins.
     */
    static boolean trustedMarker(Path stateDir) throws IOException {
        if (!StateFolder.isFile(stateDir, MARKER)) return false;
        org.eclipse.jgit.storage.file.FileRepositoryBuilder found = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().findGitDir(stateDir.toAbsolutePath().toFile());
        if (found.getGitDir() == null) return true;
        try (org.eclipse.jgit.lib.Repository repo = found.build()) {
            if (repo.isBare() || repo.getWorkTree() == null) return true;
            Path top = repo.getWorkTree().toPath().toRealPath();
            Path marker = stateDir.toAbsolutePath().toRealPath().resolve(MARKER);
            if (!marker.startsWith(top)) return true;
            String rel = top.relativize(marker).toString().replace(java.io.File.separatorChar, '/');
            return repo.readDirCache().findEntry(rel) < 0;
        } catch (org.eclipse.jgit.errors.NoWorkTreeException | IllegalArgumentException e) {
            return true;
        }
    }

    /** The commit whose recorded state the folder holds, or empty when it holds a state never recorded (or none). */
    public static Optional<String> held(Path stateDir) throws IOException {
        if (!trustedMarker(stateDir)) return Optional.empty();
        String c = new String(StateFolder.read(stateDir, MARKER), StandardCharsets.UTF_8).trim();
        return c.matches("[0-9a-f]{40}") ? Optional.of(c) : Optional.empty();
    }

    /** Notes in the state folder that `sim init` set its estate anew (see {@link #INITIALISED}). */
    public static void markInitialised(Path stateDir) throws IOException {
        write(stateDir, MARKER, (INITIALISED + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static boolean initialised(Path stateDir) throws IOException {
        return trustedMarker(stateDir) && new String(StateFolder.read(stateDir, MARKER), StandardCharsets.UTF_8).trim().equals(INITIALISED);
    }

    /** What {@link #take} did: the record the folder now holds, and the one it held before (empty: a state never recorded). */
    public record Taken(History.Entry record, Optional<String> replaced) {}

    /**
     * Makes the state folder hold the newest recorded state of the estate, when the history branch has one
     * and the folder does not hold exactly it (see the class comment); returns what it replaced, or empty
     * when the folder was left as it was.
     */
    public static Optional<Taken> take(History history, Path stateDir, String estate) throws IOException {
        Optional<History.Entry> newest = newest(history, estate);
        if (newest.isEmpty()) return Optional.empty();
        History.Entry record = newest.get();
        if (initialised(stateDir)) return Optional.empty();
        Optional<String> held = held(stateDir);
        if (held.isPresent() && held.get().equals(record.commit())) return Optional.empty();
        String at = record.trailers().get(TRAILER);
        Files.createDirectories(stateDir);
        for (String name : FILES) {
            Optional<String> text = history.read(record.commit(), at + "/" + name);
            if (text.isPresent()) {
                write(stateDir, name, text.get().getBytes(StandardCharsets.UTF_8));
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
        Optional<History.Entry> newest = newest(history, estate);
        if (newest.isEmpty() || initialised(stateDir)) return Optional.empty();
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
