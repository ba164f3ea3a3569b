package siteplan.model;

/**
 * What a recovery run does when a group's check fails. Left undeclared, a drill stops (the later groups would fail
 * over against a service that is not there) and a real failover asks on a terminal and otherwise goes on and reports
 * (a failover is never left half-done unless the plan says so).
 */
public enum CheckFailure implements Token {
    /** The later groups are not started; a drill still cleans up. */
    STOP,
    /** The later groups fail over; the failure is reported and the run does not pass. */
    CONTINUE
}
