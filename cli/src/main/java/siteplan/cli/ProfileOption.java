package siteplan.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import siteplan.planner.rules.Profile;
import siteplan.planner.rules.Profiles;

/**
 * --profile NAME|FILE of plan and apply, repeatable. Each vault's architecture picks its bundled profile (classic →
 * asr-2015, modernized → asr-2026); a profile given here replaces the bundled one of the architecture it is for, and
 * only that one, so an estate in the middle of a move keeps both.
 */
final class ProfileOption {
    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = {"A rule profile in place of the bundled one of its architecture: asr-2015 or asr-2017 (classic), asr-2026 (modernized), or a .yaml file. "
                    + "Repeatable (one per architecture). Default: each vault's architecture picks asr-2015 or asr-2026; a saved plan must be applied with the same."})
    List<String> names = new ArrayList<>();

    Profiles profiles() {
        List<Profile> given = new ArrayList<>();
        for (String n : names) given.add(PlanningInputs.profile(n));
        return Profiles.with(given);
    }

    /** The option as a printed command repeats it. */
    String printed() {
        StringBuilder b = new StringBuilder();
        for (String n : names) b.append(" --profile ").append(PrintedCommand.quote(n));
        return b.toString();
    }
}
