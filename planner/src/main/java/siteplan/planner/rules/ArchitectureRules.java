package siteplan.planner.rules;

import java.util.List;
import java.util.Set;
import siteplan.model.*;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.Change;
import siteplan.planner.diff.ResourceType;

/**
 * What Azure still accepts of the classic VMware/physical architecture (seed 000) after its retirement, by the profile's dates.
 * Read from the plan's changes, not the definition alone: what Azure refuses is an enable, and a re-replicate or a
 * replace is a disable followed by one.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {}

    /** The protection changes that send Site Recovery a new enable: a create, and a re-replicate or replace (disable, then enable). */
    private static final Set<Action> ENABLES = Set.of(Action.CREATE, Action.RE_REPLICATE, Action.REPLACE);

    /** Every finding of this family for the facts and the changes planned (those of the plan's targets only). */
    public static List<Finding> check(Facts f, List<Change> changes) {
        Findings out = new Findings(f.sources);
        classic(f, changes, out);
        return out.list();
    }

    /**
     * ARCH-CLASSIC: from the profile's classic.newProtectionEnds on, Azure enables no new protection of a VMware
     * VM or physical server in a classic vault (configuration server, InMageAzureV2): a plan that would protect one
     * anew, or re-replicate or replace one (its protection disabled, then enabled again, which Azure would refuse),
     * is refused. Machines protected and left alone keep their operations. Only a real vault refuses: the
     * simulated estate keeps the seeds' behaviour.
     */
    static void classic(Facts f, List<Change> changes, Findings out) {
        var ends = f.profile.classic() == null ? null : f.profile.classic().newProtectionEnds();
        if (ends == null || f.today == null || f.today.isBefore(ends)) return;
        for (Change c : changes) {
            if (c.type() != ResourceType.PROTECTION || !ENABLES.contains(c.action())) continue;
            Machine m = f.estate.machine(c.name()).orElse(null);
            if (m == null || m.kind() == MachineKind.HYPERV_VM) continue;
            var g = f.groupOf(m);
            if (g.isEmpty()) continue;
            if (!f.realClassicVault(g.get().target())) continue;
            String what = c.action() == Action.CREATE ? " would be newly protected"
                    : " would be protected anew (" + c.action().token() + ": its protection disabled, then enabled again, which Azure would refuse, leaving it unprotected)";
            out.report("ARCH-CLASSIC", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + what + " in the classic architecture of vault target "
                    + g.get().target() + ", which Azure no longer accepts since " + ends + " (profile " + f.profile.name()
                    + "): machines already protected keep their operations; protect new ones with the modernized architecture (a replication appliance)");
        }
    }
}
