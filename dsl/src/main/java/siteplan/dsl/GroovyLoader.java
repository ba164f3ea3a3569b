package siteplan.dsl;

import siteplan.files.DefinitionPaths;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import siteplan.diag.Location;
import siteplan.diag.Problem;
import siteplan.diag.SourceMap;

/**
 * Evaluates Groovy definition files in the sandbox. Each top-level file is evaluated on its own (with
 * what it includes), so files can be evaluated in parallel; their declarations are merged afterwards
 * and checked together by the validator.
 */
public final class GroovyLoader {
    private final Path root;
    private final boolean literal;
    private final Map<String, Evaluation.DefinitionFile> scripts = Evaluation.newScriptTable();
    private final AtomicInteger counter = new AtomicInteger();

    /** @param root the folder a definition may include files from; nothing outside it is read. */
    public GroovyLoader(Path root) {
        this(root, LITERAL_PATH);
    }

    /** @param literal whether purely declarative files may take the fast literal path */
    public GroovyLoader(Path root, boolean literal) {
        this(root, literal, true);
    }

    private final boolean mayRunCode;

    /**
     * @param mayRunCode false in the process that holds secrets: only purely declarative files are read
     *     (by the literal path, which runs no code); any other file stops the load with {@link NeedsCode}
     */
    public GroovyLoader(Path root, boolean literal, boolean mayRunCode) {
        this.literal = literal;
        this.mayRunCode = mayRunCode;
        this.root = root.toAbsolutePath().normalize();
    }

    /** A file that needs Groovy to evaluate, met by a loader that may not run code. */
    public static final class NeedsCode extends RuntimeException {
        NeedsCode() {
            super("this definition needs Groovy to evaluate", null, false, false);
        }
    }

    public DslResult load(List<Path> files) {
        // Files are evaluated in parallel but merged in the order given, so "declared twice (first at …)"
        // always names the same file first.
        Evaluation[] evaluations = new Evaluation[files.size()];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, files.size());
        (files.size() > 1 ? range.parallel() : range).forEach(i -> evaluations[i] = evaluate(files.get(i).toAbsolutePath().normalize()));
        Declarations all = new Declarations();
        SourceMap sources = new SourceMap();
        List<Problem> problems = new ArrayList<>();
        boolean complete = java.util.Arrays.stream(evaluations).allMatch(e -> e.complete);
        for (Evaluation ev : evaluations) {
            all.addAll(ev.declarations);
            sources.addAll(ev.sources);
            problems.addAll(ev.problems);
        }
        Collections.sort(problems);
        return new DslResult(all.toEstate(), sources, problems, complete);
    }

    /**
     * One top-level file: the literal path when the file is purely declarative, else Groovy in the
     * sandbox, starting again from nothing so no half-applied declaration is kept.
     */
    private Evaluation evaluate(Path file) {
        String checked = readQuietly(file);
        int deep = checked == null ? -1 : Nesting.at(checked);
        if (deep > 0) {
            // Refused before either parser recurses into it: a stack overflow would be an internal error.
            Evaluation ev = new Evaluation(this, scripts);
            ev.complete = false;
            ev.error(new Location(DefinitionPaths.display(file), deep), Nesting.message());
            return ev;
        }
        if (literal) {
            String text = checked;
            if (text != null) {
                Evaluation ev = new Evaluation(this, scripts);
                try {
                    List<LiteralDefinition.TopLevel> statements = LiteralDefinition.split(text);
                    boolean allLiteral = statements.stream().allMatch(s -> s.literal() != null);
                    ev.activate(() -> {
                        LiteralScript script = new LiteralScript();
                        for (LiteralDefinition.TopLevel s : statements) {
                            if (s.literal() != null) {
                                LiteralDefinition.apply(script, ev, DefinitionPaths.display(file), s.literal());
                            } else {
                                // Only this statement needs Groovy: compile it alone, on its own lines.
                                if (!mayRunCode) throw new NeedsCode();
                                ev.literalAt = null;
                                String padded = "\n".repeat(s.line() - 1) + s.text();
                                if (!runText(ev, file, padded, script.getBinding())) throw new LiteralDefinition.NotLiteral("statement did not run to its end");
                            }
                        }
                        return null;
                    });
                    ev.literalAt = null;
                    if (allLiteral) literalFiles.incrementAndGet();
                    return ev;
                } catch (LiteralDefinition.NotLiteral notLiteral) {
                    // fall through to Groovy
                } catch (RuntimeException e) {
                    // An exception while applying: Groovy evaluates the file again and reports it with its line.
                }
            }
        }
        if (!mayRunCode) throw new NeedsCode();
        Evaluation ev = new Evaluation(this, scripts);
        ev.activate(() -> {
            run(ev, file, new Binding(), new HashSet<>());
            return null;
        });
        return ev;
    }

    /** Off with -Dsiteplan.dsl.literal=false, to compare both paths. */
    public static final boolean LITERAL_PATH = !"false".equals(System.getProperty("siteplan.dsl.literal"));
    private final AtomicInteger literalFiles = new AtomicInteger();

    /** How many files of the last load took the literal path (for tests and benchmarks). */
    public int literalFiles() {
        return literalFiles.get();
    }

    private static String readQuietly(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** A script with nothing of its own to run: the literal path calls its words directly. */
    static final class LiteralScript extends EstateScript {
        @Override public Object run() {
            return null;
        }
    }

    /** The `table` word: reads a CSV, YAML or JSON inventory inside the root, or reports why not and returns no rows. */
    java.util.List<java.util.Map<String, Object>> table(Evaluation ev, String path) {
        Path target = inside(ev, path, "table", "read");
        if (target == null || !exists(ev, path, "table", target)) return java.util.List.of();
        String name = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".csv")) {
                var csv = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
                var schema = com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader();
                try (var it = csv.readerFor(java.util.Map.class).with(schema).<java.util.Map<String, Object>>readValues(target.toFile())) {
                    return java.util.List.copyOf(it.readAll());
                }
            }
            if ((name.endsWith(".yaml") || name.endsWith(".yml")) && hasYamlTag(target)) {
                ev.error("table '" + path + "' uses YAML tags (!!…), which a table may not: write plain values");
                return java.util.List.of();
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
                // Nesting bounded as in the definition itself: deep enough to overflow a stack is an error, not a crash.
                var limits = com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(Nesting.MAX_DEPTH).build();
                var yamlOptions = new org.yaml.snakeyaml.LoaderOptions();
                yamlOptions.setNestingDepthLimit(Nesting.MAX_DEPTH);
                var mapper = name.endsWith(".json")
                        ? new com.fasterxml.jackson.databind.ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder().streamReadConstraints(limits).build())
                        : new com.fasterxml.jackson.dataformat.yaml.YAMLMapper(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder().loaderOptions(yamlOptions).streamReadConstraints(limits).build());
                Object v = mapper.readValue(target.toFile(), Object.class);
                if (v instanceof java.util.List<?> l && l.stream().allMatch(x -> x instanceof java.util.Map)) {
                    @SuppressWarnings("unchecked") var rows = (java.util.List<java.util.Map<String, Object>>) (java.util.List<?>) l;
                    return rows;
                }
                ev.error("table '" + path + "' must hold a list of rows (maps)");
                return java.util.List.of();
            }
            ev.error("table '" + path + "' is not a .csv, .yaml, .yml or .json file");
        } catch (IOException | RuntimeException e) {
            ev.error("table '" + path + "' cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return java.util.List.of();
    }

    /** A YAML tag asks a parser to build a type; Jackson ignores them, siteplan refuses them outright. */
    private static boolean hasYamlTag(Path file) throws IOException {
        try (var parser = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory().createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                if (parser.getTypeId() != null) return true;
            }
        }
        return false;
    }


    /**
     * Resolves a path next to the current file; anything outside the root, also through a symbolic
     * link, is refused (the sandbox boundary for include and table), reported as "a definition may
     * only VERB files inside it".
     */
    private Path inside(Evaluation ev, String path, String word, String verb) {
        Evaluation.DefinitionFile from = ev.currentFile();
        Path base = from == null ? root : from.path().getParent();
        Path target = base.resolve(path).toAbsolutePath().normalize();
        // Symbolic links are followed: the file's real path must lie inside the root's real path.
        DefinitionPaths.Result checked = DefinitionPaths.check(root, target);
        if (checked.kind() == DefinitionPaths.Kind.MISSING) return target; // exists() reports it
        if (!checked.inside()) {
            ev.error(word + " '" + path + "' " + checked.problem(root, verb));
            return null;
        }
        return target;
    }

    private static boolean exists(Evaluation ev, String path, String word, Path target) {
        if (Files.isRegularFile(target)) return true;
        ev.error(word + " '" + path + "': no such file " + DefinitionPaths.display(target));
        return false;
    }

    /** The `include` word: resolves the path next to the including file, inside the root only. */
    void include(Evaluation ev, String path, Binding binding) {
        Path target = inside(ev, path, "include", "include");
        if (target == null) return;
        if (!target.getFileName().toString().endsWith(".groovy")) {
            ev.error("include '" + path + "' is not a .groovy file");
            return;
        }
        if (exists(ev, path, "include", target)) run(ev, target, binding, ev.including);
    }

    private void run(Evaluation ev, Path file, Binding binding, Set<Path> including) {
        String display = DefinitionPaths.display(file);
        if (!including.add(file)) {
            ev.error("include of " + display + " goes round in a circle; a file cannot include itself, directly or through others");
            return;
        }
        Set<Path> previous = ev.including;
        ev.including = including;
        try {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            } catch (CharacterCodingException e) {
                ev.complete = false;
                ev.error(new Location(display, 0), "is not UTF-8 text — save it as UTF-8");
                return;
            } catch (IOException e) {
                ev.error(new Location(display, 0), "cannot be read: " + e.getMessage());
                return;
            }
            runText(ev, file, text, binding);
        } finally {
            including.remove(file);
            ev.including = previous;
        }
    }

    /** Compiles and runs definition text in the sandbox; false when it could not compile or stopped early. */
    private boolean runText(Evaluation ev, Path file, String text, Binding binding) {
        String display = DefinitionPaths.display(file);
        int deep = Nesting.at(text);
        if (deep > 0) {
            ev.complete = false;
            ev.error(new Location(display, deep), Nesting.message());
            return false;
        }
        {
            String className = Evaluation.SCRIPT_PREFIX + counter.incrementAndGet();
            scripts.put(className, new Evaluation.DefinitionFile(file, display));
            Script script;
            long t0 = System.nanoTime();
            try {
                // A shell per evaluation: GroovyClassLoader serialises parsing on a shared cache lock.
                script = parse(ev, text, className);
            } catch (StackOverflowError e) {
                ev.complete = false;
                ev.error(new Location(display, 0), "is nested too deeply to compile — flatten it (a function or a list of rows)");
                return false;
            } catch (MultipleCompilationErrorsException e) {
                for (Message m : e.getErrorCollector().getErrors()) ev.problems.add(compileProblem(display, text, m));
                ev.complete = false;
                return false;
            } catch (org.codehaus.groovy.control.CompilationFailedException e) {
                // The parser gives up without a located error (a chain of 5,000 `+` overflows its stack, no bracket in sight).
                ev.complete = false;
                boolean overflow = false;
                for (Throwable t = e; t != null && !overflow; t = t.getCause()) overflow = t instanceof StackOverflowError;
                ev.error(new Location(display, 0), overflow ? "is nested too deeply to compile (a very long chain of operators or calls) — split it into several statements"
                        : "could not be compiled — check its syntax near where it was last changed");
                return false;
            }
            script.setBinding(binding);
            COMPILE_NANOS.addAndGet(System.nanoTime() - t0);
            long t1 = System.nanoTime();
            try {
                script.run();
            } catch (SandboxRuntime.SandboxViolation e) {
                ev.complete = false;
                if (!ev.refusals.contains(e)) ev.error(lineOf(e, display), e.getMessage());
            } catch (AssertionError e) {
                // A definition may check its own inputs with assert; Groovy's message shows the values.
                ev.complete = false;
                String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("assert").strip();
                ev.error(lineOf(e, display), "assertion failed: " + first);
            } catch (StackOverflowError e) {
                ev.complete = false;
                ev.error(new Location(display, 0), "did not finish: a function calls itself without end");
            } catch (Exception e) {
                ev.complete = false;
                Throwable cause = e instanceof org.codehaus.groovy.runtime.InvokerInvocationException && e.getCause() != null ? e.getCause() : e;
                ev.error(lineOf(cause, display), explain(cause));
            }
            finally {
                RUN_NANOS.addAndGet(System.nanoTime() - t1);
            }
            return ev.complete;
        }
    }

    /** Time spent compiling and running Groovy, for -Dsiteplan.timing=true. */
    public static final java.util.concurrent.atomic.AtomicLong COMPILE_NANOS = new java.util.concurrent.atomic.AtomicLong();
    public static final java.util.concurrent.atomic.AtomicLong RUN_NANOS = new java.util.concurrent.atomic.AtomicLong();

    private GroovyShell newShell() {
        return new GroovyShell(GroovyLoader.class.getClassLoader(), Sandbox.configuration(Sandbox.STATIC));
    }

    /**
     * Compiles statically (with dynamic fallback) when that works; anything static compilation
     * cannot do, or reports, is compiled again dynamically, so users only ever see the dynamic DSL's
     * behaviour and messages.
     */
    private Script parse(Evaluation ev, String text, String className) {
        if (Sandbox.STATIC && !Sandbox.intercepting()) {
            try {
                return ev.shell(this::newShell).parse(text, className + ".groovy");
            } catch (MultipleCompilationErrorsException | org.codehaus.groovy.GroovyBugError | IllegalStateException e) {
                // fall through to the dynamic compiler
            }
        }
        return ev.dynamicShell(() -> new GroovyShell(GroovyLoader.class.getClassLoader(), Sandbox.configuration(false))).parse(text, className + ".groovy");
    }

    private Location lineOf(Throwable e, String fallbackFile) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith(Evaluation.SCRIPT_PREFIX)) {
                int dollar = f.getClassName().indexOf('$');
                Evaluation.DefinitionFile df = scripts.get(dollar < 0 ? f.getClassName() : f.getClassName().substring(0, dollar));
                return new Location(df == null ? fallbackFile : df.display(), f.getLineNumber());
            }
        }
        return new Location(fallbackFile, 0);
    }

    private static String explain(Throwable e) {
        if (e instanceof TimeoutException) return "did not finish within " + Sandbox.timeoutSeconds() + " seconds — look for a loop that never ends";
        if (e instanceof MissingMethodException m) {
            return "there is no '" + m.getMethod() + "' for " + ValueType.describe(m.getType() == null ? null : m.getType().getSimpleName())
                    .replace(" (text)", "") + " values here";
        }
        if (e instanceof MissingPropertyException m) return "unknown name '" + m.getProperty() + "'";
        if (e instanceof NullPointerException) return "a value used here is missing (null)";
        if (e instanceof IllegalArgumentException || e instanceof ArithmeticException) return e.getMessage();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private Problem compileProblem(String display, String text, Message m) {
        if (m instanceof SyntaxErrorMessage s) {
            // A missing } is noticed only at the end of the file: point at the block left open instead.
            int unclosed = UnclosedBlock.line(text);
            if (unclosed > 0 && s.getCause().getLine() > unclosed && s.getCause().getLine() >= text.lines().count()) {
                return new Problem(new Location(display, unclosed), "the block opened here with { is never closed — add its closing } (the file ended at line "
                        + text.lines().count() + " still inside it)");
            }
            String msg = s.getCause().getOriginalMessage();
            // Groovy's parser sometimes appends " @ line N, column M."; the location says that already.
            msg = msg.strip().replaceAll("\\s*@ line \\d+, column \\d+\\.?$", "");
            // The parser quotes everything up to where it gave up; past the first line that is noise,
            // and an unclosed block is the usual cause.
            int nl = msg.indexOf("\\n");
            if (msg.startsWith("Unexpected input") && nl > 0) msg = msg.substring(0, nl) + "' — is a closing } or ) missing?";
            return new Problem(new Location(display, s.getCause().getLine()), msg);
        }
        if (m instanceof ExceptionMessage x) return new Problem(new Location(display, 0), String.valueOf(x.getCause().getMessage()));
        if (m instanceof SimpleMessage sm) return new Problem(new Location(display, 0), sm.getMessage());
        return new Problem(new Location(display, 0), m.toString());
    }
}
