package siteplan.executor.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;

/**
 * The history repository: every plan, apply, drill and failover is one commit, holding the plan, the
 * result, the report, the journal and a snapshot of the model under runs/RUN-ID/. Commit trailers
 * (Siteplan-Kind, -Estate, -Status, -Run, -Recovery-Plan) make the log searchable without reading
 * files. Author and committer come from the environment (GIT_AUTHOR_*, GIT_COMMITTER_*, or the CI's
 * user), never from a file in the repository. A remote, if configured, receives the branch on push
 * and holds the estate locks (see {@link EstateLock}).
 */
public final class History implements AutoCloseable {
    public static final String DEFAULT_BRANCH = "siteplan-history";
    static final String RUNNING = "RUNNING";
    /** A run's scratch folder (scripts' HOME and TMPDIR): never committed, removed before the run's commit. */
    public static final String SCRATCH = ".scratch";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Git git;
    private final Path dir;
    private final String branch;
    private final String remote;
    private final org.eclipse.jgit.transport.CredentialsProvider credentials;
    private final Map<String, String> env;

    private History(Git git, Path dir, String branch, String remote, org.eclipse.jgit.transport.CredentialsProvider credentials, Map<String, String> env) {
        this.git = git;
        this.dir = dir;
        this.branch = branch;
        this.remote = remote;
        this.credentials = credentials;
        this.env = env;
    }

    /**
     * A remote as it may be stored: without a password. The password (from the URL's user info, or
     * SITEPLAN_HISTORY_PASSWORD with SITEPLAN_HISTORY_USERNAME) is only ever held in memory, for this
     * run's fetches, pushes and lock updates; it never reaches .git/config, a message or a commit.
     */
    record Remote(String url, org.eclipse.jgit.transport.CredentialsProvider credentials) {
        static Remote of(String given, Map<String, String> env) throws IOException {
            if (given.chars().anyMatch(Character::isWhitespace)) throw new RemoteUnreachable(given, "a URL holds no spaces, tabs or line breaks");
            URIish u;
            try {
                u = new URIish(given);
            } catch (java.net.URISyntaxException e) {
                throw new RemoteUnreachable(given, "it is not a git URL: " + e.getReason());
            }
            String scheme = u.getScheme();
            boolean looksLikeUrl = given.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:/.*");
            if ((scheme == null && looksLikeUrl) || (scheme != null && !java.util.Set.of("https", "http", "ssh", "git", "file").contains(scheme))) {
                throw new RemoteUnreachable(given, "siteplan speaks https://, ssh://, git:// and file:// URLs (the scheme in lower case, two slashes), a path, or user@host:path");
            }
            if (u.getPort() != -1 && (u.getPort() < 1 || u.getPort() > 65535)) throw new RemoteUnreachable(given, "port " + u.getPort() + " is not a port (1 to 65535)");
            String user = u.getUser();
            String pass = u.getPass();
            u = kept(u);
            // What git could not read as user info (a '/', '@' or ':' in a password) would otherwise be kept in
            // .git/config and printed commands as part of the URL: refused, with where the password goes instead.
            if (!"ssh".equals(scheme) && scheme != null && u.toString().contains("@")) {
                throw new RemoteUnreachable(given, "the user and password in it cannot be read from the URL (a '/', '@' or ':' in a password must be percent-encoded);"
                        + " better, leave them out of the URL and set SITEPLAN_HISTORY_USERNAME and SITEPLAN_HISTORY_PASSWORD");
            }
            if (pass == null && env.get("SITEPLAN_HISTORY_PASSWORD") != null) {
                pass = env.get("SITEPLAN_HISTORY_PASSWORD");
                user = env.getOrDefault("SITEPLAN_HISTORY_USERNAME", user == null ? "git" : user);
            }
            if (pass == null && user != null && scheme != null && scheme.startsWith("http")) pass = ""; // a token given as the user name
            var provider = pass == null ? null : new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider(user == null ? "" : user, pass);
            return new Remote(u.toString(), provider);
        }

        /**
         * The URL as history keeps, stores and prints it. Over https a user name can be a token (GitHub takes one
         * there): kept without any user info. Over ssh, scp's user@host:path included, the user is the account git
         * connects as: kept. A password never.
         */
        static URIish kept(URIish u) {
            String scheme = u.getScheme();
            return "ssh".equals(scheme) || scheme == null ? u.setPass(null) : u.setUser(null).setPass(null);
        }
    }

    /**
     * The history remote could not be reached or used: the URL, the network or the credentials of the user's
     * environment, never a bug in siteplan. The message says what to check.
     */
    public static final class RemoteUnreachable extends IOException {
        RemoteUnreachable(String remote, String reason) {
            super(withoutPassword("the history remote " + display(remote) + " cannot be used (" + (remote == null ? reason : reason.replace(remote, display(remote))) + ")") + "; check the URL (--history-remote or SITEPLAN_HISTORY_REMOTE), that this machine reaches it,"
                    + " and the credentials (SITEPLAN_HISTORY_USERNAME and SITEPLAN_HISTORY_PASSWORD, or an SSH key)");
        }
    }

    /**
     * A text that may name a remote's URL (a message, the transport's reason) as it may be shown: the password
     * of every URL in it replaced by "***". Done on the text, not by a URL parser, so that a URL no parser
     * accepts (the ones a message is about) loses its password too; from the first ':' after the user (which may
     * hold an '@', as an e-mail address does) up to the last '@', since a password may hold one.
     */
    public static String withoutPassword(String text) {
        return text == null ? null : text.replaceAll("(?<=//)([^/:\\s]*):\\S*@", "$1:***@");
    }

    /**
     * A remote's URL as a message shows it: everything between the scheme and the last '@' (a user that may be
     * a token, a password that may hold '/', '@', ':' or spaces) as "***". A path or user@host:path as given.
     */
    public static String display(String remote) {
        if (remote == null) return null;
        int scheme = remote.indexOf(":/");
        int at = remote.lastIndexOf('@');
        if (scheme < 0 || at < scheme) return withoutPassword(remote);
        int start = scheme + 1;
        while (start < remote.length() && remote.charAt(start) == '/') start++;
        return remote.substring(0, start) + "***@" + remote.substring(at + 1);
    }

    /**
     * A remote's URL as a command siteplan prints may carry it: as history stores it (without a password at all,
     * a "***" would be taken for one; over https without a user either); the command then finds them where the
     * run did, in SITEPLAN_HISTORY_USERNAME and SITEPLAN_HISTORY_PASSWORD.
     */
    public static String forCommand(String remote) {
        if (remote == null) return null;
        try {
            return Remote.kept(new URIish(remote)).toString();
        } catch (java.net.URISyntaxException e) {
            return display(remote);
        }
    }

    /** Something done with the remote; whatever the transport throws (an IOException, or a RuntimeException for a URL it cannot handle) becomes {@link RemoteUnreachable}. */
    public interface RemoteCall<T> {
        T call() throws IOException;
    }

    public <T> T remotely(RemoteCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (RemoteUnreachable e) {
            throw e;
        } catch (org.eclipse.jgit.errors.TransportException | org.eclipse.jgit.errors.NotSupportedException | RuntimeException e) {
            throw new RemoteUnreachable(remote, String.valueOf(e.getMessage()));
        }
    }

    /** Opens the repository at dir, creating it (or cloning the remote's branch) the first time. */
    public static History open(Path dir, String branch, String remote, Map<String, String> env) throws IOException {
        String b = branch == null ? DEFAULT_BRANCH : branch;
        try {
            Git git;
            if (Files.isDirectory(dir.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                // The work tree is the history folder, whatever core.worktree a .git/config there says: a reset of the
                // history branch writes its files there and nowhere else.
                git = Git.wrap(new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).setWorkTree(dir.toFile())
                        .setMustExist(true).build());
            } else {
                Files.createDirectories(dir);
                git = Git.wrap(Git.init().setDirectory(dir.toFile()).setInitialBranch(b).call().getRepository());
                Files.writeString(dir.resolve("README.md"), "# siteplan history\n\nEvery plan, apply, drill and failover of this estate, one commit each, under runs/.\n"
                        + "Read it with `siteplan history`; do not edit it by hand.\n", StandardCharsets.UTF_8);
            }
            // No hooks: siteplan's commits are its own, and a hook (a post-commit in .git/hooks, or core.hooksPath)
            // would run with the job's secrets and push credential. JGit runs hooks it finds; /dev/null holds none.
            var own = git.getRepository().getConfig();
            if (!"/dev/null".equals(own.getString("core", null, "hooksPath")) || own.getString("core", null, "worktree") != null) {
                own.setString("core", null, "hooksPath", "/dev/null");
                own.unset("core", null, "worktree");
                try {
                    own.save();
                } catch (IOException readOnly) {
                    // A repository siteplan cannot write is only read (history, show); a run is refused by its write check.
                }
            }
            Remote r = remote == null ? null : Remote.of(remote, env);
            if (r != null) {
                var config = git.getRepository().getConfig();
                config.setString("remote", "origin", "url", r.url());
                config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
                config.save();
            }
            History h = new History(git, dir, b, r == null ? null : r.url(), r == null ? null : r.credentials(), env);
            if (remote != null) {
                h.fetchQuietly();
                h.fastForward();
            }
            return h;
        } catch (GitAPIException e) {
            throw new IOException("cannot open the history repository " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String branch() {
        return branch;
    }

    public String remote() {
        return remote;
    }

    /** The remote's credentials for this run, or null: set them on every transport to the remote. */
    public org.eclipse.jgit.transport.CredentialsProvider credentials() {
        return credentials;
    }

    public Repository repository() {
        return git.getRepository();
    }

    /** Free space the history's disk must have before a run starts: the run's files, the commit, and room for git's own files. */
    static final long MIN_FREE_BYTES = 64L << 20;

    /** The history cannot be read or written: what went wrong and what to check. Raised before a run starts, it means nothing was changed. */
    public static final class Unusable extends IOException {
        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks, before a run changes anything, that it will be able to record what it does: the
     * repository reads (its branch, the latest tree, the index), its object store and index accept
     * writes, the runs folder takes a file, and the disk has room. A run that cannot be recorded is
     * not started: operations nobody can find in history are worse than none.
     */
    public void checkWritable() throws Unusable {
        try {
            runsFolder();
        } catch (IOException e) {
            throw new Unusable(e.getMessage() + ". Nothing was changed.", e);
        }
        Repository repo = git.getRepository();
        String step = "read";
        try {
            ObjectId head = repo.resolve("refs/heads/" + branch);
            if (head == null && repo.resolve(org.eclipse.jgit.lib.Constants.HEAD) != null) head = repo.resolve(org.eclipse.jgit.lib.Constants.HEAD);
            if (head != null) {
                RevCommit c = repo.parseCommit(head);
                try (var tw = new org.eclipse.jgit.treewalk.TreeWalk(repo)) {
                    tw.addTree(c.getTree());
                    tw.setRecursive(true);
                    while (tw.next()) {
                        if (!repo.getObjectDatabase().has(tw.getObjectId(0))) {
                            throw new org.eclipse.jgit.errors.MissingObjectException(tw.getObjectId(0), "blob of " + tw.getPathString());
                        }
                    }
                }
            }
            repo.readDirCache();
            step = "write";
            try (var ins = repo.newObjectInserter()) {
                ins.insert(org.eclipse.jgit.lib.Constants.OBJ_BLOB, ("siteplan write check " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
                ins.flush();
            }
            repo.lockDirCache().unlock();
            Path runs = Files.createDirectories(runsFolder());
            Path probe = Files.createTempFile(runs, ".write-check", ".tmp");
            try {
                Files.writeString(probe, "siteplan write check\n");
            } finally {
                Files.deleteIfExists(probe);
            }
            step = "space";
            long free = Files.getFileStore(runs).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new Unusable("the disk of the history repository " + dir + " has " + (free >> 20) + " MB free, and a run needs at least " + (MIN_FREE_BYTES >> 20)
                        + " MB to be recorded; free space there (or pass --history DIR on another disk). Nothing was changed.", null);
            }
        } catch (Unusable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new Unusable(switch (step) {
                case "read" -> "the history repository " + dir + " cannot be read (" + why + "); it may be damaged: check it with `git -C " + dir
                        + " fsck`, or move it aside to start a new history (with --history-remote, a new clone is made). Nothing was changed.";
                default -> "the history repository " + dir + " cannot be written (" + why + "); check that the folder and its .git are writable by this user and the disk"
                        + " is not full or read-only. Nothing was changed.";
            }, e);
        }
    }

    /**
     * Opens a run: its folder, with no marker yet. Call {@link Run#started()} just before anything
     * changes; a run that never starts is removed again by {@link Run#discard()}, so a failure to
     * write its first files leaves nothing the next run would mistake for an interrupted run.
     */
    public Run begin(String kind, String estate) throws IOException {
        String id = RUN_ID.format(Instant.now()) + "-" + kind + "-" + String.format("%04x", java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
        Path runs = runsFolder();
        Path runDir = runs.resolve(id);
        Files.createDirectories(runDir);
        if (!runDir.toRealPath().startsWith(dir.toRealPath())) {
            throw new IOException("the run folder " + runDir + " resolves outside the history folder " + dir + "; siteplan writes nothing there");
        }
        return new Run(id, kind, estate, runDir);
    }

    /**
     * The history's runs folder, when it is one. The branch comes from a remote others push to: a runs/ that is a
     * symbolic link (or a file) would send what siteplan writes, reads or deletes there wherever it points. Every
     * use of the folder (the write check, recovering interrupted runs, a new run) asks here first.
     */
    Path runsFolder() throws IOException {
        Path runs = dir.resolve("runs");
        if (Files.exists(runs, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(runs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the history branch " + branch + " holds runs as " + (Files.isSymbolicLink(runs) ? "a symbolic link" : "a file")
                    + ", not a folder; siteplan writes nothing through it. Remove it from the branch (a commit that deletes runs and restores the folder)");
        }
        return runs;
    }

    /** A run in progress: write its files, then commit it once. */
    public final class Run {
        private final String id;
        private final String kind;
        private final String estate;
        private final Path dir;

        Run(String id, String kind, String estate, Path dir) {
            this.id = id;
            this.kind = kind;
            this.estate = estate;
            this.dir = dir;
        }

        public String id() {
            return id;
        }

        public Path dir() {
            return dir;
        }

        private boolean started;
        private boolean committed;

        /** Marks the run as under way, naming this process, so that if it is killed before it commits, the next run records it as interrupted. */
        public void started() throws IOException {
            Path tmp = dir.resolve("." + RUNNING + ".tmp");
            Files.writeString(tmp, "kind=" + kind + "\nestate=" + estate + "\nhost=" + EstateLock.host() + "\npid=" + ProcessHandle.current().pid()
                    + "\nstarted=" + Instant.now() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(RUNNING), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            started = true;
        }

        public boolean isStarted() {
            return started;
        }

        public boolean isCommitted() {
            return committed;
        }

        /** Removes the folder of a run that never started: nothing happened, so there is nothing to record. */
        public void discard() {
            if (started || committed) return;
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // without a marker, a leftover folder is never taken for an interrupted run
            }
        }

        public void write(String name, String text) throws IOException {
            Path f = dir.resolve(name);
            Path tmp = dir.resolve("." + name + ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        /** Commits the run's folder; returns the commit id. */
        public String commit(String subject, String status, Map<String, String> trailers) throws IOException {
            deleteTree(dir.resolve(SCRATCH));
            Path marker = dir.resolve(RUNNING);
            byte[] was = Files.exists(marker) ? Files.readAllBytes(marker) : null;
            Files.deleteIfExists(marker);
            Map<String, String> t = new LinkedHashMap<>();
            t.put("Siteplan-Kind", kind);
            t.put("Siteplan-Estate", estate);
            t.put("Siteplan-Status", status);
            t.put("Siteplan-Run", id);
            t.putAll(trailers);
            String c;
            try {
                c = History.this.commit("runs/" + id, subject, t);
            } catch (IOException | RuntimeException e) {
                // Not recorded: the marker goes back, so the next run commits this run's files as interrupted.
                if (was != null) {
                    try {
                        Files.write(marker, was);
                    } catch (IOException ignored) {
                        e.addSuppressed(ignored);
                    }
                }
                throw e;
            }
            committed = true;
            return c;
        }
    }

    synchronized String commit(String path, String subject, Map<String, String> trailers) throws IOException {
        StringBuilder msg = new StringBuilder(subject).append("\n\n");
        trailers.forEach((k, v) -> {
            if (v != null) msg.append(k).append(": ").append(v.replace('\n', ' ')).append('\n');
        });
        try {
            git.add().addFilepattern(path).addFilepattern("README.md").call();
            git.add().addFilepattern(path).setUpdate(true).call();
            PersonIdent author = identity("AUTHOR");
            PersonIdent committer = env.containsKey("GIT_COMMITTER_NAME") ? identity("COMMITTER") : author;
            RevCommit c = git.commit().setMessage(msg.toString()).setAuthor(author).setCommitter(committer).setSign(false).call();
            return c.getId().name();
        } catch (GitAPIException e) {
            throw new IOException("cannot commit to the history repository " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The name runs are recorded under, for lock holders. */
    public String identityName() {
        return identity("AUTHOR").getName();
    }

    /** GIT_AUTHOR_NAME/EMAIL (or COMMITTER), else the CI's user (GitHub Actions, GitLab CI), else the login on this host. */
    PersonIdent identity(String role) {
        String name = env.get("GIT_" + role + "_NAME");
        String email = env.get("GIT_" + role + "_EMAIL");
        if (name == null && env.containsKey("GITHUB_ACTOR")) {
            name = env.get("GITHUB_ACTOR");
            email = email != null ? email : name + "@users.noreply.github.com";
        }
        if (name == null && env.containsKey("GITLAB_USER_LOGIN")) {
            name = env.get("GITLAB_USER_LOGIN");
            email = email != null ? email : env.getOrDefault("GITLAB_USER_EMAIL", name + "@gitlab");
        }
        if (name == null) name = System.getProperty("user.name", "siteplan");
        if (email == null) email = name + "@" + EstateLock.host();
        return new PersonIdent(name, email);
    }

    /**
     * Commits the folders of runs that were killed before they could commit (a RUNNING marker whose
     * process is gone), with status interrupted, so their journals are in history. Returns their ids.
     */
    public List<String> recoverInterrupted() throws IOException {
        List<String> recovered = new ArrayList<>();
        Path runs = runsFolder();
        if (!Files.isDirectory(runs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return recovered;
        try (Stream<Path> s = Files.list(runs)) {
            for (Path run : s.sorted().toList()) {
                // Only this machine's own run folders: a link committed to the branch is not followed.
                if (!Files.isDirectory(run, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                Path marker = run.resolve(RUNNING);
                if (!Files.isRegularFile(marker, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                java.util.Properties p = new java.util.Properties();
                try (var r = Files.newBufferedReader(marker)) {
                    p.load(r);
                }
                if (EstateLock.alive(p.getProperty("host"), p.getProperty("pid"))) continue;
                deleteTree(run.resolve(SCRATCH));
                Files.delete(marker);
                String id = run.getFileName().toString();
                Map<String, String> t = new LinkedHashMap<>();
                t.put("Siteplan-Kind", p.getProperty("kind"));
                t.put("Siteplan-Estate", p.getProperty("estate"));
                t.put("Siteplan-Status", "interrupted");
                t.put("Siteplan-Run", id);
                commit("runs/" + id, p.getProperty("kind") + " " + p.getProperty("estate") + ": interrupted (process " + p.getProperty("pid")
                        + " on " + p.getProperty("host") + " ended before it finished; its journal is kept)", t);
                recovered.add(id);
            }
        }
        return recovered;
    }

    /** Removes a folder and everything in it, without following links out of it; quietly, as far as it can. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // what cannot be removed now is removed before the run's commit
                }
            }
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // as above
        }
    }

    /**
     * One commit of the history, read back. Its kind and status stay the words it was recorded with:
     * history outlives the version that wrote it, so a word this version does not know (a newer
     * version's kind) is listed as it is, never parsed into this version's enums and refused.
     */
    public record Entry(String commit, Instant time, String author, String subject, Map<String, String> trailers, List<String> files) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public String kind() {
            return trailers.getOrDefault("Siteplan-Kind", "");
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public String status() {
            return trailers.getOrDefault("Siteplan-Status", "");
        }

        public String run() {
            return trailers.getOrDefault("Siteplan-Run", "");
        }
    }

    /** The history, newest first. */
    public List<Entry> list() throws IOException {
        return list("refs/heads/" + branch);
    }

    /**
     * The remote's history branch as last fetched, newest first; empty without a remote. This clone's own branch
     * may be ahead of it (a plan not pushed) and then is not fast-forwarded, so what others recorded meanwhile is
     * only here until the next push merges it.
     */
    public List<Entry> listFetched() throws IOException {
        return remote == null ? List.of() : list("refs/remotes/origin/" + branch);
    }

    /** True when this clone's history branch holds the commit. */
    public boolean holds(String commit) throws IOException {
        Repository repo = git.getRepository();
        ObjectId head = repo.resolve("refs/heads/" + branch);
        if (head == null) return false;
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(commit)), walk.parseCommit(head));
        }
    }

    private List<Entry> list(String ref) throws IOException {
        List<Entry> out = new ArrayList<>();
        ObjectId head = git.getRepository().resolve(ref);
        if (head == null) return out;
        try {
            for (RevCommit c : git.log().add(head).call()) {
                Map<String, String> trailers = new LinkedHashMap<>();
                for (String line : c.getFullMessage().split("\n")) {
                    int colon = line.indexOf(": ");
                    if (line.startsWith("Siteplan-") && colon > 0) trailers.put(line.substring(0, colon), line.substring(colon + 2));
                }
                if (trailers.isEmpty()) continue;
                // A commit written by other tools than git may lack an author line: listed, as by nobody.
                PersonIdent who = c.getAuthorIdent();
                out.add(new Entry(c.getId().name(), Instant.ofEpochSecond(c.getCommitTime()), who == null ? "(no author)" : who.getName() + " <" + who.getEmailAddress() + ">",
                        c.getShortMessage(), trailers, List.of()));
            }
        } catch (GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out;
    }

    /** A commit by id prefix or run id, with the files of its run. */
    public Optional<Entry> find(String id) throws IOException {
        for (Entry e : list()) {
            if (e.commit().startsWith(id.toLowerCase(java.util.Locale.ROOT)) || e.run().equals(id)) {
                List<String> files = new ArrayList<>();
                Path runDir = dir.resolve("runs").resolve(e.run());
                try (var tw = new org.eclipse.jgit.treewalk.TreeWalk(git.getRepository())) {
                    var rc = git.getRepository().parseCommit(ObjectId.fromString(e.commit()));
                    tw.addTree(rc.getTree());
                    tw.setRecursive(true);
                    tw.setFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create("runs/" + e.run()));
                    while (tw.next()) files.add(tw.getPathString());
                }
                return Optional.of(new Entry(e.commit(), e.time(), e.author(), e.subject(), e.trailers(), files));
            }
        }
        return Optional.empty();
    }

    /** The text of a file in a commit; empty when there is none (or what is there is a link or a folder, not a file). */
    public Optional<String> read(String commit, String path) throws IOException {
        Repository repo = git.getRepository();
        var rc = repo.parseCommit(ObjectId.fromString(commit));
        try (var tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, path, rc.getTree())) {
            if (tw == null) return Optional.empty();
            // Only a file is read: a symbolic link's blob is its target's name, and a folder's is a tree.
            var mode = tw.getFileMode(0);
            if (mode != org.eclipse.jgit.lib.FileMode.REGULAR_FILE && mode != org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE) return Optional.empty();
            try {
                return Optional.of(new String(repo.open(tw.getObjectId(0)).getBytes(READ_LIMIT), StandardCharsets.UTF_8));
            } catch (org.eclipse.jgit.errors.LargeObjectException e) {
                throw new IOException(path + " in commit " + commit.substring(0, 12) + " is larger than " + (READ_LIMIT >> 20) + " MiB");
            }
        }
    }

    /** The most {@link #read} takes of one file: above any state siteplan records (a 10,000-machine estate's is ~20 MB). */
    static final int READ_LIMIT = 64 << 20;

    /**
     * Sends the branch to the remote. Runs only add files under their own folder, so another
     * writer's commits merge without conflict: fetch, merge if needed, push; three tries.
     */
    public void push() throws IOException {
        if (remote == null) throw new IOException("no history remote is configured: pass --history-remote URL or set SITEPLAN_HISTORY_REMOTE");
        for (int attempt = 1; ; attempt++) {
            try {
                fetchQuietly();
                ObjectId theirs = git.getRepository().resolve("refs/remotes/origin/" + branch);
                if (theirs != null) {
                    var r = git.merge().include(theirs).setMessage("Merge history from " + remote).call();
                    if (!r.getMergeStatus().isSuccessful()) throw new IOException("cannot merge the remote history: " + r.getMergeStatus());
                }
                var results = git.push().setRemote("origin").setCredentialsProvider(credentials).setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call();
                boolean ok = true;
                for (var res : results) {
                    for (var u : res.getRemoteUpdates()) {
                        ok &= u.getStatus() == org.eclipse.jgit.transport.RemoteRefUpdate.Status.OK || u.getStatus() == org.eclipse.jgit.transport.RemoteRefUpdate.Status.UP_TO_DATE;
                    }
                }
                if (ok) return;
                if (attempt >= 3) throw new IOException("the history remote " + remote + " refused the push three times");
            } catch (org.eclipse.jgit.api.errors.TransportException | org.eclipse.jgit.api.errors.InvalidRemoteException | org.eclipse.jgit.errors.TransportException e) {
                throw new RemoteUnreachable(remote, "the push failed: " + e.getMessage());
            } catch (GitAPIException e) {
                if (attempt >= 3) throw new IOException("cannot push history to " + remote + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new RemoteUnreachable(remote, "the push failed: " + e.getMessage());
            }
        }
    }

    /** Where a pull-request job's records go in the remote: a ref of its own, never the history branch. */
    public static final String PLANS = "refs/siteplan/plans/";

    /**
     * Sends the branch's newest commit to {@code ref} under {@link #PLANS}, replacing what that ref held: a
     * pull-request job stores its plan there for review, and the history branch, which only protected-branch
     * jobs write, is left as it was. Nothing that reads history fetches these refs.
     */
    public void pushTo(String ref) throws IOException {
        if (remote == null) throw new IOException("no history remote is configured: pass --history-remote URL or set SITEPLAN_HISTORY_REMOTE");
        if (!ref.startsWith(PLANS)) throw new IllegalArgumentException("a plan ref lies under " + PLANS + ", not " + ref);
        try {
            var results = git.push().setRemote("origin").setCredentialsProvider(credentials).setForce(true).setRefSpecs(new RefSpec("refs/heads/" + branch + ":" + ref)).call();
            for (var res : results) {
                for (var u : res.getRemoteUpdates()) {
                    if (u.getStatus() != org.eclipse.jgit.transport.RemoteRefUpdate.Status.OK && u.getStatus() != org.eclipse.jgit.transport.RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new RemoteUnreachable(remote, "it refused " + ref + ": " + u.getStatus() + (u.getMessage() == null ? "" : " " + u.getMessage()));
                    }
                }
            }
        } catch (GitAPIException | RuntimeException e) {
            throw new RemoteUnreachable(remote, "the push of " + ref + " failed: " + e.getMessage());
        }
    }

    /** Fetches the history branch again and takes it when this clone has nothing the remote lacks: what other runners recorded meanwhile. */
    public void refresh() throws IOException {
        if (remote == null) return;
        fetchQuietly();
        fastForward();
    }

    /** A new or older local clone takes the remote's history, so `history` lists what other runners pushed. */
    private void fastForward() throws IOException {
        Repository repo = git.getRepository();
        ObjectId theirs = repo.resolve("refs/remotes/origin/" + branch);
        if (theirs == null) return;
        ObjectId ours = repo.resolve("refs/heads/" + branch);
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
            if (ours != null && !walk.isMergedInto(walk.parseCommit(ours), walk.parseCommit(theirs))) return; // ours has more: the next push merges
            if (theirs.equals(ours)) return;
        }
        try {
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(theirs.name()).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot update the history repository " + dir + " from " + remote + ": " + e.getMessage(), e);
        }
    }

    private void fetchQuietly() {
        try {
            git.fetch().setRemote("origin").setCredentialsProvider(credentials).setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch)).call();
        } catch (GitAPIException | RuntimeException e) {
            // An empty remote has no branch yet; an unreachable one is reported by the push or the lock.
        }
    }

    /** A transport to the remote with this run's credentials. */
    org.eclipse.jgit.transport.Transport transport() throws IOException {
        org.eclipse.jgit.transport.Transport t = org.eclipse.jgit.transport.Transport.open(git.getRepository(), remoteUri());
        if (credentials != null) t.setCredentialsProvider(credentials);
        return t;
    }

    URIish remoteUri() throws IOException {
        try {
            return new URIish(remote);
        } catch (java.net.URISyntaxException e) {
            throw new IOException("history remote '" + remote + "' is not a git URL", e);
        }
    }

    /** The repository is opened once and wrapped (see {@link #open}): closed here, once. */
    @Override public void close() {
        git.getRepository().close();
    }
}
