package siteplan.planner.diff;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import siteplan.model.Disk;
import siteplan.model.Estate;
import siteplan.model.Machine;
import siteplan.model.ProcessServer;
import siteplan.model.ReplicationAppliance;
import siteplan.model.ProtectionGroup;
import siteplan.planner.state.VmDisk;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

/**
 * How much a protection change sends and how long that takes: the one computation behind the plan's
 * exposure window and the time a provider's replication job runs, so the reviewer sees what apply takes.
 */
public final class Replication {
    /** Egress compression of the process server (seed 000 Table 2). */
    public static final double COMPRESSION = 0.30;
    /** Hyper-V sites declare no process server uplink: their replica network is taken as 1 Gbps. */
    private static final DataRate REPLICA_NETWORK = new DataRate(1_000_000_000L);

    private Replication() {}

    /**
     * SRC-RESIZE: after protection is disabled (recovery points kept) and enabled again, only the data of
     * the resized and added disks is sent again (seed 000: "the data for the resized volume will be
     * transferred to Azure").
     */
    public static DataSize resizedData(List<VmDisk> replicated, List<Disk> declared) {
        DataSize data = DataSize.ZERO;
        for (Disk disk : declared) {
            VmDisk was = replicated.stream().filter(x -> x.name().equals(disk.name())).findFirst().orElse(null);
            if (was == null || !was.size().equals(disk.size())) data = data.plus(disk.size());
        }
        return data;
    }

    /** The declared uplink of the process server the group replicates through, if any. */
    public static Optional<DataRate> uplink(Estate estate, Machine m, ProtectionGroup g) {
        if (g.appliance() != null) {
            // Modernized: the appliance's own process server carries the group.
            return estate.vmwareSites().stream().filter(s -> s.name().equals(m.site())).flatMap(s -> s.appliances().stream())
                    .filter(a -> a.name().equals(g.appliance())).map(ReplicationAppliance::uplink).filter(Objects::nonNull)
                    .filter(u -> u.bitsPerSecond() > 0).findFirst();
        }
        return estate.vmwareSites().stream().filter(s -> s.name().equals(m.site())).flatMap(s -> s.processServers().stream())
                .filter(p -> p.name().equals(g.processServer())).map(ProcessServer::uplink).filter(Objects::nonNull)
                .filter(u -> u.bitsPerSecond() > 0).findFirst();
    }

    /** Time to send the data over the uplink, compressed by 30%; at least a minute (a job's smallest step). */
    public static Duration time(DataSize data, DataRate uplink) {
        long seconds = (long) Math.ceil(data.bytes() * 8.0 * (1 - COMPRESSION) / uplink.bitsPerSecond());
        return Duration.ofSeconds(Math.max(60, seconds));
    }

    /**
     * MOVE-TIME: how long Site Recovery's switch-provider move of one machine from a classic vault to a modernized
     * one takes, by Microsoft's published formula ("Move from classic to modernized VMware disaster recovery",
     * learn.microsoft.com, ms.date 08/01/2023): a healthy item whose last recovery point is recent moves in 1-2
     * hours (2 h is taken); otherwise 1 hour + 45 s per GiB, its disks moved in parallel, so the largest disk counts.
     * Machines of one batch move in parallel too.
     */
    public static Duration moveTime(List<Disk> disks, boolean healthy) {
        if (healthy) return Duration.ofHours(2);
        long largestGib = disks.stream().mapToLong(d -> (long) Math.ceil(d.size().bytes() / (double) (1L << 30))).max().orElse(0);
        return Duration.ofHours(1).plusSeconds(45 * largestGib);
    }

    /**
     * MOVE-TIME for this machine as its classic item stands: healthy (the formula's 1-2 hours) when it is protected and its
     * replication health is not critical.
     */
    public static Duration moveTime(Machine m, siteplan.planner.state.ProtectedItem item) {
        return moveTime(m.disks(), movesHealthy(item));
    }

    /** The formula's "healthy": a protected item whose replication health is not critical. */
    public static boolean movesHealthy(siteplan.planner.state.ProtectedItem item) {
        return item.state() == siteplan.planner.state.ProtectedItem.ReplicationState.PROTECTED && !"critical".equalsIgnoreCase(item.health());
    }

    /** Time to send the data for this machine: over its process server's uplink, else the Hyper-V replica network. */
    public static Duration time(Estate estate, Machine m, ProtectionGroup g, DataSize data) {
        return time(data, uplink(estate, m, g).orElse(REPLICA_NETWORK));
    }
}
