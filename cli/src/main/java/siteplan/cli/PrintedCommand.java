package siteplan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A siteplan command line printed for the person to run next ("apply it with: …", "siteplan history
 * show …", "siteplan force-unlock …"). It must run as printed from the folder the person is in: so it
 * names the definition, and repeats every flag that moved the state or the history away from where
 * that definition finds them by itself (see {@link StateOption}). Arguments are quoted for a POSIX shell.
 */
final class PrintedCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private PrintedCommand() {}

    /**
     * The arguments, each preceded by a space, that find this estate's state and history from the
     * working directory: the first definition path (the one the state folder and the estate's name
     * come from), then --state, --history, --history-remote, --history-branch and --estate as given.
     * An environment variable (SITEPLAN_HISTORY_REMOTE) is not repeated: the next command sees it too.
     * A password in the remote's URL is not repeated either: printed lines end up in CI logs.
     */
    static String locating(List<String> paths, StateOption state, HistoryOptions history) {
        List<String> args = new ArrayList<>();
        if (paths != null && !paths.isEmpty()) args.add(paths.get(0));
        if (state != null && state.given()) args.addAll(List.of("--state", state.state.toString()));
        if (history.dir != null) args.addAll(List.of("--history", history.dir.toString()));
        if (history.remote != null) args.addAll(List.of("--history-remote", siteplan.executor.history.History.forCommand(history.remote)));
        if (history.branch != null) args.addAll(List.of("--history-branch", history.branch));
        if (history.estate != null) args.addAll(List.of("--estate", history.estate));
        return args(args);
    }

    /** Each argument with a space before it, quoted when a shell would otherwise split or expand it. */
    static String args(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) sb.append(' ').append(quote(a));
        return sb.toString();
    }

    static String quote(String arg) {
        return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
