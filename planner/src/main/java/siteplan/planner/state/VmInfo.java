package siteplan.planner.state;

import java.util.List;

/** A VM: guest OS, firmware, disks, NICs, snapshots, VMware Tools state, disk.EnableUUID, power state, and a reboot the guest is waiting for (MOB-REBOOT). */
public record VmInfo(String name, String guestOs, String firmware, String host, String datastore, String powerState,
                     String tools, int snapshots, Boolean diskEnableUuid, List<VmDisk> disks, List<VmNic> nics,
                     Boolean pendingReboot, GuestFacts guest) {
    public VmInfo {
        disks = DiscoveredState.copy(disks);
        nics = DiscoveredState.copy(nics);
    }

    /**
     * What discovery learned inside the guest, for the push install of the Mobility service (MOB-PUSH-*):
     * null means unknown (no finding), false means the prerequisite is missing.
     */
    public record GuestFacts(Boolean fileAndPrinterSharing, Boolean wmi, Boolean localAccountTokenFilterPolicy,
                             Boolean hostsFileMapsAllNics, Boolean sshPasswordAuthentication, Boolean sftp) {}
}
