package siteplan.executor.provider;

/** An operation the provider refused or that failed for good; retrying does not help. The message says what to do. */
public class OperationFailed extends RuntimeException {
    public OperationFailed(String message) {
        super(message, null, false, false);
    }
}
