package siteplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every siteplan command shares, as jbang's BaseCommand does: a --help of its own, the writers picocli was
 * given (tests pass their own), colour only on a terminal, and an {@link ExitCode} as result. A command throws
 * what went wrong; {@link Siteplan#handle} turns it into a message and an exit code in one place.
 */
abstract class BaseCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    /** Standard output: what the command produces. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: progress, warnings and errors. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }


    /** A group of subcommands run alone shows its usage. */
    Integer usage() {
        spec.commandLine().usage(out());
        return ExitCode.OK;
    }
}
