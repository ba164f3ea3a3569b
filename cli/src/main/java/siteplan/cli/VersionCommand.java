package siteplan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `siteplan version`: what `--version` prints, as a command a pipeline can log (and parse with --json). */
@Command(name = "version", description = "Print siteplan's version, the git commit it was built from, and the Java runtime.")
final class VersionCommand extends BaseCommand {
    @Option(names = {"--json", "-json"}, description = "Print it as JSON: version, commit (null when unknown), commit_modified, java, java_vendor, groovy.")
    boolean json;

    @Override public Integer call() throws Exception {
        Build build = Build.current();
        if (json) out().println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(build.json()));
        else for (String line : build.lines()) out().println(line);
        out().flush();
        return ExitCode.OK;
    }
}
