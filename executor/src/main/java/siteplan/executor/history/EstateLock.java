package siteplan.executor.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * One lock per estate, held by apply, drill and failover. It is keyed on the estate's identity (its
 * vault's resource ID, or the ID of a simulated estate), never on a folder name, a flag or whether a
 * remote was given: runs that name one estate differently must still exclude each other. It has two
 * parts, always taken in this order: the estate's {@link MachineLock} on this machine, which every run
 * on the machine takes, with a remote or without; then a ref, refs/siteplan/locks/KEY (KEY from the
 * identity), in the history remote when there is one (so runs on other machines that share the remote
 * are excluded too), else in the local history repository. The ref points at a commit whose message
 * names the holder, the operation and the time. Taking it is
 * creating the ref only if it does not exist: in the local history repository through JGit's ref
 * update with an expected old value of "none"; with a remote, through a push with the same
 * expectation, which git's receive-pack checks under its own ref lock, so of two concurrent takers on
 * any git server exactly one wins. Releasing deletes the ref only if it still points at our commit.
 * A lock left by a process on this host that no longer runs (kill -9) is taken over, with a note.
 */
public final class EstateLock {
    static final String PREFIX = "refs/siteplan/locks/";

    private final History history;
    private final String estate;
    private final String identity;
    private final String key;
    private final String ref;
    private final java.nio.file.Path lockDir;
    private MachineLock machine;

    /**
     * The lock of the estate whose identity is given; {@code estate} is only its name in messages.
     * {@code env} names the machine's lock folder (SITEPLAN_LOCK_DIR).
     */
    public EstateLock(History history, String estate, String identity, java.util.Map<String, String> env) {
        this.history = history;
        this.estate = estate;
        this.identity = identity;
        this.key = key(identity);
        this.ref = PREFIX + key;
        this.lockDir = MachineLock.dir(env);
    }

    /** The name of an estate's lock, from its identity alone. */
    static String key(String identity) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "estate-" + java.util.HexFormat.of().formatHex(d).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who holds a lock: its id (the lock commit), holder, operation, since, host and pid. */
    public record Holder(String id, String holder, String operation, String since, String host, String pid) {
        public String describe() {
            return holder + " (" + operation + ", since " + since + ", lock ID " + id.substring(0, 12) + ")";
        }

        /** Whether the holder's process still runs; known only on its own host, as the kill -9 takeover knows it. */
        public Liveness liveness() {
            if (host == null || pid == null || !host.equals(host())) return Liveness.UNKNOWN;
            try {
                return ProcessHandle.of(Long.parseLong(pid.trim())).map(ProcessHandle::isAlive).orElse(false) ? Liveness.RUNNING : Liveness.GONE;
            } catch (NumberFormatException e) {
                return Liveness.UNKNOWN;
            }
        }
    }

    /** A lock holder's process: running on this host, gone from it, or on another host where it cannot be checked. */
    public enum Liveness { RUNNING, GONE, UNKNOWN }

    /** Thrown when another run holds the lock; the message says who and how to force it. */
    public static final class Held extends RuntimeException {
        public final Holder holder;
        private final String estate;

        Held(String estate, Holder h) {
            this(estate, h, "");
        }

        private Held(String estate, Holder h, String locating) {
            super("estate '" + estate + "' is locked by " + h.describe()
                    + ". Wait for it to finish; if that run is gone for good, run: siteplan force-unlock " + h.id().substring(0, 12) + locating, null, false, false);
            this.holder = h;
            this.estate = estate;
        }

        /** The same refusal, its force-unlock command ending in {@code locating} (" PATH --history DIR …") so it runs as printed. */
        public Held locatedBy(String locating) {
            return new Held(estate, holder, locating);
        }
    }

    private Holder takenOver;

    /** The holder whose abandoned lock the last acquire took over, if it did. */
    public Optional<Holder> takenOver() {
        return Optional.ofNullable(takenOver);
    }

    /** Takes the lock for an operation or throws {@link Held}; returns our lock id. */
    public String acquire(String operation, String holder) throws IOException {
        ObjectId mine = lockCommit(operation, holder);
        // This machine first, then the ref: a fixed order, so two runs never each hold one part and wait.
        machine = MachineLock.tryAcquire(lockDir, key, fields(operation, holder, mine)).orElse(null);
        if (machine == null) {
            String text = MachineLock.holder(lockDir, key);
            throw new Held(estate, text.isBlank() ? new Holder("0".repeat(40), "another siteplan run", "?", "?", host(), "?") : parse(lockHolderId(text), text));
        }
        try {
            return acquireRef(mine);
        } catch (IOException | RuntimeException e) {
            machine.release();
            machine = null;
            throw e;
        }
    }

    private static String lockHolderId(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("Id: ")) return line.substring(4).trim();
        }
        return "0".repeat(40);
    }

    private String acquireRef(ObjectId mine) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (create(mine)) return mine.name();
            Optional<Holder> h = current();
            if (h.isEmpty()) continue; // released between our try and our look: try again
            if (host().equals(h.get().host()) && !alive(h.get().host(), h.get().pid())) {
                // The holder was killed (its process is gone from this host): take over, as the journal of its run is kept.
                if (delete(ObjectId.fromString(h.get().id()))) {
                    takenOver = h.get();
                    continue;
                }
            }
            throw new Held(estate, h.get());
        }
        throw new Held(estate, current().orElseThrow(() -> new IOException("the lock of '" + estate + "' keeps changing hands; try again")));
    }

    /** Releases our lock (only if it is still ours). */
    public void release(String id) throws IOException {
        try {
            delete(ObjectId.fromString(id));
        } finally {
            if (machine != null) machine.release();
            machine = null;
        }
    }

    /** A lock found by its id: the ref that holds it in the remote (or the local repository without one), and who holds it. */
    public record Found(String ref, Holder holder) {}

    /**
     * The lock whose id (or id prefix) is given, whoever holds it, in the remote (or the local repository
     * without one); the estate's name is only for messages.
     */
    public static Found find(History history, String estate, String idPrefix) throws IOException {
        String wanted = idPrefix.toLowerCase(java.util.Locale.ROOT);
        java.util.Map<String, ObjectId> locks = new java.util.TreeMap<>();
        Repository repo = history.repository();
        if (history.remote() == null) {
            for (var r : repo.getRefDatabase().getRefsByPrefix(PREFIX)) locks.put(r.getName(), r.getObjectId());
        } else {
            history.remotely(() -> {
                try (Transport t = history.transport(); var conn = t.openFetch()) {
                    for (var r : conn.getRefs()) if (r.getName().startsWith(PREFIX)) locks.put(r.getName(), r.getObjectId());
                }
                return null;
            });
        }
        if (locks.isEmpty()) throw new IOException("estate '" + estate + "' is not locked");
        var match = locks.entrySet().stream().filter(e -> e.getValue().name().startsWith(wanted)).toList();
        if (match.size() != 1 || wanted.isEmpty()) {
            throw new IOException("no lock has ID " + idPrefix + " (held: " + String.join(", ", locks.values().stream().map(o -> o.name().substring(0, 12)).toList())
                    + ") — check `siteplan force-unlock` was given the ID the lock message shows");
        }
        String refName = match.get(0).getKey();
        Holder h = new EstateLock(history, estate, refName, null, refName).current()
                .orElseThrow(() -> new IOException("the lock changed while it was being removed; look again"));
        return new Found(refName, h);
    }

    /**
     * Removes a lock found with {@link #find}, only if it is still the one found. The part of a lock on the
     * holder's machine needs no forcing: it ends with the holder's process.
     */
    public static void remove(History history, String estate, Found found) throws IOException {
        EstateLock l = new EstateLock(history, estate, found.ref(), null, found.ref());
        if (!l.delete(ObjectId.fromString(found.holder().id()))) throw new IOException("the lock changed while it was being removed; look again");
    }

    private EstateLock(History history, String estate, String identity, java.nio.file.Path lockDir, String ref) {
        this.history = history;
        this.estate = estate;
        this.identity = identity;
        this.key = ref.substring(PREFIX.length());
        this.ref = ref;
        this.lockDir = lockDir;
    }

    public Optional<Holder> current() throws IOException {
        Repository repo = history.repository();
        ObjectId id;
        if (history.remote() == null) {
            id = repo.resolve(ref);
        } else {
            String mirror = "refs/siteplan/remote-locks/" + ref.substring(ref.lastIndexOf('/') + 1);
            boolean fetched = history.remotely(() -> {
                try (Transport t = history.transport()) {
                    t.fetch(org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE, List.of(new RefSpec("+" + ref + ":" + mirror)));
                    return true;
                } catch (org.eclipse.jgit.errors.TransportException e) {
                    // JGit has no typed exception for "the remote has no such ref" (no lock held): its message is
                    // all there is. Anything else is a real transport problem and goes up.
                    if (!String.valueOf(e.getMessage()).contains("not found") && !String.valueOf(e.getMessage()).contains("Remote does not have")) throw e;
                    return false;
                }
            });
            if (!fetched) {
                deleteLocal(mirror);
                return Optional.empty();
            }
            id = repo.resolve(mirror);
            if (id != null && history.remotely(() -> vanished(repo, mirror))) return Optional.empty();
        }
        if (id == null) return Optional.empty();
        return Optional.of(parse(id.name(), repo.parseCommit(id).getFullMessage()));
    }

    private static Holder parse(String id, String text) {
        java.util.Map<String, String> f = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) f.put(line.substring(0, colon), line.substring(colon + 2));
        }
        return new Holder(id, f.getOrDefault("Holder", "?"), f.getOrDefault("Operation", "?"), f.getOrDefault("Since", "?"),
                f.getOrDefault("Host", "?"), f.getOrDefault("Pid", "?"));
    }

    /** The lock's fields, as in its commit, with its id: what a run that finds this machine's lock taken reads. */
    private String fields(String operation, String holder, ObjectId id) {
        return "Id: " + id.name() + "\nEstate: " + estate + "\nIdentity: " + identity + "\nHolder: " + holder + "\nOperation: " + operation
                + "\nSince: " + Instant.now() + "\nHost: " + host() + "\nPid: " + ProcessHandle.current().pid() + "\n";
    }

    /** A fetched mirror that the remote no longer has is stale: JGit leaves it when the ref vanished. */
    private boolean vanished(Repository repo, String mirror) throws IOException {
        try (Transport t = history.transport(); var conn = t.openFetch()) {
            if (conn.getRef(ref) == null) {
                deleteLocal(mirror);
                return true;
            }
            return false;
        }
    }

    private void deleteLocal(String name) throws IOException {
        Repository repo = history.repository();
        if (repo.resolve(name) == null) return;
        RefUpdate u = repo.updateRef(name);
        u.setForceUpdate(true);
        u.delete();
    }

    private ObjectId lockCommit(String operation, String holder) throws IOException {
        Repository repo = history.repository();
        try (ObjectInserter ins = repo.newObjectInserter()) {
            ObjectId emptyTree = ins.insert(Constants.OBJ_TREE, new byte[0]);
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(emptyTree);
            PersonIdent who = new PersonIdent(holder, "siteplan@" + host());
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setMessage("siteplan lock for " + estate + "\n\nIdentity: " + identity + "\nHolder: " + holder + "\nOperation: " + operation + "\nSince: " + Instant.now()
                    + "\nHost: " + host() + "\nPid: " + ProcessHandle.current().pid() + "\nNonce: " + System.nanoTime() + "\n");
            cb.setEncoding(StandardCharsets.UTF_8);
            ObjectId id = ins.insert(cb);
            ins.flush();
            return id;
        }
    }

    private boolean create(ObjectId mine) throws IOException {
        Repository repo = history.repository();
        if (history.remote() == null) {
            RefUpdate u = repo.updateRef(ref);
            u.setExpectedOldObjectId(ObjectId.zeroId());
            u.setNewObjectId(mine);
            RefUpdate.Result r = u.update();
            return r == RefUpdate.Result.NEW;
        }
        return pushRef(mine, ObjectId.zeroId());
    }

    private boolean delete(ObjectId expected) throws IOException {
        Repository repo = history.repository();
        if (history.remote() == null) {
            RefUpdate u = repo.updateRef(ref);
            u.setExpectedOldObjectId(expected);
            u.setForceUpdate(true);
            RefUpdate.Result r = u.delete();
            return r == RefUpdate.Result.FORCED || r == RefUpdate.Result.FAST_FORWARD || r == RefUpdate.Result.NO_CHANGE;
        }
        return pushRef(ObjectId.zeroId(), expected);
    }

    /** Pushes ref → newId only if the remote's ref is expectedOld (zero: must not exist; newId zero: delete). */
    private boolean pushRef(ObjectId newId, ObjectId expectedOld) throws IOException {
        Repository repo = history.repository();
        return history.remotely(() -> {
            try (Transport t = history.transport()) {
                RemoteRefUpdate u = new RemoteRefUpdate(repo, newId.equals(ObjectId.zeroId()) ? null : newId.name(), newId, ref, true, null, expectedOld);
                var result = t.push(org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE, List.of(u));
                RemoteRefUpdate.Status s = result.getRemoteUpdate(ref).getStatus();
                return s == RemoteRefUpdate.Status.OK || (newId.equals(ObjectId.zeroId()) && s == RemoteRefUpdate.Status.NON_EXISTING);
            }
        });
    }

    static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** Is the process still running? Only answerable for this host; elsewhere assume it is. */
    static boolean alive(String host, String pid) {
        return new Holder("", "", "", "", host, pid).liveness() != Liveness.GONE;
    }
}
