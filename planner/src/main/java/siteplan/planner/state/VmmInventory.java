package siteplan.planner.state;

import java.util.List;

/** A VMM server's inventory: clouds, Hyper-V hosts and their VMs. */
public record VmmInventory(String site, String server, List<String> clouds, List<HostInfo> hosts, List<VmInfo> vms) {
    public VmmInventory {
        clouds = DiscoveredState.copy(clouds);
        hosts = DiscoveredState.copy(hosts);
        vms = DiscoveredState.sorted(vms, java.util.Comparator.comparing(VmInfo::name));
    }
}
