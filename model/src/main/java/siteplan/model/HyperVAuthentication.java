package siteplan.model;

/** Hyper-V Replica authentication: Kerberos on port 8083 or certificate on port 8084 (POL-HV-AUTH). */
public enum HyperVAuthentication implements Token { KERBEROS,CERTIFICATE }
