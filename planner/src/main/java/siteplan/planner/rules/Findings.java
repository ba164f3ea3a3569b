package siteplan.planner.rules;

import java.util.ArrayList;
import java.util.List;
import siteplan.diag.Location;
import siteplan.diag.SourceMap;
import siteplan.model.Address;

/** What one rule family found, each finding placed at the file and line that declare its subject. */
final class Findings {
    private final SourceMap sources;
    private final List<Finding> found = new ArrayList<>();

    Findings(SourceMap sources) {
        this.sources = sources;
    }

    /** A finding about the thing at an address (or, if it has no place of its own, its nearest enclosing thing). */
    void report(String rule, Severity severity, String subject, Address where, String message) {
        Location l = sources.at(where);
        found.add(new Finding(rule, severity, subject, message, l.file(), l.line() > 0 ? l.line() : null));
    }

    List<Finding> list() {
        return List.copyOf(found);
    }
}
