package siteplan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import siteplan.planner.plan.Targets;

/**
 * -target ADDRESS of plan and apply, repeatable: limit the plan to these resources and what they depend on
 * (see {@link Targets}). The single-dash spelling is Terraform's, so scripts port; so is the warning a
 * targeted plan carries, for the same reason: it is for exceptional cases, and a full plan follows it.
 */
final class TargetOption {
    @Option(names = {"--target", "-target"}, paramLabel = "ADDRESS",
            description = {"Plan only this resource and what it depends on: a machine (machine:NAME), protection group (protectionGroup:NAME), recovery plan (recoveryPlan:NAME), "
                    + "site, Azure target, policy, or a change as the plan prints it (protection.NAME). Repeatable. For exceptional cases: run a full plan after."})
    List<String> targets = new ArrayList<>();

    List<String> given() {
        return targets.stream().map(String::trim).toList();
    }

    /** The user's words for a target that names nothing: the flag, the address, the nearest one that exists, and nothing planned. */
    static Siteplan.UserError unknown(Targets.UnknownTarget e) {
        Optional<String> near = siteplan.dsl.Suggestions.closest(e.target(), e.known()).or(() -> sameKind(e.target(), e.known()));
        return new Siteplan.UserError("--target " + e.target() + ": no resource in the definition or the plan has that address"
                + near.map(n -> "; did you mean " + n + "?").orElse(".")
                + " A target is machine:NAME, protectionGroup:NAME, recoveryPlan:NAME, site:NAME, azure:NAME, policy:NAME, or a change's address as the plan prints it, such as protection.NAME."
                + " Nothing was planned.");
    }

    /** Beyond a typo's distance, the nearest address of the kind typed ("machine:", "protection."), if any. */
    private static Optional<String> sameKind(String typed, java.util.Collection<String> known) {
        int end = typed.replaceAll("[:.].*", "").length();
        if (end == typed.length()) return Optional.empty();
        String kind = typed.substring(0, end + 1);
        var distance = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        return known.stream().filter(k -> k.startsWith(kind))
                .min(java.util.Comparator.comparingInt((String k) -> distance.apply(typed, k)).thenComparing(k -> k));
    }
}
