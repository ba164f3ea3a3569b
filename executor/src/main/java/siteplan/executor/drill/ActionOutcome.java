package siteplan.executor.drill;

import siteplan.model.Token;

/** How a before- or after-step went; anything but DONE stops the plan. */
public enum ActionOutcome implements Token {
    DONE, FAILED, STOPPED,
    /** A script that ran past its timeout. Written "timed out", as reports have always said. */
    TIMED_OUT {
        @Override public String token() {
            return "timed out";
        }
    }
}
