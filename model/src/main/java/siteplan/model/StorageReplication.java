package siteplan.model;

/** Azure storage account redundancy; replication targets must be geo-redundant (SA-GEO). */
public enum StorageReplication implements Token { LRS,ZRS,GRS,RA_GRS }
