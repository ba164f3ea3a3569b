package siteplan.executor.provider;

import java.time.Instant;

/**
 * Which recovery point a failover uses (seed 000): the latest (lowest RPO, crash-consistent), the
 * latest application-consistent one, or the latest at or before a given time.
 */
public record RecoveryPointChoice(Kind kind, Instant time) {
    public enum Kind { LATEST, LATEST_APP_CONSISTENT, TIME }

    public static final RecoveryPointChoice LATEST = new RecoveryPointChoice(Kind.LATEST, null);

    /** Reads the command-line form: latest, latest-app-consistent or an ISO-8601 time. */
    public static RecoveryPointChoice parse(String text) {
        return switch (text) {
            case "latest" -> LATEST;
            case "latest-app-consistent" -> new RecoveryPointChoice(Kind.LATEST_APP_CONSISTENT, null);
            default -> {
                try {
                    yield new RecoveryPointChoice(Kind.TIME, Instant.parse(text));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("recovery point '" + text + "' is not latest, latest-app-consistent or a time such as 2026-11-21T08:00:00Z");
                }
            }
        };
    }

    @Override public String toString() {
        return switch (kind) {
            case LATEST -> "latest";
            case LATEST_APP_CONSISTENT -> "latest-app-consistent";
            case TIME -> time.toString();
        };
    }
}
