package siteplan.executor.apply;

import siteplan.model.Token;

/** How an apply ended: every step done, a step failed, or Ctrl-C stopped it. */
public enum ApplyStatus implements Token {
    SUCCEEDED, FAILED, INTERRUPTED
}
