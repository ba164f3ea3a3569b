package siteplan.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.dsl.load.DefinitionFormatter;
import siteplan.files.DefinitionPaths;

/**
 * Rewrites .groovy definitions in their canonical layout. Terraform's fmt is the model, with one
 * difference in --check's exit code: terraform exits 3 there, which in siteplan means an internal error,
 * so unformatted files exit {@link ExitCode#CHANGES}, as plan --detailed-exitcode does for changes.
 */
@Command(name = "fmt", description = {"Lay out .groovy definitions canonically: 4 spaces of indentation per block, no tabs or trailing spaces, "
        + "one blank line at most, one line break at the end; comments and the text of strings are kept. Refused when the model the "
        + "files load to would change; YAML and JSON files are left as they are.",
        "Exit codes: 0 formatted (or nothing to do), 1 a definition that does not load, 2 with --check: files are not formatted."})
final class FmtCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files or folders (every .groovy file in a folder, includes too).")
    List<String> paths;

    @Option(names = {"--check", "-check"}, description = "Change nothing: list the files that are not formatted and exit 2 if there are any.")
    boolean check;

    @Option(names = {"--diff", "-diff"}, description = "Show each change as a unified diff.")
    boolean diff;

    @Override public Integer call() {
        DefinitionFormatter.Result r;
        try {
            r = DefinitionFormatter.format(paths);
        } catch (DefinitionFormatter.ModelWouldChange e) {
            throw new Siteplan.UserError("fmt would change the model " + String.join(", ", e.files().stream().map(DefinitionPaths::display).toList())
                    + " loads to, so it was not formatted; nothing was written. This is a bug in siteplan fmt: please report it with the file");
        }
        r.notes().forEach(n -> err().println("Note: " + n + "."));
        for (DefinitionFormatter.Change c : r.changes()) {
            out().println(c.display());
            if (diff) printDiff(c);
            if (!check) AtomicFiles.rewrite(c.file(), c.after());
        }
        out().flush();
        return check && !r.changes().isEmpty() ? ExitCode.CHANGES : ExitCode.OK;
    }

    private void printDiff(DefinitionFormatter.Change c) {
        List<String> before = c.before().lines().toList();
        List<String> after = c.after().lines().toList();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + c.display(), "b/" + c.display(), before, DiffUtils.diff(before, after), 3);
        unified.forEach(out()::println);
    }
}
