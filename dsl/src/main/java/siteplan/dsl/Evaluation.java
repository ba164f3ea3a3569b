package siteplan.dsl;

import groovy.lang.Closure;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import siteplan.diag.Location;
import siteplan.diag.Problem;
import siteplan.diag.SourceMap;

/**
 * The state of evaluating one definition file (and what it includes) on one thread.
 *
 * It is reached through a ThreadLocal and never stored in anything a script can see: a script can
 * read fields of any object it holds (Groovy ignores `private`), and this object knows file paths.
 */
final class Evaluation {
    static final String SCRIPT_PREFIX = "SiteplanScript_";
    private static final ThreadLocal<Evaluation> CURRENT = new ThreadLocal<>();
    /** Script class name → the file it was compiled from; shared by all evaluations of one load. */
    private final Map<String, DefinitionFile> scripts;

    final List<Problem> problems = new ArrayList<>();
    /** False when a file could not be compiled or stopped at an exception. */
    boolean complete = true;
    final SourceMap sources = new SourceMap();
    final Declarations declarations = new Declarations();
    final Deque<BlockContext> stack = new ArrayDeque<>();
    final GroovyLoader loader;
    /** Files being evaluated on this thread, outermost first, to refuse include cycles. */
    java.util.Set<Path> including = new java.util.HashSet<>();

    Evaluation(GroovyLoader loader, Map<String, DefinitionFile> scripts) {
        this.loader = loader;
        this.scripts = scripts;
    }

    static Evaluation current() {
        Evaluation e = CURRENT.get();
        if (e == null) throw new IllegalStateException("siteplan DSL used outside a definition being loaded");
        return e;
    }

    static Evaluation currentOrNull() {
        return CURRENT.get();
    }

    /** Refusals of this evaluation: a definition that catches one is still refused. */
    final java.util.Set<SandboxRuntime.SandboxViolation> refusals = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    void refused(SandboxRuntime.SandboxViolation v) {
        if (refusals.add(v)) {
            complete = false;
            error(here(), v.getMessage());
        }
    }

    /** println in a definition: to standard error, never to standard output (which carries the model back from the evaluator). */
    void print(boolean newline, Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (Object a : args) sb.append(a);
        String text = siteplan.text.Printable.of(sb.toString());
        if (newline) System.err.println(text); else System.err.print(text);
    }

    <T> T activate(Supplier<T> work) {
        Evaluation previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) CURRENT.remove(); else CURRENT.set(previous);
        }
    }

    private groovy.lang.GroovyShell shell;

    /** This evaluation's own shell, made on first use. */
    groovy.lang.GroovyShell shell(java.util.function.Supplier<groovy.lang.GroovyShell> make) {
        if (shell == null) shell = make.get();
        return shell;
    }

    private groovy.lang.GroovyShell dynamicShell;

    groovy.lang.GroovyShell dynamicShell(java.util.function.Supplier<groovy.lang.GroovyShell> make) {
        if (dynamicShell == null) dynamicShell = make.get();
        return dynamicShell;
    }

    /** Set by the literal path to the statement it is applying; null while Groovy runs the file. */
    Location literalAt;

    private String markClass;
    private int markLine;

    void mark(String scriptClass, int line) {
        markClass = scriptClass;
        markLine = line;
    }

    /** The innermost line of definition code on this thread's stack: where the user is "now". */
    Location here() {
        if (literalAt != null) return literalAt;
        if (markClass != null) {
            DefinitionFile f = scripts.get(markClass);
            if (f != null) return new Location(f.display(), markLine);
        }
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith(SCRIPT_PREFIX))
                .findFirst()
                .map(f -> new Location(fileOf(f.getClassName()).display(), f.getLineNumber()))
                .orElse(Location.UNKNOWN));
    }

    /** The file being evaluated at the innermost script frame, for resolving include paths. */
    DefinitionFile currentFile() {
        if (markClass != null && scripts.get(markClass) != null) return scripts.get(markClass);
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith(SCRIPT_PREFIX))
                .findFirst()
                .map(f -> fileOf(f.getClassName()))
                .orElse(null));
    }

    private DefinitionFile fileOf(String className) {
        int dollar = className.indexOf('$');
        return scripts.get(dollar < 0 ? className : className.substring(0, dollar));
    }

    void error(String message) {
        problems.add(new Problem(here(), message));
    }

    void error(Location where, String message) {
        problems.add(new Problem(where, message));
    }

    /** A mistake already reported at this line, by its wording without the block it was made in. */
    private static final class Repeat {
        final int index;
        final String label;
        int more;

        Repeat(int index, String label) {
            this.index = index;
            this.label = label;
        }
    }

    private final Map<String, Repeat> repeats = new java.util.HashMap<>();

    /**
     * An error in the block called label, reported as before + label + after. A line of a shared
     * closure runs once for every block that calls it; its mistake is said once, with how many more
     * blocks made it, not once per machine.
     */
    void errorIn(String label, String before, String after) {
        Location at = here();
        String key = at + "\0" + before + "\0" + after;
        Repeat r = repeats.get(key);
        if (r == null) {
            repeats.put(key, new Repeat(problems.size(), label));
            problems.add(new Problem(at, before + label + after));
            return;
        }
        r.more++;
        problems.set(r.index, new Problem(at, before + r.label + " and " + r.more + " more block" + (r.more == 1 ? "" : "s") + " made by this line" + after));
    }

    /** Runs a block with the context as its delegate, resolving names on the context first (job-dsl's ContextHelper). */
    <C extends BlockContext> C configure(C context, Closure<?> body) {
        if (body == null) return context;
        Closure<?> c = (Closure<?>) body.clone();
        c.setResolveStrategy(Closure.DELEGATE_FIRST);
        c.setDelegate(context);
        stack.push(context);
        try {
            c.call(context);
            context.finish();
        } finally {
            stack.pop();
        }
        return context;
    }

    BlockContext innermost() {
        return stack.peek();
    }

    record DefinitionFile(Path path, String display) {}

    static Map<String, DefinitionFile> newScriptTable() {
        return new ConcurrentHashMap<>();
    }
}
