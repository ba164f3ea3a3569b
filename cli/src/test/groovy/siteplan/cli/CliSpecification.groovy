package siteplan.cli

import spock.lang.Specification

/** Runs siteplan as a user would, with its output captured. */
abstract class CliSpecification extends Specification {
    String out
    String err

    int siteplan(String... args) {
        def o = new StringWriter()
        def e = new StringWriter()
        int code = Siteplan.run(args, new PrintWriter(o), new PrintWriter(e))
        out = o.toString()
        err = e.toString()
        code
    }

    List<String> errLines() {
        err.readLines()
    }
}
