package siteplan.cli

import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.security.MessageDigest
import java.security.Permission
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicReference
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.CompilerConfiguration
import siteplan.diag.InvalidDefinitionException
import siteplan.dsl.load.DefinitionLoader
import siteplan.model.json.ModelJson
import spock.lang.Shared
import spock.lang.Unroll

/**
 * The attack corpus: every file of src/test/resources/sandbox-corpus is a definition written by an
 * attacker (see the README.md there for the format). Each is evaluated in this JVM through the one way in
 * ({@link DefinitionLoader#load(List)}) beside a secret file, a folder to list, a TCP listener, a
 * secret system property and a secret environment variable; it must be refused with an error that
 * names a line, and must have read, written, listed, run, connected to, exited, or leaked nothing.
 *
 * Nothing here is skipped or expected to fail: a failing iteration is an attack that gets through.
 * A permissive SecurityManager (Java 17) only records what code defined by the definition reached
 * and keeps System.exit from ending the test JVM; it is not part of the defence under test.
 */
class SandboxCorpusSpec extends CliSpecification {
    static final String CORPUS = 'sandbox-corpus'
    static final String SYSPROP = 'siteplan.corpus.secret'
    static final String ENV_NAME = 'PATH'
    static final String TIMEOUT_PROPERTY = 'siteplan.dsl.timeoutSeconds'
    /** The evaluator's own time limit during this spec, and the harness's budget for one attempt. */
    static final int EVALUATOR_TIMEOUT_SECONDS = 10
    static final long BUDGET_SECONDS = 30
    static final File REPORT = new File('cli/target/sandbox-corpus-report.tsv')

    /** A sample run through the real command line as a user would. */
    static final List<String> CLI_SAMPLE = ['coerce-method-return-file', 'coerce-processbuilder-from-list', 'cast-class-to-interface-getenv',
                                            'constructor-this-call-coercion', 'execute-inside-with', 'include-symlinked-file', 'read-exception-message',
                                            'network-socket', 'exit-system-exit', 'compile-grabresolver', 'resources-endless-loop',
                                            'escape-thread-start']

    @Shared String savedTimeout
    @Shared Recorder recorder
    @Shared SecurityManager savedManager

    def setupSpec() {
        // The corpus runs through the evaluator in this JVM (layer 1 on its own, fast); the command-line
        // sample below goes through the isolated evaluator process, as users' runs do.
        System.setProperty('siteplan.dsl.inProcess', 'true')
        savedTimeout = System.getProperty(TIMEOUT_PROPERTY)
        System.setProperty(TIMEOUT_PROPERTY, String.valueOf(EVALUATOR_TIMEOUT_SECONDS))
        savedManager = System.getSecurityManager()
        recorder = new Recorder()
        System.setSecurityManager(recorder)
        REPORT.parentFile.mkdirs()
        REPORT.text = 'attempt\tclass\texpect\tverdict\twhat got through\ttime\tproblems reported\n'
    }

    def cleanupSpec() {
        System.setProperty('siteplan.dsl.inProcess', 'false')
        if (System.getSecurityManager() == recorder) System.setSecurityManager(savedManager)
        if (savedTimeout == null) System.clearProperty(TIMEOUT_PROPERTY) else System.setProperty(TIMEOUT_PROPERTY, savedTimeout)
        System.clearProperty(SYSPROP)
    }

    static List<File> attempts() {
        // The sources when run from the repository root (as surefire does), else the copy on the class path.
        File dir = new File("cli/src/test/resources/${CORPUS}")
        URL u = SandboxCorpusSpec.getResource("/${CORPUS}")
        if (!dir.directory && u != null && u.protocol == 'file') dir = new File(u.toURI())
        (dir.listFiles({ File f -> f.name ==~ /\d{3}-.+\.groovy/ } as FileFilter) ?: new File[0]).sort { it.name }
    }

    static String nameOf(File f) { f.name - '.groovy' }

    @Unroll
    def "#name is refused and reaches nothing"() {
        given:
        Attempt a = Attempt.prepare(file)

        when:
        Outcome o = evaluate(a)
        List<String> gotThrough = o.violations(a)
        report(a, o, gotThrough)

        then:
        gotThrough == []

        cleanup:
        a?.close()

        where:
        file << attempts()
        name = nameOf(file)
    }

    /** The classes of attempts that try to reach the machine itself: files, environment, /proc, network, processes, exit. */
    static final Set<String> ISOLATION_CLASSES = ['file-read', 'file-write', 'file-list', 'env', 'network', 'process', 'exit'] as Set

    static String classOf(File f) {
        f.readLines('UTF-8').find { it.startsWith('// class:') }?.substring('// class:'.length())?.trim()
    }

    @Unroll
    def "with every check off, #name still reaches nothing: the evaluator's isolation alone holds"() {
        given: 'the test-only switch that turns off every sandbox check, and the isolated evaluator process'
        Attempt a = Attempt.prepare(file)
        System.setProperty('siteplan.test.interception', 'off')
        System.setProperty('siteplan.dsl.inProcess', 'false')

        when:
        Outcome o = evaluate(a)
        // Unchecked code may run to its end and be accepted: what matters is what it reached.
        List<String> reached = o.violations(a).findAll { !(it.startsWith('accepted') || it.startsWith('crashed') || it.startsWith('refused without') || it.startsWith('slow')) }

        then:
        reached == []

        cleanup:
        System.clearProperty('siteplan.test.interception')
        System.setProperty('siteplan.dsl.inProcess', 'true')
        a?.close()

        where:
        file << attempts().findAll { classOf(it) in ISOLATION_CLASSES }
        name = nameOf(file)
    }

    @Unroll
    def "#name is real Groovy: the parser accepts it, so a refusal is the sandbox's and not a syntax error"() {
        given:
        Attempt a = Attempt.prepare(file)

        expect:
        a.groovySources().every { String label, String text -> parses(label, text) }

        cleanup:
        a?.close()

        where:
        file << attempts()
        name = nameOf(file)
    }

    @Unroll
    def "through the command line (validate, plan, apply), #name ends with exit code 1 and a message, never a stack trace or the secret"() {
        given:
        Attempt a = Attempt.prepare(attempts().find { nameOf(it).substring(4) == name })
        def saved = [System.out, System.err]
        def quiet = new PrintStream(new Capture(), true)
        System.setOut(quiet)
        System.setErr(quiet)

        when:
        System.setProperty('siteplan.dsl.inProcess', 'false')
        int exit = withinBudget { recorder.watching(a) { siteplan('validate', a.defDir.path) } }
        String validateErr = err
        int planExit = withinBudget { recorder.watching(a) { siteplan('plan', a.defDir.path, '--no-color') } }
        String planOut = out + err
        int applyExit = withinBudget { recorder.watching(a) { siteplan('apply', a.defDir.path, '--auto-approve') } }
        String applyOut = out + err
        err = validateErr + planOut + applyOut
        System.setProperty('siteplan.dsl.inProcess', 'true')

        then: 'validate, plan and apply all refuse it'
        exit == ExitCode.INVALID_INPUT
        planExit == ExitCode.INVALID_INPUT
        applyExit == ExitCode.INVALID_INPUT
        !err.contains('\tat ')
        !(err =~ /(?m)^\s*(Caused by: )?[\w.$]+(Exception|Error)(: |$)/)
        a.secrets().every { !Outcome.leaks(out + err, it) }
        !a.write.exists()
        !a.marker.exists()
        a.listener.accepted.isEmpty()
        recorder.events.isEmpty()

        cleanup:
        System.setOut(saved[0])
        System.setErr(saved[1])
        recorder.events.clear()
        a?.close()

        where:
        name << CLI_SAMPLE
    }

    // ------------------------------------------------------------------------------------------------

    /** Runs the body on its own thread; a body still running after the budget is stopped and reported. */
    static <T> T withinBudget(Closure<T> body) {
        def result = new AtomicReference<T>()
        def failure = new AtomicReference<Throwable>()
        Thread t = new Thread({ ->
            try { result.set(body.call()) } catch (Throwable e) { failure.set(e) }
        } as Runnable, 'sandbox-corpus-evaluation')
        t.daemon = true
        t.start()
        t.join(TimeUnit.SECONDS.toMillis(BUDGET_SECONDS))
        if (t.alive) {
            stop(t)
            throw new AssertionError("did not end within ${BUDGET_SECONDS} seconds".toString())
        }
        if (failure.get() != null) throw failure.get()
        result.get()
    }

    @SuppressWarnings('deprecation')
    static void stop(Thread t) {
        t.stop()
        t.join(5000)
    }

    Outcome evaluate(Attempt a) {
        Outcome o = new Outcome()
        Set<Thread> before = Thread.getAllStackTraces().keySet()
        Map<String, Object> globalsBefore = globals()
        def capture = new Capture()
        def printer = new PrintStream(capture, true)
        def saved = [System.out, System.err]
        def result = new AtomicReference<Object>()
        def thrown = new AtomicReference<Throwable>()
        long start = System.nanoTime()
        Thread t = new Thread({ ->
            try {
                result.set(DefinitionLoader.load(List.of(a.defDir.path)))
            } catch (Throwable e) {
                thrown.set(e)
            }
        } as Runnable, 'sandbox-corpus-evaluation')
        t.daemon = true
        System.setOut(printer)
        System.setErr(printer)
        try {
            recorder.watching(a) {
                t.start()
                t.join(TimeUnit.SECONDS.toMillis(BUDGET_SECONDS))
                if (t.alive) {
                    o.hung = true
                    stop(t)
                }
                o.leftRunning = definitionThreads(before)
                if (o.leftRunning) {
                    Thread.sleep(300)
                    o.leftRunning.each { stop(it) }
                }
            }
        } finally {
            if (System.out != printer || System.err != printer) o.globals << 'System.out or System.err was replaced'
            System.setOut(saved[0])
            System.setErr(saved[1])
        }
        o.seconds = (System.nanoTime() - start) / 1e9
        o.events.addAll(recorder.events)
        recorder.events.clear()
        if (System.getSecurityManager() != recorder) {
            o.globals << 'the security manager was replaced'
            System.setSecurityManager(recorder)
        }
        o.globals.addAll(changedGlobals(globalsBefore))
        o.loaded = result.get()
        o.thrown = thrown.get()
        o.output = capture.text()
        if (o.thrown instanceof OutOfMemoryError || o.hung) System.gc()
        o
    }

    /** Threads that appeared during the evaluation and are running code the definition defined. */
    static List<Thread> definitionThreads(Set<Thread> before) {
        Thread.getAllStackTraces().findAll { Thread th, StackTraceElement[] stack ->
            !before.contains(th) && th.alive && th.name != 'sandbox-corpus-evaluation' && stack.any { definitionFrame(it.className) }
        }.keySet().toList()
    }

    static boolean definitionFrame(String className) {
        !className.contains('.') || className.contains('$_run_closure') || className ==~ /.*_closure\d+/
    }

    static Map<String, Object> globals() {
        def registry = GroovySystem.metaClassRegistry
        [
                (SYSPROP)                        : System.getProperty(SYSPROP),
                (TIMEOUT_PROPERTY)               : System.getProperty(TIMEOUT_PROPERTY),
                'default Locale'                 : Locale.getDefault(),
                'default TimeZone'               : TimeZone.getDefault(),
                'String metaclass'               : registry.getMetaClass(String).getClass(),
                'Integer metaclass'              : registry.getMetaClass(Integer).getClass(),
                'Object metaclass'               : registry.getMetaClass(Object).getClass(),
                'metaclass creation handle'      : registry.metaClassCreationHandler.getClass(),
                'String.toString'                : 'x'.toString(),
        ]
    }

    static List<String> changedGlobals(Map<String, Object> before) {
        Map<String, Object> after = globals()
        List<String> changed = before.findAll { k, v -> after[k] != v }.collect { k, v -> "changed ${k}: ${v} -> ${after[k]}".toString() }
        if (changed) {
            // Put the JVM back for the next attempt.
            System.setProperty(SYSPROP, before[SYSPROP] as String)
            System.setProperty(TIMEOUT_PROPERTY, before[TIMEOUT_PROPERTY] as String)
            Locale.setDefault(before['default Locale'] as Locale)
            TimeZone.setDefault(before['default TimeZone'] as TimeZone)
            ExpandoMetaClass.disableGlobally()
            [String, Integer, Object].each { GroovySystem.metaClassRegistry.removeMetaClass(it) }
        }
        changed
    }

    static boolean parses(String label, String text) {
        def config = new CompilerConfiguration()
        config.disabledGlobalASTTransformations = ['groovy.grape.GrabAnnotationTransformation'] as Set
        def unit = new CompilationUnit(config)
        unit.addSource(label, text)
        try {
            unit.compile(CompilePhase.CONVERSION.phaseNumber)
        } catch (StackOverflowError ignored) {
            // Deliberately deep (the nested-bracket attempt): not a syntax error.
        }
        true
    }

    /** One line per attempt in cli/target/sandbox-corpus-report.tsv: what got through, or how it was refused. */
    static void report(Attempt a, Outcome o, List<String> gotThrough) {
        String refusal = o.thrown instanceof InvalidDefinitionException ? ((InvalidDefinitionException) o.thrown).problems()*.render().join(' / ') : String.valueOf(o.thrown)
        synchronized (REPORT) {
            REPORT << [a.name, a.cls, a.expect, gotThrough ? 'GOT THROUGH' : 'refused',
                       gotThrough.join(' | ').replaceAll(/[\t\n\r]+/, ' ').take(600),
                       String.format('%.1f s', o.seconds), refusal.replace(a.top.path, '').replaceAll(/[\t\n\r]+/, ' ').take(300)].join('\t') + '\n'
        }
    }

    // ------------------------------------------------------------------------------------------------

    /** One attempt laid out on disk: a secret folder beside the definition folder, a listener, the marker paths. */
    static class Attempt implements Closeable {
        String name, cls, source, expect
        File top, outside, canary, defDir, write, marker
        String secret = 'CANARY-' + UUID.randomUUID().toString().replace('-', '').take(16)
        String sysSecret = 'SYSPROP-' + UUID.randomUUID().toString().replace('-', '').take(16)
        Listener listener = new Listener()
        Map<String, String> files = [:]
        Map<String, String> treeBefore

        static Attempt prepare(File file) {
            def a = new Attempt(name: nameOf(file))
            a.layOut(file.getText('UTF-8'))
            a
        }

        void layOut(String text) {
            top = Files.createTempDirectory('siteplan-corpus-').toFile().canonicalFile
            outside = new File(top, 'outside')
            outside.mkdirs()
            canary = new File(outside, 'secret.txt')
            canary.text = "secret\n${secret}\n"
            new File(outside, 'secret.csv').text = "secret\n${secret}\n"
            new File(outside, "${secret}.name").text = ''
            defDir = new File(top, 'def')
            defDir.mkdirs()
            write = new File(top, 'written.txt')
            marker = new File(top, 'marker')
            System.setProperty(SYSPROP, sysSecret)

            cls = (text =~ /(?m)^\/\/ class: (.+)$/).with { it.find() ? it.group(1).trim() : '?' }
            source = (text =~ /(?m)^\/\/ source: (.+)$/).with { it.find() ? it.group(1).trim() : '?' }
            expect = (text =~ /(?m)^\/\/ expect: (.+)$/).with { it.find() ? it.group(1).trim() : '?' }

            String current = 'estate.groovy'
            StringBuilder sb = new StringBuilder()
            def flush = { -> if (current != null) files[current] = sb.toString(); sb.setLength(0) }
            text.eachLine { String line ->
                def section = line =~ /^\/\/ ---- (.+)$/
                if (section.matches()) {
                    flush()
                    def link = section.group(1) =~ /^symlink (\S+) -> (.+)$/
                    if (link.matches()) {
                        Path from = defDir.toPath().resolve(link.group(1))
                        Files.createDirectories(from.parent)
                        Files.createSymbolicLink(from, Path.of(substitute(link.group(2).trim())))
                        current = null
                    } else {
                        current = section.group(1).trim()
                    }
                } else if (current != null) {
                    sb.append(line).append('\n')
                }
            }
            flush()
            files.each { n, content ->
                def f = new File(defDir, n)
                f.parentFile.mkdirs()
                f.setText(substitute(content), 'UTF-8')
            }
            treeBefore = tree()
        }

        String substitute(String s) {
            s.replace('@CANARY_READ@', canary.path)
                    .replace('@CANARY_DIR@', outside.path)
                    .replace('@CANARY_WRITE@', write.path)
                    .replace('@CANARY_SECRET@', secret)
                    .replace('@MARKER@', marker.path)
                    .replace('@PORT@', String.valueOf(listener.port))
                    .replace('@ENV_NAME@', ENV_NAME)
                    .replace('@SYSPROP@', SYSPROP)
        }

        /** The Groovy texts of the attempt (definition and includes), substituted, for the parser check. */
        Map<String, String> groovySources() {
            files.findAll { k, v -> k.endsWith('.groovy') }.collectEntries { k, v -> [(k): substitute(v)] }
        }

        /** Values that must never appear in the model, a message or the output. */
        List<String> secrets() {
            [secret, sysSecret, System.getenv(ENV_NAME)].findAll { it != null && it.length() >= 6 }
        }

        /** Every file and link under the temporary top folder, with a digest of its content. */
        Map<String, String> tree() {
            Map<String, String> m = new TreeMap<>()
            Files.walk(top.toPath()).withCloseable { s ->
                s.forEach { Path p ->
                    String rel = top.toPath().relativize(p).toString()
                    if (Files.isSymbolicLink(p)) m[rel] = 'link:' + Files.readSymbolicLink(p)
                    else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) m[rel] = 'dir'
                    else m[rel] = MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(p)).encodeHex().toString()
                }
            }
            m
        }

        @Override void close() {
            listener.close()
            if (top?.exists()) {
                // Never follows a link the attempt laid out: only what is under the temporary folder goes.
                Files.walk(top.toPath()).withCloseable { s -> s.sorted(Comparator.reverseOrder()).forEach { Files.deleteIfExists(it) } }
            }
        }
    }

    /** What one evaluation did. */
    static class Outcome {
        Object loaded
        Throwable thrown
        boolean hung
        double seconds
        String output = ''
        List<Thread> leftRunning = []
        List<String> events = []
        List<String> globals = []

        List<String> violations(Attempt a) {
            List<String> v = []
            if (hung) v << "hung: still running after ${BUDGET_SECONDS} s (stopped by the harness)".toString()
            if (a.marker.exists()) v << 'run: a process created the marker file'
            if (a.write.exists()) v << 'write: created ' + a.write.name
            Map<String, String> after = a.tree()
            def changed = (after.keySet() + a.treeBefore.keySet()).findAll { after[it] != a.treeBefore[it] && it != a.write.name && it != a.marker.name }
            if (changed) v << 'write: changed files ' + changed.collect { "${it} (${a.treeBefore[it] ? (after[it] ? 'modified' : 'deleted') : 'created'})" }
            if (a.listener.accepted) v << "connect: ${a.listener.accepted.size()} connection(s) to 127.0.0.1:${a.listener.port}".toString()
            v.addAll(events.unique())
            if (leftRunning) v << "escape: left ${leftRunning.size()} thread(s) running definition code (${leftRunning*.name.unique().take(3).join(', ')})".toString()
            globals.each { v << 'escape: ' + it }

            String json = ''
            if (loaded != null) {
                try {
                    json = ModelJson.JSON.writeValueAsString(loaded.estate())
                } catch (Throwable e) {
                    json = String.valueOf(e)
                }
            }
            String messages = messagesOf(thrown)
            a.secrets().each { s ->
                String which = s == a.secret ? 'the secret file' : s == a.sysSecret ? 'the secret system property' : 'the environment variable ' + ENV_NAME
                if (leaks(json, s)) v << "leak: ${which} appears in the model".toString()
                if (leaks(messages, s)) v << "leak: ${which} appears in the problems".toString()
                if (leaks(output, s)) v << "leak: ${which} was printed".toString()
            }

            if (thrown == null) {
                v << 'accepted: the definition was not refused' + (json && json != '{ }' ? ' (model: ' + json.replaceAll(/\s+/, ' ').take(200) + ')' : '')
            } else if (!(thrown instanceof InvalidDefinitionException)) {
                v << "crashed: ${thrown.getClass().name}: ${String.valueOf(thrown.message).take(200)}".toString()
            } else {
                def problems = ((InvalidDefinitionException) thrown).problems()
                boolean resources = a.expect == 'resources'
                // A file the definition is made of (a linked definition file) is refused by its name: it has no line.
                boolean fileLevel = a.cls == 'include' && problems.any { it.location().file() != null && it.message().contains('symbolic link') }
                if (!resources && !fileLevel && !problems.any { it.location().line() > 0 }) {
                    v << 'refused without naming a line: ' + problems*.render().join(' / ').take(300)
                }
                if (seconds > BUDGET_SECONDS) v << "slow: refused after ${(int) seconds} s".toString()
            }
            v
        }

        /**
         * Whether text holds the secret or a piece of it: messages shorten what they quote, so any eight
         * characters in a row of the secret's random part count (the environment value: its first 24).
         */
        static boolean leaks(String text, String secret) {
            if (text == null || text.isEmpty()) return false
            if (text.contains(secret)) return true
            int dash = secret.indexOf('-')
            if (secret.startsWith('CANARY-') || secret.startsWith('SYSPROP-')) {
                String random = secret.substring(dash + 1)
                return (0..random.length() - 8).any { int i -> text.contains(random.substring(i, i + 8)) }
            }
            secret.length() > 24 && text.contains(secret.substring(0, 24))
        }

        static String messagesOf(Throwable t) {
            StringBuilder sb = new StringBuilder()
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>())
            while (t != null && seen.add(t)) {
                sb.append(t).append('\n')
                if (t instanceof InvalidDefinitionException) t.problems().each { sb.append(it.render()).append('\n') }
                t.suppressed.each { sb.append(it).append('\n') }
                t = t.cause
            }
            sb.toString()
        }
    }

    /** A TCP listener on 127.0.0.1 that records every connection made to it. */
    static class Listener implements Closeable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
        final List<String> accepted = Collections.synchronizedList([])
        final Thread thread

        Listener() {
            thread = Thread.startDaemon('sandbox-corpus-listener') {
                while (!server.closed) {
                    try {
                        Socket s = server.accept()
                        accepted << String.valueOf(s.remoteSocketAddress)
                        s.close()
                    } catch (IOException ignored) {
                    }
                }
            }
        }

        int getPort() { server.localPort }

        @Override void close() { server.close() }
    }

    /** Keeps at most a megabyte of what is printed, so a flood of output cannot fill the heap. */
    static class Capture extends OutputStream {
        final ByteArrayOutputStream kept = new ByteArrayOutputStream()

        @Override synchronized void write(int b) { if (kept.size() < 1_000_000) kept.write(b) }

        @Override synchronized void write(byte[] b, int off, int len) {
            int room = 1_000_000 - kept.size()
            if (room > 0) kept.write(b, off, Math.min(room, len))
        }

        synchronized String text() { kept.toString('UTF-8') }
    }

    /**
     * Records what code defined by the definition reaches while an attempt is watched; blocks only
     * exiting the JVM, replacing this manager and shutdown hooks. Everything else is allowed, so the
     * filesystem, listener and leak checks see what an attack really does. Statically compiled: a
     * security manager must not itself go through Groovy's dynamic dispatch (it would check itself).
     */
    @groovy.transform.CompileStatic
    static class Recorder extends SecurityManager {
        final Queue<String> events = new ConcurrentLinkedQueue<String>()
        final StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        final ThreadLocal<Boolean> busy = new ThreadLocal<Boolean>()
        final Set<ClassLoader> hostLoaders = new HashSet<ClassLoader>()
        volatile File top, defDir

        Recorder() {
            for (ClassLoader l = SandboxCorpusSpec.classLoader; l != null; l = l.parent) hostLoaders.add(l)
            hostLoaders.add(ClassLoader.platformClassLoader)
        }

        def <T> T watching(Attempt a, Closure<T> body) {
            defDir = a.defDir
            top = a.top
            try {
                return body.call()
            } finally {
                top = null
                defDir = null
            }
        }

        private boolean active() { top != null && !Boolean.TRUE.equals(busy.get()) }

        /** Whether a frame of a class loaded by a Groovy class loader (code of the definition) is on the stack. */
        private boolean definitionOnStack() {
            walker.walk({ java.util.stream.Stream<StackWalker.StackFrame> s ->
                s.anyMatch({ StackWalker.StackFrame f ->
                    ClassLoader l = f.declaringClass.classLoader
                    l instanceof GroovyClassLoader && !hostLoaders.contains(l)
                } as java.util.function.Predicate<StackWalker.StackFrame>)
            } as java.util.function.Function<java.util.stream.Stream<StackWalker.StackFrame>, Boolean>)
        }

        private boolean stackHas(List<String> names) {
            walker.walk({ java.util.stream.Stream<StackWalker.StackFrame> s ->
                s.anyMatch({ StackWalker.StackFrame f ->
                    String c = f.className + '.' + f.methodName
                    names.any { String n -> c.startsWith(n) }
                } as java.util.function.Predicate<StackWalker.StackFrame>)
            } as java.util.function.Function<java.util.stream.Stream<StackWalker.StackFrame>, Boolean>)
        }

        /** Records what, when code of the definition is on the stack; answers whether it did. */
        private boolean note(String what) {
            busy.set(true)
            try {
                if (!definitionOnStack()) return false
                events.add(what)
                return true
            } finally {
                busy.set(false)
            }
        }

        private boolean interesting(String file) {
            File t = top
            File d = defDir
            if (t == null || d == null || file == null) return false
            String p = file.startsWith('/') ? file : new File(file).absolutePath
            (p.startsWith(t.path) && !p.startsWith(d.path)) || p.startsWith('/proc/') || p.startsWith('/etc/')
        }

        @Override void checkPermission(Permission perm) {
            if (!active()) return
            String n = perm.name
            if (perm instanceof RuntimePermission) {
                if (n == 'setSecurityManager' || n == 'shutdownHooks') {
                    if (note('escape: ' + n)) throw new SecurityException('corpus harness: ' + n + ' blocked')
                } else if (n == 'getenv.*' || n == 'getenv.' + ENV_NAME) {
                    note('env: read the environment (' + n + ')')
                } else if (n == 'setIO') {
                    note('escape: replaced System.out/err/in')
                }
            } else if (perm instanceof PropertyPermission) {
                if (n == '*') {
                    note('env: read all system properties (System.getProperties)')
                } else if (perm.actions.contains('write')) {
                    note('escape: set system property ' + n)
                } else if (n == SYSPROP) {
                    note('env: read system property ' + n)
                }
            }
        }

        @Override void checkPermission(Permission perm, Object context) { checkPermission(perm) }

        @Override void checkExit(int status) {
            if (top != null) {
                events.add('exit: System.exit/halt(' + status + ')')
                throw new SecurityException('corpus harness: exit blocked')
            }
        }

        @Override void checkExec(String cmd) { if (active()) note('run: exec ' + cmd) }

        @Override void checkConnect(String host, int port) { if (active()) note('connect: ' + host + ':' + port) }

        @Override void checkConnect(String host, int port, Object context) { checkConnect(host, port) }

        @Override void checkListen(int port) { if (active()) note('connect: listen on ' + port) }

        /** A file of the definition folder that is really outside it: a symbolic link a pull request can add. */
        private String escapingLink(String file) {
            File d = defDir
            File t = top
            if (d == null || t == null || file == null || !file.startsWith(d.path)) return null
            String real = new File(file).canonicalPath
            real.startsWith(d.canonicalPath) ? null : real
        }

        @Override void checkRead(String file) {
            if (!active()) return
            if (!interesting(file)) {
                if (file == null || defDir == null || !file.startsWith(defDir.path)) return
                busy.set(true)
                try {
                    String real = escapingLink(file)
                    if (real != null && stackHas(['java.io.FileInputStream.', 'java.io.RandomAccessFile.', 'sun.nio.fs.UnixChannelFactory.', 'java.io.FileReader.'])) {
                        events.add('read: opened ' + real + ' through the link ' + file.substring(defDir.path.length() + 1))
                    }
                } finally {
                    busy.set(false)
                }
                return
            }
            busy.set(true)
            try {
                if (!definitionOnStack()) return
                if (stackHas(['java.io.FileInputStream.', 'java.io.RandomAccessFile.', 'sun.nio.fs.UnixChannelFactory.', 'java.util.zip.ZipFile', 'java.io.FileReader.'])) {
                    events.add('read: opened ' + file)
                } else if (stackHas(['java.io.File.list', 'java.io.File.normalizedList', 'sun.nio.fs.UnixFileSystemProvider.newDirectoryStream'])) {
                    events.add('list: ' + file)
                }
            } finally {
                busy.set(false)
            }
        }

        @Override void checkRead(String file, Object context) { checkRead(file) }

        @Override void checkWrite(String file) { if (active()) note('write: ' + file) }

        @Override void checkDelete(String file) { if (active()) note('write: delete ' + file) }
    }
}
