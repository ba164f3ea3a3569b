package siteplan.planner.rules;

/**
 * What a rule found: its ID (as in rules.md), severity, the thing it is about, and a message with the
 * numbers that broke it. The file and line are where that thing is declared.
 */
@com.fasterxml.jackson.annotation.JsonClassDescription("A rule finding.")
public record Finding(@siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("Rule ID from rules.md (or PLAN-* for plan-level checks).") String rule,
                      @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("error (blocks apply), warning or info.") Severity severity,
                      @com.fasterxml.jackson.annotation.JsonPropertyDescription("What it is about.") String subject,
                      @siteplan.model.Required @com.fasterxml.jackson.annotation.JsonPropertyDescription("What broke, with the numbers.") String message,
                      @com.fasterxml.jackson.annotation.JsonPropertyDescription("Definition file that declares the subject.") String file,
                      @com.fasterxml.jackson.annotation.JsonPropertyDescription("Line in that file.") Integer line)
        implements Comparable<Finding> {

    @Override public int compareTo(Finding o) {
        int c = Integer.compare(severity.ordinal(), o.severity.ordinal());
        if (c != 0) return c;
        c = rule.compareTo(o.rule);
        if (c != 0) return c;
        c = subject.compareTo(o.subject);
        return c != 0 ? c : message.compareTo(o.message);
    }

    public String render() {
        String where = file == null ? "" : " (" + file + (line != null && line > 0 ? ", line " + line : "") + ")";
        return siteplan.text.Printable.of(rule + " " + severity.token() + ": " + message + where);
    }
}
