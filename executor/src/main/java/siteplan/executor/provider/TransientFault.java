package siteplan.executor.provider;

/** A fault worth retrying: throttling (429), a timeout, a 5xx. The executor retries with backoff and jitter. */
public class TransientFault extends RuntimeException {
    public TransientFault(String message) {
        super(message, null, false, false);
    }
}
