package siteplan.planner.state;

import siteplan.units.DataSize;

/** A datastore: VMFS or NFS, with its capacity. */
public record DatastoreInfo(String name, String type, DataSize capacity) {}
