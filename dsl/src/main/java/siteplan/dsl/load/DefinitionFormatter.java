package siteplan.dsl.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import siteplan.diag.InvalidDefinitionException;
import siteplan.diag.Location;
import siteplan.diag.Problem;
import siteplan.dsl.DefinitionFormat;
import siteplan.dsl.DslResult;
import siteplan.dsl.isolation.IsolatedEvaluator;
import siteplan.files.DefinitionPaths;
import siteplan.model.json.EstateWriter;

/**
 * What {@code siteplan fmt} does to a definition, short of writing: every .groovy file of the paths given
 * (includes too) in {@link DefinitionFormat}'s layout, and the proof that the layout changes nothing that
 * matters. The definition is evaluated as it is and, from a copy of its Groovy files, as it would be; a
 * change whose model differs is refused with the file it comes from. A definition that does not load is
 * refused with the problems validate reports, since there is no model to keep.
 */
public final class DefinitionFormatter {
    private DefinitionFormatter() {}

    /** One file whose layout changes. */
    public record Change(Path file, String before, String after) {
        public String display() {
            return DefinitionPaths.display(file);
        }
    }

    /** The files that change, and notes on files passed over (YAML and JSON, links). */
    public record Result(List<Change> changes, List<String> notes) {}

    /** Formatting would change the model these files load to (a bug in the formatter, never the user's doing). */
    public static final class ModelWouldChange extends RuntimeException {
        private final List<Path> files;

        ModelWouldChange(List<Path> files) {
            super(null, null, false, false);
            this.files = List.copyOf(files);
        }

        public List<Path> files() {
            return files;
        }
    }

    /** One path as given: the folder includes resolve from, the files to lay out and the files a load starts from. */
    private record Unit(Path root, List<Path> groovy, List<Path> topLevel) {}

    /** The problems found so far, and whether a file stopped early (validate then leaves names across files unchecked). */
    private static final class Found {
        final List<Problem> problems = new ArrayList<>();
        boolean partial;
    }

    public static Result format(List<String> paths) {
        return format(paths, DefinitionFormat::format);
    }

    /** As {@link #format(List)} with another layout: the check against the model holds for any. */
    static Result format(List<String> paths, UnaryOperator<String> layout) {
        List<String> notes = new ArrayList<>();
        Found found = new Found();
        List<Problem> problems = found.problems;
        List<Unit> units = new ArrayList<>();
        for (String arg : paths) {
            Path p = Path.of(arg);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new Problem(new Location(arg, 0), "no such file or folder"));
            } else if (Files.isDirectory(p)) {
                units.add(folder(p, notes));
            } else if (isGroovy(p)) {
                units.add(new Unit(p.toAbsolutePath().normalize().getParent(), List.of(p), List.of(p)));
            } else if (isData(p)) {
                notes.add("left " + DefinitionPaths.display(p) + " as it is: fmt lays out .groovy definitions; YAML and JSON files are not changed");
            } else {
                problems.add(new Problem(new Location(arg, 0), "is not a definition file; fmt lays out .groovy files (or the .groovy files of a folder)"));
            }
        }
        if (!problems.isEmpty()) throw new InvalidDefinitionException(problems);

        List<Change> changes = new ArrayList<>();
        for (Unit u : units) {
            List<Change> unitChanges = new ArrayList<>();
            for (Path f : u.groovy()) {
                String before = read(f, problems);
                if (before == null) {
                    found.partial = true;
                    continue;
                }
                String after = layout.apply(before);
                if (!after.equals(before)) unitChanges.add(new Change(f, before, after));
            }
            if (!problems.isEmpty()) continue;
            String model = model(u.root(), u.topLevel(), found);
            if (model == null || unitChanges.isEmpty()) {
                changes.addAll(unitChanges);
                continue;
            }
            if (!model.equals(modelOfCopy(u, unitChanges))) {
                // Which file: each change alone. (Only after a difference, so a correct layout pays nothing.)
                List<Path> culprits = new ArrayList<>();
                for (Change c : unitChanges) if (!model.equals(modelOfCopy(u, List.of(c)))) culprits.add(c.file());
                throw new ModelWouldChange(culprits.isEmpty() ? unitChanges.stream().map(Change::file).toList() : culprits);
            }
            changes.addAll(unitChanges);
        }
        if (!problems.isEmpty()) {
            // As validate reports them: each once, in file and line order.
            List<Problem> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
            distinct.sort(null);
            throw new InvalidDefinitionException(distinct, found.partial);
        }
        return new Result(changes, notes);
    }

    private static Unit folder(Path dir, List<String> notes) {
        List<Path> groovy = new ArrayList<>();
        List<Path> top = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.sorted(Comparator.naturalOrder()).toList()) {
                String rel = dir.relativize(f).toString();
                if (rel.isEmpty() || Stream.of(rel.split("[/\\\\]")).anyMatch(part -> part.startsWith("."))) continue;
                if (Files.isSymbolicLink(f) && (isGroovy(f) || isData(f))) {
                    notes.add("left " + DefinitionPaths.display(f) + " as it is: it is a link; format the file it leads to");
                    continue;
                }
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) continue;
                if (isGroovy(f)) {
                    groovy.add(f);
                    // As the loader reads a folder: files whose names start with '_' are includes, read when included.
                    if (Stream.of(rel.split("[/\\\\]")).noneMatch(part -> part.startsWith("_"))) top.add(f);
                } else if (isData(f) && !OwnFiles.isSavedPlan(f)) {
                    notes.add("left " + DefinitionPaths.display(f) + " as it is: fmt lays out .groovy definitions; YAML and JSON files are not changed");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Unit(dir.toAbsolutePath().normalize(), groovy, top);
    }

    /**
     * The model the files load to, as canonical JSON, or null with the problems added when they do not
     * load. Only the Groovy evaluation is compared: names across files are validate's business, and a file
     * given alone may name what its folder's other files declare.
     */
    private static String model(Path root, List<Path> topLevel, Found found) {
        if (topLevel.isEmpty()) return "";
        DslResult r = IsolatedEvaluator.load(root, topLevel);
        if (!r.problems().isEmpty()) {
            found.problems.addAll(r.problems());
            found.partial |= !r.complete();
            return null;
        }
        return EstateWriter.write(r.estate(), EstateWriter.Format.JSON);
    }

    /** The model of a copy of the unit's Groovy files with the given changes made. */
    private static String modelOfCopy(Unit u, List<Change> changes) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("siteplan-fmt-");
            Map<Path, String> changed = new LinkedHashMap<>();
            for (Change c : changes) changed.put(c.file().toAbsolutePath().normalize(), c.after());
            List<Path> top = new ArrayList<>();
            for (Path f : groovyUnder(u.root())) {
                Path abs = f.toAbsolutePath().normalize();
                Path target = copy.resolve(u.root().relativize(abs).toString());
                Files.createDirectories(target.getParent());
                if (changed.containsKey(abs)) Files.writeString(target, changed.get(abs));
                else Files.copy(abs, target);
            }
            for (Path f : u.topLevel()) top.add(copy.resolve(u.root().relativize(f.toAbsolutePath().normalize()).toString()));
            Found found = new Found();
            String model = model(copy, top, found);
            return model == null ? "problems: " + found.problems : model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) deleteQuietly(copy);
        }
    }

    /** Every .groovy file an include could reach: all of them under the root, outside hidden folders. */
    private static List<Path> groovyUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && isGroovy(f))
                    .filter(f -> Stream.of(root.relativize(f).toString().split("[/\\\\]")).noneMatch(part -> part.startsWith(".")))
                    .toList();
        }
    }

    private static String read(Path f, List<Problem> problems) {
        String display = DefinitionPaths.display(f);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(new Location(display, 0), "is not UTF-8 text — save it as UTF-8"));
        } catch (IOException e) {
            problems.add(new Problem(new Location(display, 0), "cannot be read: " + e.getMessage()));
        }
        return null;
    }

    private static boolean isGroovy(Path f) {
        return f.getFileName().toString().endsWith(".groovy");
    }

    private static boolean isData(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a temporary folder; the system's cleaner takes what is left
        }
    }
}
