/**
 * The planner: discovery through providers, the DR-aware diff, the rule engine and plan files.
 * Built under issue 3; this module holds no code yet and nothing depends on it doing anything.
 */
package siteplan.planner;
