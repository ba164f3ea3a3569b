package siteplan.dsl.load;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import siteplan.diag.InvalidDefinitionException;
import siteplan.diag.Location;
import siteplan.diag.Problem;
import siteplan.diag.SourceMap;
import siteplan.files.DefinitionPaths;
import siteplan.dsl.DslResult;
import siteplan.model.Estate;
import siteplan.validate.EstateValidator;

/**
 * The one way in: files and folders of .groovy, .yaml/.yml and .json definitions become one checked
 * Estate, or one InvalidDefinitionException carrying every problem found. Folders are read
 * recursively in name order; files and folders whose names start with '_' or '.' are skipped there
 * (underscore files are Groovy includes), and so are siteplan's own files ({@link OwnFiles}): a saved
 * plan always, an export when it declares nothing the other files do not. Each skip is a note.
 */
public final class DefinitionLoader {
    private DefinitionLoader() {}

    /**
     * A loaded definition. {@code digest} is the SHA-256 of every input file (see {@link ModelCache#key}):
     * plans record it, and apply refuses a plan whose definition has changed since.
     */
    public record Loaded(Estate estate, SourceMap sources, List<String> files, String digest, List<String> notes) {
        public Loaded {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /**
     * As {@link #load(List)}, reusing the model evaluated by an earlier run when no file under the
     * definition's folders has changed since (see {@link ModelCache}).
     */
    public static Loaded load(List<String> paths, ModelCache cache) {
        if (cache == null) return load(paths);
        String key;
        try {
            key = ModelCache.key(paths);
        } catch (ModelCache.TooLarge e) {
            throw tooLarge(e);
        } catch (java.io.IOException | RuntimeException e) {
            return load(paths);
        }
        Loaded hit = cache.get(key);
        if (hit != null) {
            // Scripts are run later from the folder, not read into the model: check them on every load.
            refuseScripts(hit.estate(), hit.sources(), paths);
            // Saved plans are no part of the key: the cached entry cannot know which lie in the folder now.
            List<String> notes = new ArrayList<>(savedPlanNotes(paths));
            notes.addAll(hit.notes());
            return new Loaded(hit.estate(), hit.sources(), hit.files(), hit.digest(), notes);
        }
        Loaded evaluated = evaluate(paths, "sha256:" + key);
        Loaded loaded = withSavedPlanNotes(evaluated, paths);
        // Written beside the rest of the run; the CLI waits for it before exiting (ModelCache.awaitWrites).
        cache.putInBackground(key, evaluated);
        return loaded;
    }

    public static Loaded load(List<String> paths) {
        return withSavedPlanNotes(evaluate(paths, null), paths);
    }

    private static Loaded withSavedPlanNotes(Loaded l, List<String> paths) {
        List<String> notes = new ArrayList<>(savedPlanNotes(paths));
        notes.addAll(l.notes());
        return new Loaded(l.estate(), l.sources(), l.files(), l.digest(), notes);
    }

    /** A note for each saved plan in a folder given, which the loader and the digest both pass over. */
    private static List<String> savedPlanNotes(List<String> paths) {
        List<String> notes = new ArrayList<>();
        for (String arg : paths) {
            Path p = Path.of(arg);
            if (!Files.isDirectory(p)) continue;
            for (Path f : scan(p)) {
                if (OwnFiles.isSavedPlan(f)) notes.add("skipped " + DefinitionPaths.display(f) + ": a plan saved by siteplan plan -out, not part of the definition");
            }
        }
        return notes;
    }

    /** Evaluates the definition; digest is computed unless the caller already has it. */
    private static Loaded evaluate(List<String> paths, String knownDigest) {
        List<Problem> problems = new ArrayList<>();
        Map<Path, List<Path>> groovyByRoot = new LinkedHashMap<>();
        List<Path> dataFiles = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        LinkedHashSet<Path> seen = new LinkedHashSet<>();
        for (String arg : paths) {
            Path p = Path.of(arg);
            if (!Files.exists(p)) {
                problems.add(new Problem(new Location(arg, 0), "no such file or folder"));
                continue;
            }
            Path root = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
            List<Path> found = Files.isDirectory(p) ? scan(p) : List.of(p);
            if (found.isEmpty()) problems.add(new Problem(new Location(arg, 0), "holds no .groovy, .yaml or .json definition files"));
            for (Path f : found) {
                if (!seen.add(f.toAbsolutePath().normalize())) continue;
                if (Files.isDirectory(p) && Files.isSymbolicLink(f)) {
                    // A linked file in the folder must lead to a file inside it; it is not read otherwise.
                    // (The walk does not follow linked folders, so any other file it finds is inside.)
                    DefinitionPaths.Result r = DefinitionPaths.check(p, f);
                    if (!r.inside()) {
                        problems.add(new Problem(new Location(DefinitionPaths.display(f), 0), linkProblem(p, r)));
                        continue;
                    }
                }
                String name = f.getFileName().toString();
                if (Files.isDirectory(p) && OwnFiles.isSavedPlan(f)) continue; // noted by load (savedPlanNotes)
                if (name.endsWith(".groovy")) groovyByRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(f);
                else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) dataFiles.add(f);
                else problems.add(new Problem(new Location(arg, 0), "is not a definition file; siteplan reads .groovy, .yaml, .yml and .json"));
            }
        }
        List<Estate> parts = new ArrayList<>();
        SourceMap sources = new SourceMap();
        boolean complete = problems.isEmpty();
        for (Map.Entry<Path, List<Path>> g : groovyByRoot.entrySet()) {
            DslResult r = siteplan.dsl.isolation.IsolatedEvaluator.load(g.getKey(), g.getValue());
            parts.add(r.estate());
            sources.addAll(r.sources());
            problems.addAll(r.problems());
            complete &= r.complete();
        }
        List<Path> exports = new ArrayList<>();
        List<Estate> exported = new ArrayList<>();
        List<SourceMap> exportSources = new ArrayList<>();
        for (Path f : List.copyOf(dataFiles)) {
            String display = DefinitionPaths.display(f);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
            } catch (CharacterCodingException e) {
                problems.add(new Problem(new Location(display, 0), "is not UTF-8 text — save it as UTF-8"));
                continue;
            } catch (IOException e) {
                problems.add(new Problem(new Location(display, 0), "cannot be read: " + e.getMessage()));
                continue;
            }
            DataFileLoader.Result r = DataFileLoader.load(display, text, !f.getFileName().toString().endsWith(".json"));
            if (r.export() && r.problems().isEmpty() && scanned(paths, f)) {
                // Decided once every other file is read: see below.
                exports.add(f);
                exported.add(r.estate());
                exportSources.add(r.sources());
                continue;
            }
            parts.add(r.estate());
            sources.addAll(r.sources());
            problems.addAll(r.problems());
                complete &= r.problems().isEmpty();
        }
        Estate rest = merge(parts);
        for (int i = 0; i < exports.size(); i++) {
            if (!parts.isEmpty() && OwnFiles.addsNothing(exported.get(i), rest)) {
                notes.add("skipped " + DefinitionPaths.display(exports.get(i)) + ": an export (siteplan export) that declares nothing the other files do not");
                dataFiles.remove(exports.get(i));
            } else {
                parts.add(exported.get(i));
                sources.addAll(exportSources.get(i));
            }
        }
        Estate estate = merge(parts);
        // A file that stopped early declared only part of what it holds; checking names across files
        // then would report everything it never reached as missing.
        if (complete) problems.addAll(EstateValidator.validate(estate, sources));
        problems.addAll(scriptProblems(estate, sources, paths));
        List<Problem> distinct = new ArrayList<>(new LinkedHashSet<>(problems));
        distinct.sort(null);
        if (!distinct.isEmpty()) throw new InvalidDefinitionException(distinct, !complete);
        List<String> files = new ArrayList<>();
        groovyByRoot.values().forEach(l -> l.forEach(f -> files.add(DefinitionPaths.display(f))));
        dataFiles.forEach(f -> files.add(DefinitionPaths.display(f)));
        String digest = knownDigest;
        if (digest == null) {
            try {
                digest = "sha256:" + ModelCache.key(paths);
            } catch (ModelCache.TooLarge e) {
                throw tooLarge(e);
            } catch (java.io.IOException e) {
                digest = null;
            }
        }
        return new Loaded(estate, sources, files, digest, notes);
    }

    /** True when f was found by reading a folder given, not named itself: only a folder's files are skipped. */
    private static boolean scanned(List<String> paths, Path f) {
        Path file = f.toAbsolutePath().normalize();
        return paths.stream().map(a -> Path.of(a).toAbsolutePath().normalize()).noneMatch(file::equals);
    }

    private static InvalidDefinitionException tooLarge(ModelCache.TooLarge e) {
        return new InvalidDefinitionException(List.of(new Problem(new Location(e.path, 0), e.getMessage())), false);
    }

    private static String linkProblem(Path folder, DefinitionPaths.Result r) {
        return switch (r.kind()) {
            case OUTSIDE -> "is a symbolic link to " + (r.real() == null ? "a file" : r.real()) + ", outside the definition folder " + DefinitionPaths.display(folder)
                    + "; a definition may only be made of files inside it: copy the file into the folder, or move the link out of it";
            case LOOP, MISSING -> "is a symbolic link that leads to no file (it is broken or goes round in a circle): remove it, or point it at a file inside the folder";
            default -> r.problem(folder, "read");
        };
    }

    /** The folder recovery-plan scripts are named relative to: the first path's folder (or the folder of the first file). */
    public static Path definitionDir(List<String> paths) {
        Path p = Path.of(paths.get(0)).toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : p.getParent();
    }

    /**
     * Every recovery-plan script must be a file inside the definition folder, following links: found
     * here, at its line, rather than half-way through a failover.
     */
    public static List<Problem> scriptProblems(Estate estate, SourceMap sources, List<String> paths) {
        List<Problem> out = new ArrayList<>();
        if (paths.isEmpty() || !Files.exists(Path.of(paths.get(0)))) return out;
        Path dir = definitionDir(paths);
        for (siteplan.model.RecoveryPlan plan : estate.recoveryPlans()) {
            for (DefinitionPaths.ScriptProblem p : DefinitionPaths.scriptProblems(dir, plan)) {
                siteplan.model.Address of = siteplan.model.Address.recoveryPlan(plan.name());
                of = p.group() == 0 ? of.child(siteplan.model.Address.Kind.DRILL) : of.child(siteplan.model.Address.Kind.GROUP, String.valueOf(p.group()));
                siteplan.model.Address key = of.child(siteplan.model.Address.Kind.SCRIPT, p.script());
                out.add(new Problem(sources.at(key), p.message()));
            }
        }
        return out;
    }

    private static void refuseScripts(Estate estate, SourceMap sources, List<String> paths) {
        List<Problem> problems = new ArrayList<>(scriptProblems(estate, sources, paths));
        if (problems.isEmpty()) return;
        problems.sort(null);
        throw new InvalidDefinitionException(problems, false);
    }

    private static List<Path> scan(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            // Links too (a broken or circular one is reported, not skipped); evaluate checks where they lead.
            return s.filter(f -> Files.isRegularFile(f) || Files.isSymbolicLink(f))
                    .filter(f -> dir.relativize(f).toString().isEmpty() || Stream.of(dir.relativize(f).toString().split("[/\\\\]"))
                            .noneMatch(part -> part.startsWith("_") || part.startsWith(".")))
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return n.endsWith(".groovy") || n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Estate merge(List<Estate> parts) {
        List<siteplan.model.AzureTarget> a = new ArrayList<>();
        List<siteplan.model.VmwareSite> vs = new ArrayList<>();
        List<siteplan.model.VmmSite> hs = new ArrayList<>();
        List<siteplan.model.Machine> m = new ArrayList<>();
        List<siteplan.model.ReplicationPolicy> rp = new ArrayList<>();
        List<siteplan.model.HyperVPolicy> hp = new ArrayList<>();
        List<siteplan.model.NetworkMapping> nm = new ArrayList<>();
        List<siteplan.model.StorageMapping> sm = new ArrayList<>();
        List<siteplan.model.ProtectionGroup> pg = new ArrayList<>();
        List<siteplan.model.RecoveryPlan> pl = new ArrayList<>();
        siteplan.model.Objectives objectives = null;
        for (Estate e : parts) {
            // Declared once (the validator reports a second place); the first part's, in the order the files were given.
            if (objectives == null) objectives = e.objectives();
            a.addAll(e.azure());
            vs.addAll(e.vmwareSites());
            hs.addAll(e.vmmSites());
            m.addAll(e.machines());
            rp.addAll(e.replicationPolicies());
            hp.addAll(e.hyperVPolicies());
            nm.addAll(e.networkMappings());
            sm.addAll(e.storageMappings());
            pg.addAll(e.protectionGroups());
            pl.addAll(e.recoveryPlans());
        }
        return new Estate(a, vs, hs, m, rp, hp, nm, sm, pg, pl, objectives);
    }
}
