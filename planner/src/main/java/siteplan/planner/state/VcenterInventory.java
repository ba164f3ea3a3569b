package siteplan.planner.state;

import java.util.List;

/** A vCenter (or ESXi) inventory as the PropertyCollector returns it: hosts, datastores, port groups, VMs. */
public record VcenterInventory(String site, String address, String version, String datacenter,
                               List<HostInfo> hosts, List<DatastoreInfo> datastores, List<String> networks, List<VmInfo> vms) {
    public VcenterInventory {
        hosts = DiscoveredState.copy(hosts);
        datastores = DiscoveredState.copy(datastores);
        networks = DiscoveredState.copy(networks);
        vms = DiscoveredState.sorted(vms, java.util.Comparator.comparing(VmInfo::name));
    }

    public java.util.Optional<VmInfo> vm(String name) {
        return vms.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
