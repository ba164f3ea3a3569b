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

    public static Duration getSeconds(Number n) { return Duration.ofSeconds(whole(n, "seconds")); }
    public static Duration getMinutes(Number n) { return Duration.ofMinutes(whole(n, "minutes")); }
    public static Duration getHours(Number n) { return Duration.ofHours(whole(n, "hours")); }
    public static Duration getDays(Number n) { return Duration.ofDays(whole(n, "days")); }
    public static Duration getSecond(Number n) { return getSeconds(n); }
    public static Duration getMinute(Number n) { return getMinutes(n); }
    public static Duration getHour(Number n) { return getHours(n); }
    public static Duration getDay(Number n) { return getDays(n); }

    private static long whole(Number n, String unit) {
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(n + "." + unit + " is not a whole number of " + unit + "; use a smaller unit");
        }
        return n.longValue();
    }
}
