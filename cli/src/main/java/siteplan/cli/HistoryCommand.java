package siteplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import siteplan.executor.history.History;

@Command(name = "history", description = "List the recorded plans, applies, drills and failovers, newest first; `history show ID` shows one.",
        subcommands = HistoryCommand.Show.class)
final class HistoryCommand extends BaseCommand {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Mixin
    StateOption state;

    @Mixin
    HistoryOptions historyOptions;

    @Parameters(arity = "0..1", paramLabel = "PATH", description = "The definition whose history to list (default: the working directory); its history is in its state folder (see --state) unless --history or --history-remote says otherwise.")
    String path;

    @Option(names = "--recovery-plan", paramLabel = "NAME", description = "Only the drills and failovers of this recovery plan.")
    String recoveryPlan;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only runs of this kind: plan, apply, drill, failover, commit, reprotect or failback.")
    Kind kind;

    /** The kinds of run history records: a closed set, so a misspelt --kind is refused rather than matching nothing. */
    enum Kind implements siteplan.model.Token { PLAN, APPLY, DRILL, FAILOVER, COMMIT, REPROTECT, FAILBACK }

    @Option(names = "--objectives", paramLabel = "VERDICT", description = "Only drills whose recovery objectives (rto, rpo) were met or missed.")
    Verdict objectives;

    /** A drill's verdict on its recovery plan's objectives, as its Siteplan-Objectives trailer records it. */
    enum Verdict implements siteplan.model.Token { MET, MISSED }

    @Option(names = "--attested", description = "Only drills that carry an attestation (drill --note).")
    boolean attested;

    @Option(names = "--json", description = "The entries as JSON.")
    boolean json;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path stateDir = state.resolve(path == null ? List.of() : List.of(path));
        if (historyOptions.push) historyOptions.refuseInPullRequestJob("history --push");
        if (!historyOptions.exists(stateDir)) {
            // Listing is read-only: it never creates a repository.
            out.println("No history yet in " + historyOptions.where(stateDir) + ": plans saved with -out, applies, drills and failovers are recorded there.");
            out.flush();
            return ExitCode.OK;
        }
        try (History h = historyOptions.open(stateDir)) {
            List<History.Entry> entries = h.list().stream()
                    .filter(e -> recoveryPlan == null || recoveryPlan.equals(e.trailers().get("Siteplan-Recovery-Plan")))
                    .filter(e -> kind == null || kind.token().equals(e.kind()))
                    .filter(e -> objectives == null || objectives.token().equals(e.trailers().get("Siteplan-Objectives")))
                    .filter(e -> !attested || e.trailers().containsKey("Siteplan-Note")).toList();
            if (json) {
                out.println(siteplan.model.json.ModelJson.JSON.writeValueAsString(entries));
            } else if (entries.isEmpty()) {
                out.println("No history yet in " + h.dir() + (recoveryPlan != null ? " for recovery plan " + recoveryPlan : "") + ".");
            } else {
                // Columns as wide as their widest entry, so every subject starts in one column whatever kinds and statuses were recorded.
                int kindWidth = entries.stream().mapToInt(e -> e.kind().length()).max().orElse(0);
                int statusWidth = entries.stream().mapToInt(e -> e.status().length()).max().orElse(0);
                for (History.Entry e : entries) {
                    out.printf("%s  %s  %-" + kindWidth + "s  %-" + statusWidth + "s  %s  (%s)%n", e.commit().substring(0, 12), TIME.format(e.time()), e.kind(), e.status(), e.subject(), e.author());
                }
            }
            if (historyOptions.push) h.push();
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show one history entry: its message, files, and the result or report it holds.")
    static final class Show extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Commit id (or prefix) or run id.")
        String id;

        @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "The definition whose history holds it (default: the working directory), as for `siteplan history`.")
        String path;

        @Mixin
        StateOption state;

        @Mixin
        HistoryOptions historyOptions;

        @Override public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path stateDir = state.resolve(path == null ? List.of() : List.of(path));
            if (!historyOptions.exists(stateDir)) throw new Siteplan.UserError("no history entry " + id + ": there is no history in " + historyOptions.where(stateDir) + " yet");
            try (History h = historyOptions.open(stateDir)) {
                History.Entry e = h.find(id).orElseThrow(() -> new Siteplan.UserError("no history entry " + id + " in " + h.dir() + "; list them with: siteplan history"
                        + PrintedCommand.locating(path == null ? List.of() : List.of(path), state, historyOptions)));
                out.println("commit " + e.commit());
                out.println("Author: " + e.author());
                out.println("Date:   " + TIME.format(e.time()));
                out.println();
                out.println("    " + e.subject());
                out.println();
                e.trailers().forEach((k, v) -> out.println("    " + k + ": " + v));
                out.println();
                out.println("Files:");
                e.files().forEach(f -> out.println("  " + f));
                String base = "runs/" + e.run() + "/";
                for (String name : List.of("report.md", "result.md")) {
                    var text = h.read(e.commit(), base + name);
                    if (text.isPresent()) {
                        out.println();
                        out.print(text.get());
                        break;
                    }
                }
                var journal = h.read(e.commit(), base + "journal.jsonl");
                if (journal.isPresent() && h.read(e.commit(), base + "report.md").isEmpty()) {
                    out.println();
                    out.println("Journal:");
                    // Parallel operations append as they finish; shown in the order they happened.
                    List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
                    int unreadable = 0;
                    for (String line : journal.get().split("\n")) {
                        if (line.isBlank()) continue;
                        // The branch comes from a remote: a line that is not an event is counted, not fatal.
                        try {
                            com.fasterxml.jackson.databind.JsonNode n = siteplan.model.json.ModelJson.JSON.readTree(line);
                            if (n != null && n.isObject()) events.add(n);
                            else unreadable++;
                        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                            unreadable++;
                        }
                    }
                    events.sort(java.util.Comparator.comparing(n -> instant(n.path("at").asText())));
                    for (var n : events) {
                        out.println("  " + n.path("at").asText() + "  " + String.format("%-14s", n.path("event").asText()) + " " + n.path("address").asText("")
                                + (n.has("detail") ? "  " + n.path("detail").asText() : ""));
                    }
                    if (unreadable > 0) out.println("  (" + siteplan.text.Plural.of(unreadable, "line") + " of the journal " + (unreadable == 1 ? "is" : "are") + " not a journal event, and not shown)");
                }
                out.flush();
                return ExitCode.OK;
            }
        }

        /** A journal time; one that does not read as a time sorts first, as written. */
        private static java.time.Instant instant(String at) {
            try {
                return java.time.Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                return java.time.Instant.MIN;
            }
        }
    }
}
