package siteplan.executor;

import java.time.Duration;

/** Durations as operators read them: 45s, 8m 36s, 14h 8m, 3d 2h. */
public final class Times {
    private Times() {}

    public static String human(long seconds) {
        if (seconds < 60) return seconds + "s";
        long d = seconds / 86400, h = (seconds % 86400) / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
        if (d > 0) return d + "d" + (h > 0 ? " " + h + "h" : "");
        if (h > 0) return h + "h" + (m > 0 ? " " + m + "m" : "");
        return m + "m" + (s > 0 ? " " + s + "s" : "");
    }

    public static String human(Duration d) {
        return human(d.toSeconds());
    }
}
