package siteplan.planner.diff;

/** One field of a resource before and after the change; null means absent. */
@com.fasterxml.jackson.annotation.JsonClassDescription("A field before and after; absent means it does not exist on that side.")
public record FieldChange(@com.fasterxml.jackson.annotation.JsonPropertyDescription("Field name.") String field, @com.fasterxml.jackson.annotation.JsonPropertyDescription("Value now.") String before, @com.fasterxml.jackson.annotation.JsonPropertyDescription("Value after the change.") String after) {}
