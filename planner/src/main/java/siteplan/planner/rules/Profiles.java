package siteplan.planner.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import siteplan.model.Architecture;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;

/**
 * The rule profile of each architecture: a vault's architecture picks the limits its machines are checked against
 * (classic → asr-2015, modernized → asr-2026), so one plan covers an estate in the middle of a move. A profile
 * given with --profile replaces the one of the architecture it says it is for, and only that one.
 */
public record Profiles(Profile classic, Profile modernized) {

    private static final Profiles BUNDLED = new Profiles(Profile.load(Profile.DEFAULT), Profile.load(Profile.MODERNIZED));

    public static Profiles bundled() {
        return BUNDLED;
    }

    /** The bundled profiles with these in place of the bundled ones of their architectures (later ones win). */
    public static Profiles with(List<Profile> overrides) {
        Profiles p = BUNDLED;
        for (Profile o : overrides) p = p.with(o);
        return p;
    }

    public Profiles with(Profile override) {
        return override.architectureOrClassic() == Architecture.MODERNIZED ? new Profiles(classic, override) : new Profiles(override, modernized);
    }

    public Profile of(Architecture a) {
        return a == Architecture.MODERNIZED ? modernized : classic;
    }

    /**
     * The profiles an estate is checked against, for the plan's header and the saved-plan check: the classic one
     * unless every Azure target is modernized, and the modernized one when some target is.
     */
    public String names(Estate e) {
        Set<String> names = new LinkedHashSet<>();
        boolean anyModernized = e.azure().stream().anyMatch(t -> Architecture.of(t) == Architecture.MODERNIZED);
        boolean allModernized = anyModernized && e.azure().stream().allMatch(t -> Architecture.of(t) == Architecture.MODERNIZED) && e.vmmSites().isEmpty();
        if (!allModernized) names.add(classic.name());
        if (anyModernized) names.add(modernized.name());
        return String.join("+", new ArrayList<>(names));
    }

    /** The profile of a target's vault (classic for a VMM site or a name the estate does not declare). */
    public Profile ofTarget(Estate e, String target) {
        AzureTarget t = e.azure().stream().filter(a -> a.name().equals(target)).findFirst().orElse(null);
        return of(Architecture.of(t));
    }
}
