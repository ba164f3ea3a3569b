package siteplan.dsl;

import siteplan.diag.Location;

/**
 * A number set on a property that needs a unit, waiting for the unit: {@code churn (gb / 10).GB} is
 * read by Groovy as {@code churn(gb / 10).GB}, so the unit lands here and completes the value.
 */
public final class PendingUnit {
    final BlockContext owner;
    final Slot<?> slot;
    final Number number;
    final Location where;

    PendingUnit(BlockContext owner, Slot<?> slot, Number number, Location where) {
        this.owner = owner;
        this.slot = slot;
        this.number = number;
        this.where = where;
    }

    private Object complete(Unit unit) {
        ValueType type = slot.type;
        Object value = unit.of(number);
        if (unit.type != type) {
            Evaluation.current().error(slot.word + " in " + owner.label + " expects " + type.expects + ", such as " + type.example + " — got " + (value instanceof java.time.Duration d ? siteplan.units.Durations.format(d) : value));
            owner.set(slot, BlockContext.Unresolved.INSTANCE);
            return null;
        }
        owner.set(slot, value);
        return null;
    }

    public Object getKB() { return complete(Unit.KB); }
    public Object getMB() { return complete(Unit.MB); }
    public Object getGB() { return complete(Unit.GB); }
    public Object getTB() { return complete(Unit.TB); }
    public Object getKbps() { return complete(Unit.KBPS); }
    public Object getMbps() { return complete(Unit.MBPS); }
    public Object getGbps() { return complete(Unit.GBPS); }
    public Object getSeconds() { return complete(Unit.SECONDS); }
    public Object getMinutes() { return complete(Unit.MINUTES); }
    public Object getHours() { return complete(Unit.HOURS); }
    public Object getDays() { return complete(Unit.DAYS); }
    public Object getSecond() { return complete(Unit.SECOND); }
    public Object getMinute() { return complete(Unit.MINUTE); }
    public Object getHour() { return complete(Unit.HOUR); }
    public Object getDay() { return complete(Unit.DAY); }

    @Override public String toString() {
        return number + " (waiting for a unit)";
    }
}
