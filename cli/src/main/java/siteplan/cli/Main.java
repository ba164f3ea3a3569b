package siteplan.cli;

import java.io.PrintWriter;

/** The `siteplan` command; everything happens in {@link Siteplan} so tests can run it with their own writers. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Siteplan.terminal = System.console() != null;
        int code;
        try {
            code = Siteplan.run(args, out, err);
        } catch (Throwable t) {
            // Errors (out of memory, a broken class path) never reach picocli's exception handler.
            boolean debug = java.util.Arrays.asList(args).contains("--debug");
            code = Siteplan.handle(t instanceof Exception e ? e : new RuntimeException(t.toString(), t), err, debug);
        }
        out.flush();
        err.flush();
        siteplan.dsl.load.ModelCache.awaitWrites();
        System.exit(code);
    }
}
