package siteplan.planner.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import siteplan.model.Disk;
import siteplan.model.Estate;
import siteplan.model.Machine;
import siteplan.model.PlanMachine;
import siteplan.model.RecoveryGroup;
import siteplan.model.RecoveryPlan;

/**
 * What a recovery plan's last successful drill proved is the plan as it was then: its machines, their disks and its
 * groups. This says what changed in them since (DRILL-FORM), from the model the drill recorded in its run folder: a
 * machine added or removed, a group changed or reordered, a disk grown, shrunk, added or removed. Other changes (a
 * policy, a network) do not change what the drill failed over.
 */
public final class DrilledForm {
    private DrilledForm() {}

    /** The changes, for people, in the order plan, groups, disks; none when the plan is as drilled. */
    public static List<String> changes(Estate drilled, Estate now, String plan) {
        Optional<RecoveryPlan> then = drilled.recoveryPlans().stream().filter(p -> p.name().equals(plan)).findFirst();
        Optional<RecoveryPlan> current = now.recoveryPlans().stream().filter(p -> p.name().equals(plan)).findFirst();
        if (then.isEmpty() || current.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        List<List<String>> before = groups(then.get());
        List<List<String>> after = groups(current.get());
        List<String> was = before.stream().flatMap(List::stream).toList();
        List<String> is = after.stream().flatMap(List::stream).toList();
        List<String> added = is.stream().filter(m -> !was.contains(m)).toList();
        List<String> removed = was.stream().filter(m -> !is.contains(m)).toList();
        if (!added.isEmpty()) out.add("machines added: " + String.join(", ", added));
        if (!removed.isEmpty()) out.add("machines removed: " + String.join(", ", removed));
        if (added.isEmpty() && removed.isEmpty() && !before.equals(after)) out.add("groups changed: " + shown(before) + " → " + shown(after));
        for (String name : is) {
            if (!was.contains(name)) continue;
            Optional<Machine> m0 = drilled.machine(name);
            Optional<Machine> m1 = now.machine(name);
            if (m0.isPresent() && m1.isPresent()) out.addAll(disks(name, m0.get(), m1.get()));
        }
        return out;
    }

    private static List<List<String>> groups(RecoveryPlan p) {
        return p.groups().stream().map(RecoveryGroup::machines).map(ms -> ms.stream().map(PlanMachine::name).toList()).toList();
    }

    private static String shown(List<List<String>> groups) {
        return String.join(" ", groups.stream().map(g -> "[" + String.join(", ", g) + "]").toList());
    }

    private static List<String> disks(String machine, Machine then, Machine now) {
        Map<String, Disk> before = new LinkedHashMap<>();
        then.disks().forEach(d -> before.put(d.name(), d));
        List<String> out = new ArrayList<>();
        for (Disk d : now.disks()) {
            Disk old = before.remove(d.name());
            if (old == null) out.add(machine + " disk " + d.name() + " added (" + d.size().human() + ")");
            else if (!Objects.equals(old.size(), d.size())) {
                out.add(machine + " disk " + d.name() + " " + (d.size().compareTo(old.size()) > 0 ? "grown" : "shrunk") + " " + old.size().human() + " → " + d.size().human());
            }
        }
        before.keySet().forEach(n -> out.add(machine + " disk " + n + " removed"));
        return out;
    }
}
