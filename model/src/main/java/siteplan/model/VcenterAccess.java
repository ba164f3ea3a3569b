package siteplan.model;

/** Rights of the account Site Recovery uses on vCenter (FB-VCENTER-RW). */
public enum VcenterAccess implements Token { READ_WRITE,READ_ONLY }
