/**
 * The planner: discovered state and its contract, the DR-aware diff (diff), the rule families that check an
 * estate (rules) and the plan with its JSON form (plan).
 */
package siteplan.planner;
