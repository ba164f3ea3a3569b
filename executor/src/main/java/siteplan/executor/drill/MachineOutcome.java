package siteplan.executor.drill;

import siteplan.model.Token;

/** How one machine's failover (or commit, reprotect) went; only UP lets the machines that depend on it start. */
public enum MachineOutcome implements Token {
    UP, FAILED, SKIPPED, STOPPED
}
