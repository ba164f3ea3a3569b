package siteplan.units;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text form of durations in the model: "30s", "15min", "24h", "90d". ISO-8601 ("PT15M") is exact but
 * nobody writes RPOs that way; this form is what people type and what the schema accepts.
 */
public final class Durations {
    public static final Pattern TEXT = Pattern.compile("^\\s*([0-9]+)\\s*(s|sec|seconds?|m|min|minutes?|h|hours?|d|days?)\\s*$", Pattern.CASE_INSENSITIVE);

    private Durations() {}

    public static Duration parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write a whole number and a unit: 30s, 15min, 24h or 90d");
        }
        try {
            long n = Long.parseLong(m.group(1));
            String u = m.group(2).toLowerCase();
            if (u.startsWith("s")) return Duration.ofSeconds(n);
            if (u.startsWith("m")) return Duration.ofMinutes(n);
            if (u.startsWith("h")) return Duration.ofHours(n);
            return Duration.ofDays(n);
        } catch (ArithmeticException | NumberFormatException tooLong) {
            // Past what a duration holds (some 292 billion years): said as the user wrote it, not as Java's arithmetic says it.
            throw new IllegalArgumentException("'" + text + "' is longer than any duration siteplan takes; write e.g. 90d");
        }
    }

    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s != 0 && s % 86400 == 0) return (s / 86400) + "d";
        if (s != 0 && s % 3600 == 0) return (s / 3600) + "h";
        if (s != 0 && s % 60 == 0) return (s / 60) + "min";
        return s + "s";
    }

    /** A duration as operators read it: 45s, 8m 36s, 14h 8m, 3d 2h (the executor's reports and the planner's predictions alike). */
    public static String human(long seconds) {
        if (seconds < 60) return seconds + "s";
        long d = seconds / 86400, h = (seconds % 86400) / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
        if (d > 0) return d + "d" + (h > 0 ? " " + h + "h" : "");
        if (h > 0) return h + "h" + (m > 0 ? " " + m + "m" : "");
        return m + "m" + (s > 0 ? " " + s + "s" : "");
    }
}
