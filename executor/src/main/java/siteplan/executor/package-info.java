/**
 * The executor: applying saved plans, drills, failover and failback, history in git and locking.
 * Built under issue 4; this module holds no code yet and nothing depends on it doing anything.
 */
package siteplan.executor;
