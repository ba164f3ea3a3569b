package siteplan.cli;

import java.io.PrintWriter;

/** The `siteplan` command; everything happens in {@link Siteplan} so tests can run it with their own writers. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = Siteplan.run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
