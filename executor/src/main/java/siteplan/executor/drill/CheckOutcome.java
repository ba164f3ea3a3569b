package siteplan.executor.drill;

import siteplan.model.Token;

/** A smoke check's result. */
public enum CheckOutcome implements Token {
    PASSED, FAILED
}
