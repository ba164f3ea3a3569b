package siteplan.planner.state;

import java.util.List;

/** A VM: guest OS, firmware, disks, NICs, snapshots, VMware Tools state, disk.EnableUUID, power state, and a reboot the guest is waiting for (MOB-REBOOT). */
public record VmInfo(String name, String guestOs, String firmware, String host, String datastore, String powerState,
                     String tools, int snapshots, Boolean diskEnableUuid, List<VmDisk> disks, List<VmNic> nics,
                     Boolean pendingReboot) {
    public VmInfo {
        disks = DiscoveredState.copy(disks);
        nics = DiscoveredState.copy(nics);
    }
}
