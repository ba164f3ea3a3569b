package siteplan.dsl.isolation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import siteplan.diag.Location;
import siteplan.diag.Problem;
import siteplan.diag.SourceMap;
import siteplan.dsl.DslResult;
import siteplan.dsl.GroovyLoader;
import siteplan.files.DefinitionPaths;

/**
 * Evaluates a definition's Groovy files in a child process, so the process that holds secrets, tokens
 * and the user's files never runs definition code. The child gets an empty environment, a bounded heap
 * (killed at the limit by the JVM itself) and a bounded time (killed by this process, not asked), and
 * hands back only the model on its standard output.
 *
 * <p>Where bubblewrap can create namespaces the child also runs in its own user (nobody), network (no
 * interface but an unconnected loopback), PID (its own /proc) and mount namespaces, seeing read-only
 * only the JDK, siteplan's classes and the definition folder: no home folder, no secrets file, no
 * other process. Where it cannot, the child still has the empty environment and the bounds, siteplan
 * warns once, and {@code SITEPLAN_ISOLATION=required} turns the warning into a refusal.
 */
public final class IsolatedEvaluator {
    private IsolatedEvaluator() {}

    /** How definition code is isolated on this machine. */
    public enum Isolation {
        /** bubblewrap: user, network, PID and mount namespaces, a read-only view of JDK, classes and definition. */
        NAMESPACES,
        /** A child process with an empty environment and bounded memory and time, nothing more. */
        PROCESS
    }

    private static volatile Isolation isolation;
    private static volatile boolean warned;

    /** Memory the evaluator may use; siteplan.dsl.memory or SITEPLAN_EVAL_MEMORY (e.g. 1g) changes it. */
    static String memory() {
        String m = System.getProperty("siteplan.dsl.memory", System.getenv().getOrDefault("SITEPLAN_EVAL_MEMORY", "512m"));
        return m.matches("\\d+[kmgKMG]?") ? m : "512m";
    }

    /**
     * The largest model the evaluator may answer with: far above an estate of 10,000 machines (about 10 MB), and well
     * within the main process's heap, which reads it whole.
     */
    static final long MAX_ANSWER = 64L << 20;

    /** Seconds before the evaluator is killed: the definition's own time limit plus start-up. */
    static long killAfterSeconds() {
        return Long.getLong("siteplan.dsl.timeoutSeconds", 120L) + 20;
    }

    public static synchronized Isolation isolation() {
        if (isolation == null) isolation = probe() ? Isolation.NAMESPACES : Isolation.PROCESS;
        return isolation;
    }

    private static boolean probe() {
        if ("process".equals(System.getProperty("siteplan.test.isolation"))) return false;
        Path bwrap = bwrap();
        if (bwrap == null) return false;
        try {
            Process p = new ProcessBuilder(bwrap.toString(), "--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534",
                    "--die-with-parent", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path bwrap() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path p = Path.of(dir, "bwrap");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Thrown when isolation is required and not to be had. */
    public static final class IsolationUnavailable extends RuntimeException {
        public IsolationUnavailable(String message) {
            super(message);
        }
    }

    /**
     * The Groovy files of one definition folder: purely declarative files are read here by the literal
     * path (no code runs); anything else is evaluated in the evaluator process. Tests of the language
     * itself set siteplan.dsl.inProcess to evaluate in their own JVM.
     */
    public static DslResult load(Path root, List<Path> files) {
        if (Boolean.getBoolean("siteplan.dsl.inProcess")) return new GroovyLoader(root).load(files);
        if (GroovyLoader.LITERAL_PATH) {
            try {
                return new GroovyLoader(root, true, false).load(files);
            } catch (GroovyLoader.NeedsCode code) {
                // falls through to the evaluator process
            }
        }
        return evaluate(root, files);
    }

    public static DslResult evaluate(Path root, List<Path> files) {
        Isolation how = isolation();
        if (how != Isolation.NAMESPACES) {
            if ("required".equalsIgnoreCase(System.getenv("SITEPLAN_ISOLATION"))) {
                throw new IsolationUnavailable("definition code cannot be isolated here (bubblewrap is missing or may not create namespaces) "
                        + "and SITEPLAN_ISOLATION=required — install bubblewrap (apt-get install bubblewrap) or allow user namespaces");
            }
            if (!warned) {
                warned = true;
                System.err.println("siteplan: warning: definition code is evaluated in a separate process without namespaces "
                        + "(bubblewrap is missing or may not create them here); install bubblewrap for full isolation");
            }
        }
        Path absRoot = root.toAbsolutePath().normalize();
        List<String> command = new ArrayList<>();
        if (how == Isolation.NAMESPACES) command.addAll(sandbox(absRoot));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx" + memory(), "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=/tmp",
                "-Dsiteplan.cwd=" + Path.of("").toAbsolutePath().normalize()));
        for (String p : List.of("siteplan.dsl.timeoutSeconds", "siteplan.dsl.literal", "siteplan.test.interception", "siteplan.dsl.maxText",
                "siteplan.dsl.maxElements", "siteplan.dsl.regexMillis")) {
            if (System.getProperty(p) != null) command.add("-D" + p + "=" + System.getProperty(p));
        }
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath().stream().map(Path::toString).toList()));
        command.add(EvaluatorMain.class.getName());
        command.add(absRoot.toString());
        for (Path f : files) command.add(f.toAbsolutePath().normalize().toString());

        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear(); // no secrets, tokens, HOME or CI variables reach definition code
        pb.directory(absRoot.toFile());
        // What a stopped evaluation is reported against: the file when there is one, else the folder. Which of several
        // files looped or filled the memory is not known once the process is stopped, so no one file is blamed.
        String first = DefinitionPaths.display(files.size() == 1 ? files.get(0) : absRoot);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return failed(first, "could not be evaluated: the evaluator process did not start (" + e.getMessage() + ")");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = drain(p.getErrorStream(), err, 1 << 20, new java.util.concurrent.atomic.AtomicLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
        Thread outReader = drain(p.getInputStream(), out, MAX_ANSWER, answered);
        try {
            if (!p.waitFor(killAfterSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return failed(first, "did not finish within " + killAfterSeconds() + " seconds; its evaluation was stopped — look for a loop that never ends");
            }
            outReader.join(10_000);
            errReader.join(10_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return failed(first, "evaluation was interrupted");
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        forward(stderr);
        int code = p.exitValue();
        if (answered.get() > MAX_ANSWER) {
            // Read whole, a model this large would take the memory of the process that holds the secrets and runs the plan.
            return failed(first, "makes a model larger than " + (MAX_ANSWER >> 20) + " MB; its evaluation was stopped — look for text or lists repeated without end");
        }
        if (code == 0) {
            try {
                Evaluated e = EvaluatorMain.SMILE.readValue(out.toByteArray(), Evaluated.class);
                SourceMap sources = new SourceMap();
                if (e.sources() != null) e.sources().forEach((k, places) -> places.forEach(l -> sources.add(k, l)));
                return new DslResult(e.estate(), sources, e.problems() == null ? List.of() : e.problems(), e.complete());
            } catch (IOException | RuntimeException ex) {
                return failed(first, "could not be evaluated: the evaluator's answer was not a model (" + ex.getClass().getSimpleName() + ")");
            }
        }
        // -XX:+ExitOnOutOfMemoryError ends the JVM with status 3 and says so on standard output, not on standard error.
        if (code == 3 || stderr.contains("OutOfMemoryError") || tail(out).contains("OutOfMemoryError")) {
            return failed(first, "used more than the " + memory() + " of memory a definition may use while being evaluated; its evaluation was stopped "
                    + "— look for text or lists that grow without end (SITEPLAN_EVAL_MEMORY raises the limit)");
        }
        if (code == 4) return failed(first, "is nested too deeply to evaluate — split deeply nested brackets or blocks");
        String reason = stderr.lines().filter(l -> l.startsWith("siteplan-evaluator: ") || l.startsWith("bwrap: "))
                .reduce((a, b) -> b).map(l -> l.replaceFirst("^siteplan-evaluator: ", "")).orElse("exit code " + code);
        return failed(first, "could not be evaluated: " + reason);
    }

    /** The last few kilobytes of what the evaluator wrote on standard output, as text. */
    private static String tail(ByteArrayOutputStream out) {
        byte[] b = out.toByteArray();
        int from = Math.max(0, b.length - 4096);
        return new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
    }

    private static DslResult failed(String file, String message) {
        return new DslResult(siteplan.model.Estate.empty(), new SourceMap(), List.of(new Problem(new Location(file, 0), message)), false);
    }

    /** A definition's own output (println) goes on to the user; the evaluator's and the JVM's own lines do not. */
    private static void forward(String stderr) {
        stderr.lines().filter(l -> !l.startsWith("siteplan-evaluator: ") && !l.startsWith("Terminating due to java.lang.OutOfMemoryError")
                && !l.startsWith("bwrap: ")).limit(1000).map(siteplan.text.Printable::of).forEach(System.err::println);
    }

    /** Reads the stream to its end, keeping at most {@code limit} bytes; {@code total} counts all of them. */
    private static Thread drain(InputStream in, ByteArrayOutputStream to, long limit, java.util.concurrent.atomic.AtomicLong total) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1 << 16];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    long before = total.getAndAdd(n);
                    if (before < limit) to.write(buf, 0, (int) Math.min(n, limit - before));
                }
            } catch (IOException e) {
                // the process ended; what was read is what there is
            }
        }, "evaluator-stream");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** bubblewrap's arguments: what the evaluator may see, read-only, and nothing else. */
    private static List<String> sandbox(Path root) {
        List<String> a = new ArrayList<>(List.of(bwrap().toString(), "--die-with-parent", "--new-session", "--unshare-all",
                "--unshare-user", "--uid", "65534", "--gid", "65534", "--clearenv", "--cap-drop", "ALL",
                // first the empty places, then what is bound into them (a definition under /tmp stays visible)
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        Set<Path> bound = new LinkedHashSet<>();
        bind(a, bound, Path.of("/usr"), Path.of("/usr"));
        for (String top : List.of("/lib", "/lib64", "/lib32", "/bin", "/sbin")) {
            Path p = Path.of(top);
            try {
                if (Files.isSymbolicLink(p)) a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                else if (Files.isDirectory(p)) bind(a, bound, p, p);
            } catch (IOException e) {
                // not there: nothing to show
            }
        }
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
        bind(a, bound, real(javaHome), javaHome);
        for (Path target : linksLeaving(real(javaHome))) bind(a, bound, target, target);
        for (Path entry : classpath()) bind(a, bound, real(entry), entry);
        bind(a, bound, real(root), root);
        a.addAll(List.of("--chdir", root.toString(), "--"));
        return a;
    }

    private static void bind(List<String> a, Set<Path> bound, Path source, Path dest) {
        if (!Files.exists(source)) return;
        for (Path b : bound) if (dest.startsWith(b) && source.equals(dest)) return; // already visible
        bound.add(dest);
        a.addAll(List.of("--ro-bind", source.toString(), dest.toString()));
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Targets of symbolic links inside the JDK that point outside it (Debian keeps its conf and cacerts in /etc). */
    private static List<Path> linksLeaving(Path home) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(home, 4)) {
            s.filter(Files::isSymbolicLink).forEach(l -> {
                Path t = real(l);
                if (!t.startsWith(home) && !t.startsWith("/usr") && Files.exists(t)) out.add(t);
            });
        } catch (IOException | RuntimeException e) {
            // a JDK we cannot walk is bound as it is
        }
        return out;
    }

    private static volatile List<Path> classpath;

    /** The evaluator's classes: this process's class path, with a launcher jar's manifest Class-Path expanded. */
    static List<Path> classpath() {
        if (classpath != null) return classpath;
        Set<Path> out = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.isBlank()) continue;
            Path p = Path.of(e).toAbsolutePath().normalize();
            out.add(p);
            if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    var mf = jar.getManifest();
                    String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String ref : cp.trim().split("\\s+")) {
                            try {
                                URI u = p.toUri().resolve(ref);
                                out.add(Path.of(u).toAbsolutePath().normalize());
                            } catch (RuntimeException bad) {
                                // an entry we cannot read is an entry the evaluator does without
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // not a jar after all
                }
            }
        }
        classpath = List.copyOf(out);
        return classpath;
    }
}
