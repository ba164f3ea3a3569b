package siteplan.executor.drill;

import java.util.ArrayList;
import java.util.List;
import siteplan.executor.Times;
import siteplan.model.RecoveryPlan;

/**
 * A drill's or failover's measure judged against the recovery plan's declared objective: the RTO measured (from the
 * run's start until its last group is up and checked) against {@code rto}, the RPO achieved (the oldest recovery point
 * the run used) against {@code rpo}. Only a run that measured them is judged (see RunReport: a drill that passed, a
 * failover that succeeded); a target the plan does not declare is not judged.
 */
public record ObjectiveVerdict(Objective objective, long measuredSeconds, long targetSeconds) {
    public enum Objective implements siteplan.model.Token { RTO, RPO }

    public boolean met() {
        return measuredSeconds <= targetSeconds;
    }

    /** "RTO 38m against a target of 45m: met, 7m to spare" / "… missed by 12m". */
    public String describe() {
        String name = objective == Objective.RTO ? "measured RTO" : "achieved RPO";
        long by = Math.abs(targetSeconds - measuredSeconds);
        return name + " " + Times.human(measuredSeconds) + " against a target of " + Times.human(targetSeconds) + ": "
                + (met() ? "met" + (by > 0 ? ", " + Times.human(by) + " to spare" : "") : "missed by " + Times.human(by));
    }

    /** The verdicts of a run on the plan's declared objectives; none when the run measured nothing or the plan declares none. */
    public static List<ObjectiveVerdict> judge(RecoveryPlan plan, RunReport report, boolean measured) {
        List<ObjectiveVerdict> out = new ArrayList<>();
        if (!measured) return out;
        if (plan.rto() != null) out.add(new ObjectiveVerdict(Objective.RTO, report.rtoSeconds(), plan.rto().toSeconds()));
        if (plan.rpo() != null && report.rpoSeconds() != null) out.add(new ObjectiveVerdict(Objective.RPO, report.rpoSeconds(), plan.rpo().toSeconds()));
        return out;
    }

    /** "met" when every verdict is, "missed" when one is not; null when nothing was judged. */
    public static String overall(List<ObjectiveVerdict> verdicts) {
        if (verdicts.isEmpty()) return null;
        return verdicts.stream().allMatch(ObjectiveVerdict::met) ? "met" : "missed";
    }
}
