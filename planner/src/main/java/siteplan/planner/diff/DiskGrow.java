package siteplan.planner.diff;

/**
 * What Site Recovery does when a protected machine's disk grows, as its architecture's profile says: the classic
 * architecture protects the machine again (disable, re-enable, SRC-RESIZE: re-replicate {@code ~>}); the modernized
 * one keeps replicating and grows the replica (RCM-RESIZE: an update {@code ~}).
 */
public enum DiskGrow implements siteplan.model.Token { RE_REPLICATE, IN_PLACE }
