package siteplan.model;

/** vSphere datastore type (FB-VMFS needs VMFS on the master target's host). */
public enum DatastoreType implements Token { VMFS,NFS }
