package siteplan.executor.apply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import siteplan.executor.secrets.Secrets;
import siteplan.model.Estate;

/**
 * What must hold before an apply changes anything, whether its plan was saved or made on the spot:
 * every credential its steps need is set, and what exists is still what the plan was made against.
 * Each refusal is an {@link ApplyRefused}: nothing was changed.
 */
public final class ApplyGate {
    private ApplyGate() {}

    /** Every credential the plan's steps will ask for is set, or nothing starts: a half-done apply for want of a password helps no one. */
    public static void requireCredentials(OperationGraph graph, Estate estate, Secrets secrets) {
        Credentials needs = new Credentials(estate);
        Map<String, List<String>> missing = new TreeMap<>();
        for (var step : graph.steps().values()) {
            for (var c : needs.forStep(step)) {
                if (!secrets.present(c.ref())) missing.computeIfAbsent(c.ref() + " (" + Secrets.howToSet(c.ref()) + ")", k -> new ArrayList<>()).add(step.address());
            }
        }
        if (missing.isEmpty()) return;
        StringBuilder b = new StringBuilder("not applying: the plan needs credentials that are not set; nothing was changed:");
        missing.forEach((ref, steps) -> {
            Collections.sort(steps);
            b.append("\n  ").append(ref).append(" — for ").append(String.join(", ", steps.subList(0, Math.min(3, steps.size()))))
                    .append(steps.size() > 3 ? " and " + (steps.size() - 3) + " more" : "");
        });
        throw new ApplyRefused(b.toString());
    }

    /**
     * Checked under the estate lock, where no other run can change the estate any more: what exists still
     * has the fingerprint the plan was made against (another apply may have run while this one waited).
     */
    public static void requireUnchanged(String plannedFingerprint, Supplier<String> fingerprintNow, String provider) {
        if (!fingerprintNow.get().equals(plannedFingerprint)) {
            throw new ApplyRefused("the plan is stale: what exists (" + provider + ") changed since it was made, while waiting for the lock"
                    + " or by another apply. Nothing was changed; run siteplan plan again and review the new plan.");
        }
    }
}
