package siteplan.executor.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.Change;
import siteplan.planner.plan.Plan;
import siteplan.planner.plan.PlanJson;
import siteplan.planner.plan.Targets;
import siteplan.planner.rules.Finding;
import siteplan.planner.rules.Severity;

/**
 * A saved plan is a record of what a reviewer approved, not an instruction: it usually comes from a
 * pull request's job, whose code anyone who opens a pull request controls. So apply never carries out
 * the changes it lists. It plans again from its own command line and the checked-out definition, and
 * goes on only when the changes it finds are exactly the saved ones; it then carries out its own plan.
 * Nothing read from the file (destroy permission, state location, definition, profile) is used to
 * decide what apply may do; those fields are only compared. The one exception, its -target addresses,
 * can only narrow the plan made again, whose changes must still be the saved ones.
 */
public final class SavedPlanCheck {
    private SavedPlanCheck() {}

    /** A JSON file whose top level names a plan format: the first argument of `apply plan.json [PATH…]`. */
    public static boolean looksLikePlan(String arg) {
        Path p = Path.of(arg);
        if (!arg.endsWith(".json") || !Files.isRegularFile(p)) return false;
        try {
            JsonNode tree = siteplan.model.json.ModelJson.JSON.readTree(p.toFile());
            return tree != null && tree.isObject() && tree.has("format_version");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The definition a saved plan is applied to: the paths given to apply, which must be the ones the
     * plan was made of; without them, the plan's own paths, but only when they stay inside the working
     * directory (the checkout): a plan must not point apply at a definition elsewhere on the runner.
     */
    public static List<String> definition(String file, Plan saved, List<String> given) {
        if (!given.isEmpty()) {
            if (!same(given, saved.definition())) {
                throw mismatch(file, "it is a plan of " + String.join(", ", saved.definition()) + ", and this apply was given " + String.join(", ", given));
            }
            return given;
        }
        Path cwd;
        try {
            cwd = Path.of("").toRealPath();
        } catch (IOException e) {
            throw new ApplyRefused("cannot resolve the working directory: " + e.getMessage());
        }
        for (String d : saved.definition()) {
            Path p = Path.of(d);
            boolean inside = false;
            if (!p.isAbsolute() && Files.exists(p)) {
                try {
                    inside = p.toRealPath().startsWith(cwd);
                } catch (IOException e) {
                    inside = false;
                }
            }
            if (!inside) {
                throw new ApplyRefused("the plan " + file + " names its definition as " + d + ", which is not a folder or file inside the working directory;"
                        + " give the definition on the command line: siteplan apply " + file + " PATH. Nothing was changed.");
            }
        }
        return saved.definition();
    }

    private static boolean same(List<String> a, List<String> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            Path x = Path.of(a.get(i)).toAbsolutePath().normalize();
            Path y = Path.of(b.get(i)).toAbsolutePath().normalize();
            if (x.equals(y)) continue;
            try {
                if (Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y)) continue;
            } catch (IOException e) {
                // not the same
            }
            return false;
        }
        return true;
    }

    /**
     * The -target addresses a saved plan is planned again with: the ones it was made with. They can only narrow
     * what apply does, and the changes they give must still be the saved ones (requireSame). An apply given
     * other targets than the plan's is refused: it would carry out a plan nobody reviewed.
     */
    public static List<String> targets(String file, Plan saved, List<String> given) {
        List<String> recorded = saved.targets() == null ? List.of() : saved.targets();
        if (given.isEmpty() || Targets.normalised(given).equals(recorded)) return recorded;
        throw new ApplyRefused("the plan " + file + " was made " + (recorded.isEmpty() ? "without -target" : "with -target " + String.join(", ", recorded))
                + ", and this apply was given -target " + String.join(", ", Targets.normalised(given)) + ": a saved plan is applied with the targets it was reviewed with."
                + " Nothing was changed; apply it without -target, or plan again with the targets you want and review that plan.");
    }

    /**
     * A saved plan is applied only to the definition it was made of, and only when it has no error findings.
     * Checked before discovery, so a stale definition is refused without reading what exists.
     */
    public static void requireSameDefinition(String file, Plan saved, List<String> definition, String digestNow) {
        if (!saved.applicable()) throw new ApplyRefused(file + " has error findings and can never be applied; fix them and plan again");
        if (!digestNow.equals(saved.modelDigest())) {
            throw new ApplyRefused("the plan " + file + " is stale: the definition (" + String.join(", ", definition)
                    + ") changed since it was made. Nothing was changed; run siteplan plan again and review the new plan.");
        }
    }

    /**
     * ... and only to the estate it was made against. Apply finds its estate from its own flags (--state,
     * or the state folder of the definition), never from the file, so a plan made with --state A and
     * applied without it would otherwise meet another estate: refused here, before the state is compared,
     * so the message names both estates rather than calling the plan stale. {@code rerun}, when known,
     * is the command that applies it where it was made.
     */
    public static void requireSameEstate(String file, Plan saved, String providerNow, String rerun) {
        if (String.valueOf(saved.provider()).equals(providerNow)) return;
        throw new ApplyRefused("the plan " + file + " was made against the " + saved.provider() + ", and this apply reads the " + providerNow
                + " (apply finds the estate from its own --state, else from the definition's folder, never from the plan). Nothing was changed; "
                + (rerun != null ? "apply it to the estate it was made against: " + rerun + " — or plan again against this one." : "plan again against this estate and review the new plan."));
    }

    /**
     * ... and only to what exists as it was when the plan was made. Checked before planning again, so the
     * refusal names the stale estate rather than the changes it moved.
     */
    public static void requireSameState(String file, Plan saved, String fingerprintNow, String provider) {
        if (!fingerprintNow.equals(saved.stateFingerprint())) {
            throw new ApplyRefused("the plan " + file + " is stale: what exists (" + provider
                    + ") changed since it was made, perhaps by another apply. Nothing was changed; run siteplan plan again and review the new plan.");
        }
    }

    /**
     * Refuses unless the plan made now is the saved one: same profile, same place state is read from,
     * and the same changes, one for one, in order, field for field.
     */
    public static void requireSame(String file, Plan saved, Plan now) {
        if (!String.valueOf(saved.profile()).equals(now.profile())) {
            throw mismatch(file, "it was made with rule profile " + saved.profile() + ", and this apply uses " + now.profile() + " (--profile)");
        }
        if (!String.valueOf(saved.provider()).equals(now.provider())) {
            throw mismatch(file, "it was made against " + saved.provider() + ", and this apply reads " + now.provider() + " (--state)");
        }
        String difference = firstDifference(saved.changes(), now.changes());
        if (difference != null) throw mismatch(file, difference);
        if (!counts(saved.summary()).equals(counts(now.summary()))) {
            throw mismatch(file, "its summary counts " + counts(saved.summary()) + ", and the changes give " + counts(now.summary()));
        }
    }

    private static String counts(Plan.Summary s) {
        return s.create() + " to create, " + s.update() + " to update, " + s.replace() + " to replace, " + s.delete() + " to delete, "
                + s.reReplicate() + " to re-replicate, " + s.reprotect() + " to reprotect, " + s.noOp() + " unchanged";
    }

    /** The first way the saved changes differ from today's, for the message; null when they are the same. */
    private static String firstDifference(List<Change> saved, List<Change> now) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Change c : saved) {
            if (seen.merge(String.valueOf(c.address()), 1, Integer::sum) == 2) return c.address() + " is in it twice";
        }
        Map<String, Change> current = new LinkedHashMap<>();
        now.forEach(c -> current.put(c.address(), c));
        Map<String, Change> planned = new LinkedHashMap<>();
        saved.forEach(c -> planned.put(c.address(), c));
        for (Change c : saved) {
            Change n = current.get(c.address());
            if (n == null) return c.address() + " (" + token(c.action()) + ") is in it, and the definition gives no such change";
            if (c.action() != n.action()) return c.address() + " is " + token(c.action()) + " in it and " + token(n.action()) + " now";
        }
        for (Change n : now) {
            if (!planned.containsKey(n.address())) return n.address() + " (" + token(n.action()) + ") is left out of it";
        }
        for (int i = 0; i < saved.size(); i++) {
            if (!saved.get(i).address().equals(now.get(i).address())) return "its changes are not in the order the planner gives (" + saved.get(i).address() + ")";
            JsonNode a = PlanJson.MAPPER.valueToTree(saved.get(i));
            JsonNode b = PlanJson.MAPPER.valueToTree(now.get(i));
            if (!a.equals(b)) return saved.get(i).address() + " differs in its details (" + fieldsThatDiffer(a, b) + ")";
        }
        return null;
    }

    private static String fieldsThatDiffer(JsonNode a, JsonNode b) {
        List<String> names = new ArrayList<>();
        a.fieldNames().forEachRemaining(f -> {
            if (!a.get(f).equals(b.get(f))) names.add(f);
        });
        b.fieldNames().forEachRemaining(f -> {
            if (!a.has(f)) names.add(f);
        });
        return String.join(", ", names);
    }

    private static String token(Action a) {
        return a == null ? "no action" : a.token();
    }

    private static ApplyRefused mismatch(String file, String detail) {
        return new ApplyRefused("the plan " + file + " does not match what the definition and the estate give now: " + detail
                + ". Nothing was changed; run siteplan plan again and review the new plan.");
    }

    /**
     * Changes that lose recovery points are decided at apply time, by apply's own flags and the
     * definition as it is now, whatever the plan was made with: preventDestroy always refuses, and
     * otherwise apply itself must be given --allow-destroy.
     */
    public static void destroyGate(String what, Plan now, boolean allowDestroy) {
        List<String> prevented = new ArrayList<>();
        List<String> needsPermission = new ArrayList<>();
        for (Finding f : now.findings()) {
            if (f.severity() != Severity.ERROR) continue;
            if (f.rule().equals("PLAN-PREVENT-DESTROY")) prevented.add(f.message());
            else if (f.rule().equals("PLAN-DESTROY")) needsPermission.add(f.subject());
        }
        if (!prevented.isEmpty()) {
            throw new ApplyRefused("not applying " + what + ": " + String.join("; ", prevented) + ". Nothing was changed.");
        }
        if (!needsPermission.isEmpty() || (!allowDestroy && now.changes().stream().anyMatch(Change::destructive))) {
            List<String> names = now.changes().stream().filter(Change::destructive).map(Change::address).toList();
            throw new ApplyRefused("not applying " + what + ": it disables protection and loses the recovery points of " + String.join(", ", names)
                    + ", and apply was not given --allow-destroy. Nothing was changed; pass --allow-destroy to apply itself once that loss is approved.");
        }
    }
}
