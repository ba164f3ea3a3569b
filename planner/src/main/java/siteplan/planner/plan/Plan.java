package siteplan.planner.plan;

import java.util.List;
import siteplan.planner.diff.Change;
import siteplan.planner.rules.Finding;

/**
 * A plan: the versioned JSON contract (schemas/plan.schema.json) that the human and Markdown views
 * are rendered from and that apply works from. Everything in it is sorted; nothing depends on time.
 */
public record Plan(String formatVersion, String siteplanVersion, List<String> definition, String provider, String profile,
                   String modelDigest, String stateFingerprint, boolean applicable, Summary summary,
                   List<Change> changes, List<Finding> findings, List<Sizing> sizing, List<PlanOrder> recoveryPlans) {

    public static final String FORMAT_VERSION = "1.0";

    public Plan {
        definition = List.copyOf(definition);
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        sizing = List.copyOf(sizing);
        recoveryPlans = List.copyOf(recoveryPlans);
    }

    /** Counts by action and severity. */
    public record Summary(int create, int update, int replace, int delete, int reReplicate, int reprotect, int noOp, int errors, int warnings, int infos) {
        public boolean hasChanges() {
            return create + update + replace + delete + reReplicate + reprotect > 0;
        }
    }

    /** A recommendation the seed tables imply: a process server band, a retention volume, storage accounts, configuration servers. */
    public record Sizing(String subject, String recommendation, String basis) {}

    /** A recovery plan's order, for the Mermaid graph of a touched plan. */
    public record PlanOrder(String name, boolean touched, List<List<String>> groups, List<Dependency> dependencies) {}

    public record Dependency(String machine, String dependsOn) {}
}
