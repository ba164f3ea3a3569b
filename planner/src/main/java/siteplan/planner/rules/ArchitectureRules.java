package siteplan.planner.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import siteplan.model.*;

/** What Azure still accepts of the classic VMware/physical architecture (seed 000) after its retirement, by the profile's dates. */
final class ArchitectureRules {
    private ArchitectureRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        classic(f, out);
        return out.list();
    }

    /**
     * ARCH-CLASSIC: from the profile's classic.newProtectionEnds on, Azure enables no new protection of a VMware
     * VM or physical server in a classic vault (configuration server, InMageAzureV2); machines already protected
     * keep every operation. Only a real vault refuses: the simulated estate keeps the seeds' behaviour.
     */
    static void classic(Facts f, Findings out) {
        var ends = f.profile.classic() == null ? null : f.profile.classic().newProtectionEnds();
        if (ends == null || f.today == null || f.today.isBefore(ends)) return;
        Set<String> protectedNow = new HashSet<>();
        f.discovered.vaults().forEach(v -> v.protectedItems().forEach(i -> protectedNow.add(i.machine())));
        for (Machine m : f.protectedMachines()) {
            if (m.kind() == MachineKind.HYPERV_VM || protectedNow.contains(m.name())) continue;
            var g = f.groupOf(m);
            if (g.isEmpty()) continue;
            boolean real = f.estate.azure().stream().anyMatch(t -> t.name().equals(g.get().target()) && t.provider() == ProviderKind.AZURE);
            if (!real) continue;
            out.report("ARCH-CLASSIC", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " would be newly protected in the classic architecture of vault target "
                    + g.get().target() + ", which Azure no longer accepts since " + ends + " (profile " + f.profile.name()
                    + "): machines already protected keep every operation; protect new ones with the modernized architecture (a replication appliance)");
        }
    }
}
