package siteplan.model;

/**
 * Where a site's or target's discovered state comes from, and who carries out its operations:
 * the simulated estate (a state folder, the default, no credentials) or the real system.
 * A vCenter takes {@code simulated} or {@code vsphere}; an Azure target {@code simulated} or {@code azure}.
 */
public enum ProviderKind implements Token { SIMULATED, VSPHERE, AZURE }
