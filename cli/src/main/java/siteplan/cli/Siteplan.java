package siteplan.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import siteplan.diag.InvalidDefinitionException;
import siteplan.diag.Problem;

/** The root command and the one place exceptions become exit codes (as jbang's BaseCommand does). */
@Command(name = "siteplan", mixinStandardHelpOptions = true, versionProvider = Siteplan.Version.class,
        description = "Disaster recovery as code: declare sites, machines, protection and recovery plans in Groovy; validate, plan, apply and drill them.",
        subcommands = {ValidateCommand.class, FmtCommand.class, PlanCommand.class, ShowCommand.class, ApplyCommand.class, DrillCommand.class, FailoverCommands.Failover.class,
                FailoverCommands.Commit.class, FailoverCommands.Reprotect.class, FailoverCommands.Failback.class, HistoryCommand.class, ReportCommand.class, ForceUnlockCommand.class, SimCommand.class, CompletionCommand.class, DiscoverCommand.class, ImportCommand.class, ExportCommand.class, SchemaCommand.class, DebugCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Siteplan implements Runnable {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of internal errors.")
    boolean debug;

    /** Every command takes it (https://no-color.org: so does a non-empty NO_COLOR); {@link #colour()} is the one place that reads it. */
    @Option(names = {"--no-color", "-no-color"}, scope = CommandLine.ScopeType.INHERIT, description = "No colour, even on a terminal (as a non-empty NO_COLOR in the environment).")
    boolean noColor;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Bare `siteplan` names no command: a usage error, with the usage on standard error. */
    @Override public void run() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("siteplan: name a command.");
        cl.usage(cl.getErr());
        throw new Usage();
    }

    /** Thrown by a command line that names nothing to do; its message is already printed. */
    static final class Usage extends RuntimeException {
        Usage() {
            super(null, null, false, false);
        }
    }

    /** Runs siteplan with the given arguments and writers; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** As above with the environment given: tests pass secrets and CI variables without touching the process's own. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
        ENV.set(env);
        try {
            return execute(args, out, err);
        } finally {
            ENV.remove();
            ROOT.remove();
        }
    }

    private static final ThreadLocal<java.util.Map<String, String>> ENV = new ThreadLocal<>();
    private static final ThreadLocal<Siteplan> ROOT = new ThreadLocal<>();

    /** The environment of this run. */
    static java.util.Map<String, String> env() {
        java.util.Map<String, String> e = ENV.get();
        return e != null ? e : System.getenv();
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Siteplan root = new Siteplan();
        ROOT.set(root);
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        // Help is printed while the command line is parsed, before --no-color has a value: it looks for the flag itself.
        java.util.List<String> noColor = java.util.List.of(cl.getCommandSpec().findOption("--no-color").names());
        boolean plainHelp = !terminal || noColorEnv() || java.util.Arrays.stream(args).anyMatch(noColor::contains);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(plainHelp ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO));
        OptionValues.register(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            if (ex.getCause() instanceof OptionValues.Refused refused) {
                err.println("siteplan: " + refused.line(ex.getArgSpec()));
                return ExitCode.INVALID_INPUT;
            }
            // picocli repeats the arguments it could not use: a history remote's URL may hold a password.
            err.println("siteplan: " + siteplan.executor.history.History.withoutPassword(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> handle(ex, err, root.debug));
        return cl.execute(args);
    }

    static int handle(Exception ex, PrintWriter err, boolean debug) {
        if (ex instanceof Usage) return ExitCode.INVALID_INPUT;
        if (ex instanceof InvalidDefinitionException inv) {
            for (Problem p : inv.problems()) err.println(p.render());
            int n = inv.problems().size();
            err.println(n + (n == 1 ? " problem" : " problems") + " found; nothing was changed."
                    + (inv.partial() ? " Names used across files are checked once these are fixed." : ""));
            return ExitCode.INVALID_INPUT;
        }
        if (ex instanceof siteplan.executor.history.EstateLock.Held held) {
            err.println("siteplan: " + held.getMessage());
            return ExitCode.LOCKED;
        }
        if (ex instanceof siteplan.executor.secrets.Secrets.MissingSecret m) {
            err.println("siteplan: " + m.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        if (ex instanceof siteplan.planner.state.StateFolder.Unsafe u) {
            err.println("siteplan: " + u.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        if (ex instanceof UserError u) {
            err.println("siteplan: " + u.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        Throwable io = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
        if (io instanceof siteplan.executor.history.History.RemoteUnreachable remote) {
            err.println("siteplan: " + remote.getMessage() + ".");
            if (debug) ex.printStackTrace(err);
            return ExitCode.INVALID_INPUT;
        }
        if (io instanceof java.io.IOException || io instanceof org.eclipse.jgit.api.errors.JGitInternalException) {
            // A disk, a file or a repository failed, not siteplan: say which and what to check. What ran before it is in history or the journal.
            String what = io instanceof java.nio.file.FileSystemException f ? f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason()) : String.valueOf(io.getMessage());
            err.println("siteplan: a file could not be read or written (" + what + "). Check that the disk has space and the state and history folders are writable;"
                    + " if an apply, drill or failover had begun, its journal is in the history folder and the next run records it.");
            if (debug) ex.printStackTrace(err);
            return ExitCode.FAILED;
        }
        err.println("siteplan: internal error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                + " — this is a bug in siteplan; please report it" + (debug ? "" : " (run again with --debug for details)"));
        if (debug) ex.printStackTrace(err);
        return ExitCode.INTERNAL_ERROR;
    }

    /**
     * The date date-based rules (CS-REG-KEY, drill intervals) take as today: SITEPLAN_TODAY (YYYY-MM-DD) when set, so a
     * plan can be reproduced later and tests do not age, else the local date.
     */
    static java.time.LocalDate today() {
        String t = env().get("SITEPLAN_TODAY");
        if (t == null || t.isBlank()) return java.time.LocalDate.now();
        try {
            return java.time.LocalDate.parse(t.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserError("SITEPLAN_TODAY must be a date such as 2026-11-22, not '" + t + "'");
        }
    }

    /** Set by Main when standard output is a terminal; tests never get colour. */
    static volatile boolean terminal;

    /** Colour only on a terminal, and neither with --no-color nor with a non-empty NO_COLOR. */
    static boolean colour() {
        Siteplan root = ROOT.get();
        return terminal && !(root != null && root.noColor) && !noColorEnv();
    }

    private static boolean noColorEnv() {
        String v = env().get("NO_COLOR");
        return v != null && !v.isEmpty();
    }

    static String version() {
        return Build.current().version();
    }

    /** Wrong input that is not a definition problem: a bad flag value, an unwritable output file. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message, null, false, false);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return Build.current().lines();
        }
    }
}
