package siteplan.dsl;

import java.time.Duration;
import java.util.Map;
import siteplan.model.Address;
import siteplan.model.Objectives;

/**
 * {@code objectives { rto 4.hours; rpo 30.minutes; every 90.days, mandatory: true }}: the estate's recovery objectives,
 * which every recovery plan is held to where it writes its own none. Checked with the plans' own objectives by the
 * validator (whole days of cadence, more than no time), so a YAML or JSON definition is held to the same.
 */
@Doc("The estate's recovery objectives: every recovery plan that declares no rto, rpo or drill cadence of its own is held to these.")
public class ObjectivesContext extends BlockContext {
    private final Slot<Duration> rto = Slot.duration("rto", "4.hours");
    private final Slot<Duration> rpo = Slot.duration("rpo", "30.minutes");
    private final Slot<Duration> interval = Slot.duration("every", "90.days");
    private boolean mandatory;

    ObjectivesContext() {
        super("the estate's objectives", Address.objectives());
    }

    @Doc(value = "Recovery time objective of every plan that declares none: the longest its failover may take, until its last group is up and checked.",
            example = "rto 4.hours")
    public Object rto(Object rto) { return set(this.rto, rto); }

    @Doc(value = "Recovery point objective of every plan that declares none: the most data, in time, its machines may lose.",
            example = "rpo 30.minutes")
    public Object rpo(Object rpo) { return set(this.rpo, rpo); }

    @Doc(value = "Drill cadence of every plan that declares none, in whole days (DRILL-OVERDUE); a plan without a drill block is"
            + " due a drill too. With mandatory: true, every plan's cadence, its own or this one, stops apply when overdue.",
            example = {"every 90.days", "every 90.days, mandatory: true"})
    public Object every(Object interval) { return set(this.interval, interval); }

    public Object every(Map<String, ?> options, Object interval) {
        Boolean given = mandatoryOption(options);
        if (given != null) mandatory = given;
        return every(interval);
    }

    Objectives build() {
        Duration r = objective(rto, "4.hours");
        Duration p = objective(rpo, "30.minutes");
        Duration every = interval.get();
        if (every != null && !siteplan.validate.EstateValidator.wholeDays(every)) {
            Evaluation.current().error(at(interval), "the drill cadence of " + label + " is counted in whole days from 1 to "
                    + siteplan.validate.EstateValidator.MAX_CADENCE_DAYS + " — write e.g. every 90.days");
            every = null;
        }
        if (mandatory && interval.get() == null) {
            problem(label + " make the drill cadence mandatory without one — write: every 90.days, mandatory: true");
            return new Objectives(r, p, every, false);
        }
        // A wrong value is said here and left out, so the validator does not say it again at the block's line.
        return new Objectives(r, p, every, mandatory && every != null);
    }
}
