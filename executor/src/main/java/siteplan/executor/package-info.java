/**
 * The executor: carries out a saved plan (apply), drills, failovers and failback against a provider's
 * {@link siteplan.executor.provider.Operations}, records every run as a commit in the history
 * repository and holds a lock per estate while it changes anything.
 */
package siteplan.executor;
