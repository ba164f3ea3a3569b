package siteplan.cli

import spock.lang.Specification

/** Runs siteplan as a user would, with its output captured. */
abstract class CliSpecification extends Specification {
    /** The day the examples' expectations were written for (CS-REG-KEY counts days from it): specs must not age. */
    static final Map<String, String> FIXED_DATE = System.getenv() + [SITEPLAN_TODAY: '2026-11-22']

    String out
    String err

    int siteplan(String... args) {
        runWith(FIXED_DATE, args)
    }

    /** siteplan in this JVM with the given environment; its output lands in out and err. */
    int runWith(Map<String, String> env, String... args) {
        def o = new StringWriter()
        def e = new StringWriter()
        int code = Siteplan.run(args, new PrintWriter(o), new PrintWriter(e), env)
        out = o.toString()
        err = e.toString()
        code
    }

    List<String> errLines() {
        err.readLines()
    }
}
