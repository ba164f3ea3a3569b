package siteplan.planner.plan;

import java.util.List;
import siteplan.planner.diff.Change;
import siteplan.planner.rules.Finding;

/**
 * A plan: the versioned JSON contract (schemas/plan.schema.json) that the human and Markdown views
 * are rendered from and that apply works from. Everything in it is sorted; nothing depends on time.
 */
@com.fasterxml.jackson.annotation.JsonClassDescription("A siteplan plan: the changes that make what exists match the definition, the rule findings, and sizing. Apply works from this document only.")
public record Plan(
        @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("Version of this document's format; readers refuse a format they do not know.") String formatVersion,
        @com.fasterxml.jackson.annotation.JsonPropertyDescription("Version of siteplan that made the plan.") String siteplanVersion,
        @com.fasterxml.jackson.annotation.JsonPropertyDescription("The definition files or folders planned.") List<String> definition,
        @com.fasterxml.jackson.annotation.JsonPropertyDescription("Where discovered state came from.") String provider,
        @com.fasterxml.jackson.annotation.JsonPropertyDescription("Name of the rule profile used.") String profile,
        @com.fasterxml.jackson.annotation.JsonPropertyDescription("The -target addresses the plan was limited to, sorted; absent for a plan of everything. Apply plans again with these same targets.") List<String> targets,
        @com.fasterxml.jackson.annotation.JsonPropertyDescription("With targets: how many changes the definition asks for outside them, left out of this plan.") Integer changesLeftOut,
        @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("SHA-256 of the model; apply refuses the plan when the definition has changed since.") String modelDigest,
        @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("SHA-256 of the discovered state; apply refuses the plan when what exists has changed since.") String stateFingerprint,
        @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("False when a finding is an error: such a plan is never applied.") boolean applicable,
        @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("Counts of changes by action and of findings by severity.") Summary summary,
        @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("Every resource, sorted by address, with its action (no-op included).") List<Change> changes,
        @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("Rule findings, errors first.") List<Finding> findings,
        @com.fasterxml.jackson.annotation.JsonPropertyDescription("What the seed tables imply for the declared estate.") List<Sizing> sizing,
        @com.fasterxml.jackson.annotation.JsonPropertyDescription("Each recovery plan's order, and whether this plan touches it.") List<PlanOrder> recoveryPlans) {

    /**
     * 1.1 added targets and changes_left_out; 1.2 the move action and summary.move. An earlier plan is a later one
     * without what was added.
     */
    public static final String FORMAT_VERSION = "1.2";

    /** The formats this siteplan reads: its own and the earlier ones it is a superset of. */
    public static final List<String> READABLE_FORMATS = List.of("1.0", "1.1", FORMAT_VERSION);

    public Plan {
        definition = List.copyOf(definition);
        targets = targets == null ? null : List.copyOf(targets);
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        sizing = List.copyOf(sizing);
        recoveryPlans = List.copyOf(recoveryPlans);
    }

    /** True when -target limited the plan to part of the definition. */
    public boolean targeted() {
        return targets != null && !targets.isEmpty();
    }

    /** Counts by action and severity. */
    @com.fasterxml.jackson.annotation.JsonClassDescription("Counts of changes by action and findings by severity.")
    public record Summary(@com.fasterxml.jackson.annotation.JsonPropertyDescription("Resources to create.") int create, @com.fasterxml.jackson.annotation.JsonPropertyDescription("Resources to update in place.") int update,
                          @com.fasterxml.jackson.annotation.JsonPropertyDescription("Resources to replace (destroy and create).") int replace, @com.fasterxml.jackson.annotation.JsonPropertyDescription("Resources to delete.") int delete,
                          @com.fasterxml.jackson.annotation.JsonPropertyDescription("Machines to re-replicate (SRC-RESIZE, SRC-MECHANISM).") int reReplicate, @com.fasterxml.jackson.annotation.JsonPropertyDescription("Machines to reprotect (FB-STAGES).") int reprotect,
                          @com.fasterxml.jackson.annotation.JsonPropertyDescription("Machines to move from a classic vault to a modernized one (MOVE-*).") int move,
                          @com.fasterxml.jackson.annotation.JsonPropertyDescription("Resources already as declared.") int noOp, @com.fasterxml.jackson.annotation.JsonPropertyDescription("Error findings.") int errors, @com.fasterxml.jackson.annotation.JsonPropertyDescription("Warning findings.") int warnings,
                          @com.fasterxml.jackson.annotation.JsonPropertyDescription("Informational findings.") int infos) {
        public boolean hasChanges() {
            return create + update + replace + delete + reReplicate + reprotect + move > 0;
        }
    }

    /** A recommendation the seed tables imply: a process server band, a retention volume, storage accounts, configuration servers. */
    @com.fasterxml.jackson.annotation.JsonClassDescription("A sizing recommendation.")
    public record Sizing(@com.fasterxml.jackson.annotation.JsonPropertyDescription("What it is for.") String subject, @com.fasterxml.jackson.annotation.JsonPropertyDescription("What the seed tables recommend.") String recommendation,
                         @com.fasterxml.jackson.annotation.JsonPropertyDescription("The figures it is based on.") String basis) {}

    /** A recovery plan's order, for the Mermaid graph of a touched plan. */
    @com.fasterxml.jackson.annotation.JsonClassDescription("A recovery plan's failover order.")
    public record PlanOrder(@com.fasterxml.jackson.annotation.JsonPropertyDescription("Recovery plan name.") String name, @com.fasterxml.jackson.annotation.JsonPropertyDescription("True when a change of this plan affects it.") boolean touched,
                            @com.fasterxml.jackson.annotation.JsonPropertyDescription("Machine names per group, in failover order.") List<List<String>> groups,
                            @com.fasterxml.jackson.annotation.JsonPropertyDescription("dependsOn edges between machines.") List<Dependency> dependencies) {}

    @com.fasterxml.jackson.annotation.JsonClassDescription("A machine that waits for another.")
    public record Dependency(@com.fasterxml.jackson.annotation.JsonPropertyDescription("The machine that waits.") String machine, @com.fasterxml.jackson.annotation.JsonPropertyDescription("The machine it waits for.") String dependsOn) {}
}
