package siteplan.executor.drill;

import java.util.ArrayList;
import java.util.List;
import siteplan.executor.Times;
import siteplan.model.RecoveryPlan;

/**
 * A drill's measure judged against the recovery plan's declared objective, for the plan or for one of its groups:
 * the RTO measured (from the run's start until the plan's last group, or the group, is up and checked) against
 * {@code rto}, the RPO achieved (the oldest recovery point the plan's, or the group's, machines came up from) against
 * {@code rpo}. The plan's verdicts decide; a group's say where the time went and which group crossed the line.
 */
public record ObjectiveVerdict(Objective objective, Integer group, long measuredSeconds, long targetSeconds) {
    public enum Objective implements siteplan.model.Token { RTO, RPO }

    public boolean met() {
        return measuredSeconds <= targetSeconds;
    }

    /** "measured RTO 38m against a target of 45m: met, 7m to spare"; a group's: "group 2 up after 38m against …". */
    public String describe() {
        String name = group != null ? (objective == Objective.RTO ? "group " + group + " up after" : "group " + group + " from a recovery point")
                : objective == Objective.RTO ? "measured RTO" : "achieved RPO";
        String measured = Times.human(measuredSeconds) + (group != null && objective == Objective.RPO ? " old" : "");
        long by = Math.abs(targetSeconds - measuredSeconds);
        return name + " " + measured + " against a target of " + Times.human(targetSeconds) + ": "
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
        if (report.groups().size() < 2) return out;
        for (RunReport.Group g : report.groups()) {
            if (g.machines().isEmpty() || !g.machines().stream().allMatch(RunReport.MachineRun::up)) continue;
            if (plan.rto() != null) out.add(new ObjectiveVerdict(Objective.RTO, g.number(), g.endSeconds(), plan.rto().toSeconds()));
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

    /** "met" when every verdict of the plan is, "missed" when one is not; null when nothing was judged. */
    public static String overall(List<ObjectiveVerdict> verdicts) {
        List<ObjectiveVerdict> plan = verdicts.stream().filter(v -> v.group() == null).toList();
        if (plan.isEmpty()) return null;
        return plan.stream().allMatch(ObjectiveVerdict::met) ? "met" : "missed";
    }
}
