package siteplan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import siteplan.planner.plan.Plan;
import siteplan.planner.plan.PlanJson;

/** Plans saved with plan -out, as show and apply read them. */
final class PlanFiles {
    private PlanFiles() {}

    /**
     * The state folder a plan of the simulated estate was made against, as its provider field names it
     * ("simulated estate in DIR", the last part when real sites come first), for a command to print. Only
     * a folder inside the working directory, as for the plan's definition paths (SavedPlanCheck.definition):
     * a plan is a file anyone may have edited, and siteplan does not suggest pointing apply elsewhere.
     */
    static java.util.Optional<String> stateDir(Plan plan) {
        String provider = String.valueOf(plan.provider());
        int at = provider.lastIndexOf(SIMULATED);
        if (at < 0) return java.util.Optional.empty();
        String dir = provider.substring(at + SIMULATED.length());
        try {
            Path p = Path.of(dir);
            if (p.isAbsolute() || !Files.isDirectory(p) || !p.toRealPath().startsWith(Path.of("").toRealPath())) return java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(dir);
    }

    private static final String SIMULATED = "simulated estate in ";

    /** Reads a saved plan, refusing what is not one or has a format this siteplan does not know. */
    static Plan read(Path file) {
        if (!Files.isRegularFile(file)) throw new Siteplan.UserError("no plan file " + file);
        Plan plan;
        try {
            // The version first: a plan of another format, or a JSON file that is no plan, is named as such.
            var tree = siteplan.model.json.ModelJson.JSON.readTree(file.toFile());
            if (tree == null || !tree.isObject() || !tree.has("format_version")) {
                throw new Siteplan.UserError(file + " is not a siteplan plan: it has no format_version; save a plan with: siteplan plan PATH -out " + file);
            }
            if (!Plan.READABLE_FORMATS.contains(tree.get("format_version").asText())) {
                throw new Siteplan.UserError(file + " has plan format " + tree.get("format_version").asText() + "; this siteplan reads formats "
                        + String.join(", ", Plan.READABLE_FORMATS.subList(0, Plan.READABLE_FORMATS.size() - 1)) + " and " + Plan.READABLE_FORMATS.get(Plan.READABLE_FORMATS.size() - 1) + ". Save the plan again with this siteplan: siteplan plan PATH -out " + file);
            }
            plan = PlanJson.read(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Siteplan.UserError(file + " is not a siteplan plan (line " + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Siteplan.UserError("cannot read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof Siteplan.UserError) throw e;
            throw new Siteplan.UserError(file + " is not a complete siteplan plan (" + e.getMessage() + "); save a plan with: siteplan plan PATH -out " + file);
        }
        return plan;
    }
}
