package siteplan.executor.apply;

import siteplan.model.Token;

/** The events an apply writes to its {@link Journal}; their words are what journal.jsonl says. */
public enum JournalEvent implements Token {
    APPLY_STARTED, STARTED, RETRY, DONE, FAILED, SKIPPED, SETTLING, SETTLED, APPLY_SUCCEEDED, APPLY_FAILED, APPLY_INTERRUPTED;

    /** The last line of an apply's journal. */
    public static JournalEvent ended(ApplyStatus status) {
        return switch (status) {
            case SUCCEEDED -> APPLY_SUCCEEDED;
            case FAILED -> APPLY_FAILED;
            case INTERRUPTED -> APPLY_INTERRUPTED;
        };
    }
}
