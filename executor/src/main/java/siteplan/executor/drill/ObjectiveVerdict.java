package siteplan.executor.drill;

import java.util.ArrayList;
import java.util.List;
import siteplan.executor.Times;
import siteplan.model.RecoveryPlan;

/**
 * A drill's measure judged against the recovery plan's declared objective, for the plan or for one of its groups:
 * the RTO measured (from the run's start until the plan's last group, or the group, is up and checked) against
 * {@code rto}, the RPO achieved (the oldest recovery point the plan's, or the group's, machines came up from) against
 * {@code rpo}. The plan's verdicts decide, and so does a group's against an RTO the group declares itself; a group's
 * against the plan's targets says where the time went and which group crossed the line.
 *
 * @param own true for a group's verdict against the group's own declared RTO, which decides the run as the plan's do
 */
public record ObjectiveVerdict(Objective objective, Integer group, long measuredSeconds, long targetSeconds, boolean own) {
    public enum Objective implements siteplan.model.Token { RTO, RPO }

    /** A verdict against the plan's targets. */
    public ObjectiveVerdict(Objective objective, Integer group, long measuredSeconds, long targetSeconds) {
        this(objective, group, measuredSeconds, targetSeconds, false);
    }

    /** True when the verdict decides whether the run met its objectives: the plan's own, or a group's own RTO. */
    public boolean decides() {
        return group == null || own;
    }

    public boolean met() {
        return measuredSeconds <= targetSeconds;
    }

    /** "measured RTO 38m against a target of 45m: met, 7m to spare"; a group's: "group 2 up after 38m against …". */
    public String describe() {
        String name = group != null ? (objective == Objective.RTO ? "group " + group + " up after" : "group " + group + " from a recovery point")
                : objective == Objective.RTO ? "measured RTO" : "achieved RPO";
        String measured = Times.human(measuredSeconds) + (group != null && objective == Objective.RPO ? " old" : "");
        long by = Math.abs(targetSeconds - measuredSeconds);
        return name + " " + measured + " against " + (own ? "its own target of " : "a target of ") + Times.human(targetSeconds) + ": "
                + (met() ? "met" + (by > 0 ? ", " + Times.human(by) + " to spare" : "") : "missed by " + Times.human(by));
    }

    /**
     * The verdicts of a drill on the plan's declared objectives, the plan's first and then each group's that came up;
     * none when the drill measured nothing (it did not pass) or the plan declares none. RPO is judged only when the drill
     * recovered from the latest points (a drill from a chosen older point measures that point, not the replication)
     * and a machine reported its point's age.
     */
    public static List<ObjectiveVerdict> judge(RecoveryPlan plan, RunReport report, boolean measured, boolean latestPoint) {
        List<ObjectiveVerdict> out = new ArrayList<>();
        if (!measured) return out;
        boolean rpo = plan.rpo() != null && latestPoint;
        if (plan.rto() != null) out.add(new ObjectiveVerdict(Objective.RTO, null, report.rtoSeconds(), plan.rto().toSeconds()));
        if (rpo && report.rpoSeconds() != null) out.add(new ObjectiveVerdict(Objective.RPO, null, report.rpoSeconds(), plan.rpo().toSeconds()));
        boolean groupTargets = plan.groups().stream().anyMatch(g -> g.rto() != null);
        if (report.groups().size() < 2 && !groupTargets) return out;
        for (RunReport.Group g : report.groups()) {
            if (g.machines().isEmpty() || !g.machines().stream().allMatch(RunReport.MachineRun::up)) continue;
            java.time.Duration own = g.number() >= 1 && g.number() <= plan.groups().size() ? plan.groups().get(g.number() - 1).rto() : null;
            if (own != null) out.add(new ObjectiveVerdict(Objective.RTO, g.number(), g.endSeconds(), own.toSeconds(), true));
            else if (plan.rto() != null) out.add(new ObjectiveVerdict(Objective.RTO, g.number(), g.endSeconds(), plan.rto().toSeconds()));
            if (rpo && g.rpoSeconds() != null) out.add(new ObjectiveVerdict(Objective.RPO, g.number(), g.rpoSeconds(), plan.rpo().toSeconds()));
        }
        return out;
    }

    /** Why a declared objective was not judged, for the report; null when each was. */
    public static String unjudged(RecoveryPlan plan, RunReport report, boolean measured, boolean latestPoint) {
        if (!measured || plan.rpo() == null) return null;
        if (!latestPoint) return "RPO not judged: it recovered from the chosen point " + report.recoveryPoint() + ", not the latest";
        if (report.rpoSeconds() == null) return "RPO not judged: no machine reported the age of the recovery point it came up from";
        return null;
    }

    /** "met" when every deciding verdict (the plan's, a group's own) is, "missed" when one is not; null when nothing was judged. */
    public static String overall(List<ObjectiveVerdict> verdicts) {
        List<ObjectiveVerdict> plan = verdicts.stream().filter(ObjectiveVerdict::decides).toList();
        if (plan.isEmpty()) return null;
        return plan.stream().allMatch(ObjectiveVerdict::met) ? "met" : "missed";
    }
}
