package siteplan.planner.diff;

import java.util.List;

/**
 * One resource-level change. The address ("protection.erp-db01", "process_server.amsterdam/ps01") is
 * stable and sorts the plan; site groups the human view.
 */
public record Change(String address, String type, String site, String name, Action action, String reason,
                     List<FieldChange> fields, Impact impact, boolean destructive) {
    public Change {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
