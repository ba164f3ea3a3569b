package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;

/**
 * The recovery objectives of the whole estate: what every recovery plan is held to where it writes nothing of its own.
 * They are applied where the estate is made ({@link Estate}), so the plan, drill verdicts, failover verdicts, the
 * report and the model a drill records all read one plan's objectives from the plan, whoever wrote them.
 */
@JsonClassDescription("Recovery objectives every recovery plan of the estate is held to unless it declares its own: RTO, RPO and drill cadence.")
public record Objectives(
        @JsonPropertyDescription("Recovery time objective of every plan that declares none, e.g. 4h.") Duration rto,
        @JsonPropertyDescription("Recovery point objective of every plan that declares none, e.g. 15m.") Duration rpo,
        @JsonPropertyDescription("Drill cadence, in whole days, of every plan that declares none (DRILL-OVERDUE), e.g. 90d; a plan without a drill block gets it too.") Duration drillInterval,
        @JsonPropertyDescription("Every plan's cadence, its own or the estate's, is mandatory: an overdue plan is an error that stops apply (DRILL-OVERDUE).") boolean drillMandatory) {

    /** True when nothing is declared: such objectives change no plan. */
    public boolean isEmpty() {
        return rto == null && rpo == null && drillInterval == null && !drillMandatory;
    }

    /**
     * The plan with what it leaves unwritten taken from these objectives. A plan's own value always wins; a mandatory
     * estate cadence makes every plan's cadence mandatory, because the policy is the estate's, not one plan's to waive.
     */
    public RecoveryPlan applyTo(RecoveryPlan plan) {
        Duration planRto = plan.rto() != null ? plan.rto() : rto;
        Duration planRpo = plan.rpo() != null ? plan.rpo() : rpo;
        Drill drill = plan.drill();
        if (drill == null && drillInterval != null) {
            // No drill block: the plan is still due a drill, into the network given with drill --network.
            drill = new Drill(null, drillInterval, java.util.List.of(), drillMandatory);
        } else if (drill != null) {
            Duration every = drill.interval() != null ? drill.interval() : drillInterval;
            // A plan's own mandatory is kept even without a cadence, for the validator to refuse as written.
            boolean mandatory = drill.mandatory() || (every != null && drillMandatory);
            if (!java.util.Objects.equals(every, drill.interval()) || mandatory != drill.mandatory()) {
                drill = new Drill(drill.network(), every, drill.checks(), mandatory);
            }
        }
        if (planRto == plan.rto() && planRpo == plan.rpo() && drill == plan.drill()) return plan;
        return new RecoveryPlan(plan.name(), plan.source(), plan.target(), plan.groups(), drill, planRto, planRpo);
    }

    /**
     * The plan as it is written beside these objectives: what {@link #applyTo} would give it left out, so a written estate
     * (export, a recorded model) keeps one place for the estate's objectives, and editing them there still changes every
     * plan that took them. Reading it back applies them again to the same plan. A plan's own value equal to the estate's
     * is written as the estate's: the same plan either way.
     */
    public RecoveryPlan withheldFrom(RecoveryPlan plan) {
        java.time.Duration planRto = java.util.Objects.equals(plan.rto(), rto) ? null : plan.rto();
        java.time.Duration planRpo = java.util.Objects.equals(plan.rpo(), rpo) ? null : plan.rpo();
        Drill drill = plan.drill();
        if (drill != null && drillInterval != null && drillInterval.equals(drill.interval())) {
            boolean mandatory = drill.mandatory() && !drillMandatory;
            drill = drill.network() == null && drill.checks().isEmpty() && !mandatory ? null : new Drill(drill.network(), null, drill.checks(), mandatory);
        } else if (drill != null && drill.interval() != null && drillMandatory && drill.mandatory()) {
            drill = new Drill(drill.network(), drill.interval(), drill.checks(), false);
        }
        return new RecoveryPlan(plan.name(), plan.source(), plan.target(), plan.groups(), drill, planRto, planRpo);
    }
}
