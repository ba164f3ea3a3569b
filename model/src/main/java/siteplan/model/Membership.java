package siteplan.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which machines each protection group protects, worked out once for the whole estate: by name, and
 * by tag among the machines of the group's source site ({@link ProtectionGroup#selects}). Estates have
 * thousands of machines and hundreds of groups, so nothing scans every machine for every group.
 */
public final class Membership {
    private final Map<String, List<Machine>> members = new LinkedHashMap<>();
    private final Map<String, ProtectionGroup> groupOf = new HashMap<>();

    private Membership() {}

    public static Membership of(Estate e) {
        Membership ms = new Membership();
        Map<String, Machine> byName = new HashMap<>();
        Map<String, List<Machine>> bySite = new HashMap<>();
        for (Machine m : e.machines()) {
            byName.putIfAbsent(m.name(), m);
            bySite.computeIfAbsent(m.site(), k -> new ArrayList<>()).add(m);
        }
        for (ProtectionGroup g : e.protectionGroups()) {
            TreeMap<String, Machine> found = new TreeMap<>();
            for (String n : g.members()) {
                Machine m = byName.get(n);
                if (m != null) found.put(n, m);
            }
            if (!g.tagged().isEmpty()) {
                for (Machine m : bySite.getOrDefault(g.source(), List.of())) {
                    if (g.selects(m)) found.put(m.name(), m);
                }
            }
            List<Machine> list = List.copyOf(found.values());
            ms.members.putIfAbsent(g.name(), list);
            list.forEach(m -> ms.groupOf.putIfAbsent(m.name(), g));
        }
        return ms;
    }

    /** The group's machines, in name order (as Estate.membersOf). */
    public List<Machine> members(ProtectionGroup g) {
        return members.getOrDefault(g.name(), List.of());
    }

    /** The first group (in name order) that protects the machine. */
    public Optional<ProtectionGroup> groupOf(String machine) {
        return Optional.ofNullable(groupOf.get(machine));
    }

    public boolean isProtected(String machine) {
        return groupOf.containsKey(machine);
    }

    /** Every machine some group protects, in name order. */
    public List<String> protectedMachines() {
        return groupOf.keySet().stream().sorted().toList();
    }
}
