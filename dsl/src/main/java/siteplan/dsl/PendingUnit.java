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
    final String name;
    final Number number;
    final ValueType type;
    final Location where;

    PendingUnit(BlockContext owner, String name, Number number, ValueType type, Location where) {
        this.owner = owner;
        this.name = name;
        this.number = number;
        this.type = type;
        this.where = where;
    }

    private Object complete(ValueType unitType, Object value) {
        if (unitType != type) {
            Evaluation.current().error(name + " in " + owner.label + " expects " + type.expects + ", such as " + type.example + " — got " + (value instanceof java.time.Duration d ? siteplan.units.Durations.format(d) : value));
            owner.set(name, BlockContext.Unresolved.INSTANCE, type);
            return null;
        }
        owner.set(name, value, type);
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
