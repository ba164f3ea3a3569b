package siteplan.dsl;

import java.time.Duration;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

/**
 * Units on numbers, {@code 900.GB}, {@code 15.minutes}, {@code 100.Mbps}, registered as a Groovy
 * extension module (META-INF/groovy) so they work in every definition without metaclass tricks.
 */
public final class UnitExtensions {
    private UnitExtensions() {}

    public static DataSize getKB(Number n) { return DataSize.of(n, "KB"); }
    public static DataSize getMB(Number n) { return DataSize.of(n, "MB"); }
    public static DataSize getGB(Number n) { return DataSize.of(n, "GB"); }
    public static DataSize getTB(Number n) { return DataSize.of(n, "TB"); }

    public static DataRate getKbps(Number n) { return DataRate.of(n, "Kbps"); }
    public static DataRate getMbps(Number n) { return DataRate.of(n, "Mbps"); }
    public static DataRate getGbps(Number n) { return DataRate.of(n, "Gbps"); }

    public static Duration getSeconds(Number n) { return duration(n, "seconds", java.time.temporal.ChronoUnit.SECONDS); }
    public static Duration getMinutes(Number n) { return duration(n, "minutes", java.time.temporal.ChronoUnit.MINUTES); }
    public static Duration getHours(Number n) { return duration(n, "hours", java.time.temporal.ChronoUnit.HOURS); }
    public static Duration getDays(Number n) { return duration(n, "days", java.time.temporal.ChronoUnit.DAYS); }
    public static Duration getSecond(Number n) { return getSeconds(n); }
    public static Duration getMinute(Number n) { return getMinutes(n); }
    public static Duration getHour(Number n) { return getHours(n); }
    public static Duration getDay(Number n) { return getDays(n); }

    /** A whole, non-negative number of the unit that a Duration can hold; anything else is refused, never wrapped round or rounded. */
    private static Duration duration(Number n, String unit, java.time.temporal.ChronoUnit chrono) {
        java.math.BigDecimal exact;
        try {
            exact = new java.math.BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(n + "." + unit + " is not a number of " + unit);
        }
        if (exact.signum() < 0) throw new IllegalArgumentException("(" + n + ")." + unit + " is negative: a duration is some time, e.g. 15." + unit);
        if (exact.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(n + "." + unit + " is not a whole number of " + unit + "; use a smaller unit");
        }
        try {
            return Duration.of(exact.longValueExact(), chrono);
        } catch (ArithmeticException e) {
            String shown = n.toString().length() > 30 ? n.toString().substring(0, 30) + "…" : n.toString();
            throw new IllegalArgumentException(shown + "." + unit + " is more time than siteplan can count; write a duration of at most a few years");
        }
    }
}
