package siteplan.model;

/** How data travels from on-premises to Azure, chosen once (SRC-MECHANISM). */
public enum ReplicationMechanism implements Token { INTERNET,VPN,EXPRESSROUTE }
