package siteplan.executor.drill;

import siteplan.model.Token;

/** Whether a group's step runs before its machines fail over or after they are up. */
public enum ActionPhase implements Token {
    BEFORE, AFTER
}
