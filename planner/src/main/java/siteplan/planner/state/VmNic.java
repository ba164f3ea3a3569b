package siteplan.planner.state;

/** A network adapter: the port group it is on and its address. */
public record VmNic(String name, String network, String ip) {}
