package siteplan.executor.apply;

/**
 * Apply will not start, and nothing was changed: the message says why and what to do, for the person at the
 * terminal or the CI log (a stale or edited plan, a change that loses recovery points, a missing credential).
 */
public final class ApplyRefused extends RuntimeException {
    public ApplyRefused(String message) {
        super(message, null, false, false);
    }
}
