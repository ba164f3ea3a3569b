package siteplan.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one rule for every file a definition names (include, table, definition files found in a folder,
 * recovery-plan scripts): it must exist and its real path, with every symbolic link followed, must lie
 * inside the definition folder's real path. A name that merely looks inside ("data/x.csv") but leads
 * out through a link is as much outside as "../x.csv".
 */
public final class DefinitionPaths {
    private DefinitionPaths() {}

    public enum Kind { INSIDE, MISSING, OUTSIDE, LOOP, UNREADABLE }

    /**
     * @param real the file's real path when INSIDE; where a link leads when OUTSIDE and known; else null
     * @param detail the operating system's reason for UNREADABLE
     */
    public record Result(Kind kind, Path real, String detail) {
        public boolean inside() {
            return kind == Kind.INSIDE;
        }

        /**
         * Why a definition may not use it, after "WORD 'PATH' ": e.g. "points outside the definition folder
         * F (it leads to /etc/x); a definition may only VERB files inside it". Null when INSIDE.
         */
        public String problem(Path root, String verb) {
            return switch (kind) {
                case INSIDE -> null;
                case MISSING -> "does not exist" + (real == null ? "" : " (" + display(real) + ")") + " — check its spelling and that the file is in the definition folder";
                case OUTSIDE -> "points outside the definition folder " + display(root) + (real == null ? "" : " (it leads to " + real + ")")
                        + "; a definition may only " + verb + " files inside it";
                case LOOP -> "is a symbolic link that goes round in a circle; point it at a file inside the definition folder, or replace it with the file";
                case UNREADABLE -> "cannot be read: " + detail;
            };
        }
    }

    /** The real path of a folder, or its absolute path when it cannot be resolved (it does not exist). */
    public static Path realRoot(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    /** Checks target (a path already resolved against its base) against root; see the class comment. */
    public static Result check(Path root, Path target) {
        Path realRoot = realRoot(root);
        Path abs = target.toAbsolutePath().normalize();
        Path lexicalRoot = root.toAbsolutePath().normalize();
        boolean looksInside = abs.startsWith(lexicalRoot) || abs.startsWith(realRoot);
        Path real;
        try {
            real = abs.toRealPath();
        } catch (NoSuchFileException e) {
            if (!looksInside) return new Result(Kind.OUTSIDE, null, null);
            // A link whose target is missing: say where it leads when that is outside, else it is just missing.
            // Any link on the way counts, the file's own or a folder's (the evaluator's namespace shows only
            // the definition folder, so a link leading out of it dangles there).
            Path base = abs.startsWith(lexicalRoot) ? lexicalRoot : realRoot;
            Path at = base;
            for (Path part : base.relativize(abs)) {
                at = at.resolve(part);
                if (!Files.isSymbolicLink(at)) continue;
                try {
                    Path to = at.getParent().resolve(Files.readSymbolicLink(at)).normalize();
                    if (!to.startsWith(realRoot) && !to.startsWith(lexicalRoot)) return new Result(Kind.OUTSIDE, to, null);
                } catch (IOException ignored) {
                    // reported as missing
                }
            }
            return new Result(Kind.MISSING, null, null);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getMessage() : e.getReason();
            if (reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("symbolic link")) return new Result(Kind.LOOP, null, null);
            return new Result(Kind.UNREADABLE, null, reason);
        } catch (IOException e) {
            return new Result(Kind.UNREADABLE, null, e.getMessage());
        }
        if (!real.startsWith(realRoot)) return new Result(Kind.OUTSIDE, real.equals(abs) ? null : real, null);
        return new Result(Kind.INSIDE, real, null);
    }

    /** Why a script cannot be run from dir, or null when it can. */
    public static String scriptProblem(Path dir, String script) {
        Path target;
        try {
            target = dir.resolve(script);
        } catch (java.nio.file.InvalidPathException e) {
            return "is not a valid path: " + e.getReason();
        }
        DefinitionPaths.Result r = DefinitionPaths.check(dir, target);
        if (r.kind() == DefinitionPaths.Kind.MISSING) return "does not exist under " + display(dir) + " — check its spelling; scripts are named relative to the definition folder";
        if (!r.inside()) return r.problem(dir, "name");
        if (!Files.isRegularFile(r.real())) return "is not a file";
        // A script is a file the definition's authors wrote and reviewers read: never siteplan's own state, history or
        // logs (.siteplan), nor a tool's folder (.git), whose text a definition can put words into and which would run as sh.
        try {
            Path rel = dir.toRealPath().relativize(r.real());
            for (Path part : rel) {
                if (part.toString().startsWith(".")) return "is in the hidden folder " + part + ": scripts must be files of the definition, not siteplan's state, history or logs";
            }
        } catch (java.io.IOException e) {
            return "cannot be read: " + e.getMessage();
        }
        return null;
    }

    /** A recovery-plan script that cannot be run: the plan, the group's number from 1 (0: a check of the plan's drill), the path as written, and why. */
    public record ScriptProblem(String plan, int group, String script, String problem) {
        public String message() {
            return "script '" + script + "' of " + (group == 0 ? "the drill" : "group " + group) + " of recovery plan '" + plan + "' " + problem;
        }
    }

    /**
     * Every script of the plan's groups that cannot be run from dir (the definition folder): checked
     * when a definition is loaded, and again by a run's preflight before anything fails over, in case
     * the folder changed since.
     */
    public static java.util.List<ScriptProblem> scriptProblems(Path dir, siteplan.model.RecoveryPlan plan) {
        java.util.List<ScriptProblem> out = new java.util.ArrayList<>();
        int number = 0;
        for (siteplan.model.RecoveryGroup g : plan.groups()) {
            number++;
            java.util.List<String> scripts = new java.util.ArrayList<>();
            java.util.stream.Stream.concat(g.before().stream(), g.after().stream())
                    .filter(a -> a.kind() == siteplan.model.ActionKind.SCRIPT && a.value() != null).forEach(a -> scripts.add(a.value()));
            scripts.addAll(checkScripts(g.checks()));
            for (String script : scripts) {
                String problem = scriptProblem(dir, script);
                if (problem != null) out.add(new ScriptProblem(plan.name(), number, script, problem));
            }
        }
        if (plan.drill() != null) {
            for (String script : checkScripts(plan.drill().checks())) {
                String problem = scriptProblem(dir, script);
                if (problem != null) out.add(new ScriptProblem(plan.name(), 0, script, problem));
            }
        }
        return out;
    }

    private static java.util.List<String> checkScripts(java.util.List<siteplan.model.SmokeCheck> checks) {
        return checks.stream().filter(c -> c.kind() == siteplan.model.CheckKind.SCRIPT && c.script() != null).map(siteplan.model.SmokeCheck::script).toList();
    }

    /** A path as the user should read it: relative to the working directory when under it, with forward slashes. */
    public static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        // An isolated evaluator runs elsewhere; it is told the user's working directory so paths read the same.
        Path cwd = Path.of(System.getProperty("siteplan.cwd", "")).toAbsolutePath().normalize();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        // The working directory itself reads as ".", never as nothing ("does not exist under  —").
        return shown.toString().isEmpty() ? "." : shown.toString().replace('\\', '/');
    }
}
