package siteplan.planner.diff;

/** One field of a resource before and after the change; null means absent. */
public record FieldChange(String field, String before, String after) {}
