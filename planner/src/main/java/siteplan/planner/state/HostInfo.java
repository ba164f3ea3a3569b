package siteplan.planner.state;

/** An ESXi host: product version and license edition (free editions cannot fail back, FB-ESXI-FREE). */
public record HostInfo(String name, String version, String edition) {}
