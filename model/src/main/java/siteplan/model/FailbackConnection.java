package siteplan.model;

/** The private link that failback needs from Azure to on-premises (FB-LINK). */
public enum FailbackConnection implements Token { NONE,VPN,EXPRESSROUTE_PRIVATE }
