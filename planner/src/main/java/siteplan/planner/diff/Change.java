package siteplan.planner.diff;

import java.util.List;

/**
 * One resource-level change. The address ("protection.erp-db01", "process_server.amsterdam/ps01") is
 * stable and sorts the plan; site groups the human view.
 */
@com.fasterxml.jackson.annotation.JsonClassDescription("One resource-level change.")
public record Change(@siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("Stable address: type.name, e.g. protection.erp-db01.") String address,
                     @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("Resource type: vault, storage_account, azure_network, site, vcenter, configuration_server, process_server, master_target, policy, network_mapping, storage_mapping, protection, mobility, recovery_plan.") ResourceType type,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("Site (or target) the resource belongs to; '-' for none.") String site,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("Resource name within its type.") String name,
                     @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("What happens: create, update, replace, delete, re-replicate, reprotect or no-op.") Action action,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("Why, for people; decisions never read it.") String reason,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("Field-level before and after.") List<FieldChange> fields,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("Disaster-recovery impact while the change takes effect.") Impact impact,
                     @com.fasterxml.jackson.annotation.JsonPropertyDescription("True when recovery points are lost.") boolean destructive) {
    public Change {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
