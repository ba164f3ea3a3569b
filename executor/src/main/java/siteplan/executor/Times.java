package siteplan.executor;

import java.time.Duration;

/** Durations as operators read them: 45s, 8m 36s, 14h 8m, 3d 2h. */
public final class Times {
    private Times() {}

    public static String human(long seconds) {
        return siteplan.units.Durations.human(seconds);
    }

    public static String human(Duration d) {
        return human(d.toSeconds());
    }
}
