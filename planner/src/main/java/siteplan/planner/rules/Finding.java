package siteplan.planner.rules;

/**
 * What a rule found: its ID (as in rules.md), severity, the thing it is about, and a message with the
 * numbers that broke it. The file and line are where that thing is declared.
 */
public record Finding(String rule, Severity severity, String subject, String message, String file, Integer line)
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
        return rule + " " + severity.token() + ": " + message + where;
    }
}
