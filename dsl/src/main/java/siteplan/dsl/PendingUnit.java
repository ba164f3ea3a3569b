package siteplan.dsl;

import siteplan.diag.Location;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

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

    private Object complete(ValueType unitType, Object value) {
        ValueType type = slot.type;
        if (unitType != type) {
            Evaluation.current().error(slot.word + " in " + owner.label + " expects " + type.expects + ", such as " + type.example + " — got " + (value instanceof java.time.Duration d ? siteplan.units.Durations.format(d) : value));
            owner.set(slot, BlockContext.Unresolved.INSTANCE);
            return null;
        }
        owner.set(slot, value);
        return null;
    }

    public Object getKB() { return complete(ValueType.SIZE, DataSize.of(number, "KB")); }
    public Object getMB() { return complete(ValueType.SIZE, DataSize.of(number, "MB")); }
    public Object getGB() { return complete(ValueType.SIZE, DataSize.of(number, "GB")); }
    public Object getTB() { return complete(ValueType.SIZE, DataSize.of(number, "TB")); }
    public Object getKbps() { return complete(ValueType.RATE, DataRate.of(number, "Kbps")); }
    public Object getMbps() { return complete(ValueType.RATE, DataRate.of(number, "Mbps")); }
    public Object getGbps() { return complete(ValueType.RATE, DataRate.of(number, "Gbps")); }
    public Object getSeconds() { return complete(ValueType.DURATION, UnitExtensions.getSeconds(number)); }
    public Object getMinutes() { return complete(ValueType.DURATION, UnitExtensions.getMinutes(number)); }
    public Object getHours() { return complete(ValueType.DURATION, UnitExtensions.getHours(number)); }
    public Object getDays() { return complete(ValueType.DURATION, UnitExtensions.getDays(number)); }
    public Object getSecond() { return getSeconds(); }
    public Object getMinute() { return getMinutes(); }
    public Object getHour() { return getHours(); }
    public Object getDay() { return getDays(); }

    @Override public String toString() {
        return number + " (waiting for a unit)";
    }
}
