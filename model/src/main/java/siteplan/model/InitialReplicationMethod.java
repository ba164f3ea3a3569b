package siteplan.model;

/** How the first copy of a Hyper-V VM reaches the replica site (POL-HV-OFFLINE). */
public enum InitialReplicationMethod implements Token { NETWORK,OFFLINE }
