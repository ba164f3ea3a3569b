package siteplan.planner.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import siteplan.model.Architecture;
import siteplan.model.json.ModelJson;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

/**
 * The numbers rules check against, read from a profile file (planner/src/main/resources/siteplan/
 * profiles/NAME.yaml, or any file given with --profile). No limit is written in rule code.
 */
public record Profile(String name, String description, Architecture architecture, Source source, ProcessServer processServer,
                      ConfigurationServer configurationServer, MasterTarget masterTarget, Storage storage, HyperV hyperV,
                      RecoveryPlan recoveryPlan, Failback failback, Classic classic, Modernized modernized, Disks disks) {

    /** The classic architecture's profile, and the one a definition without Azure targets (Hyper-V to VMM) is checked against. */
    public static final String DEFAULT = "asr-2015";
    /** The modernized architecture's profile. */
    public static final String MODERNIZED = "asr-2026";

    /** A profile that does not say is a classic one: every profile before the modernized architecture was. */
    public Architecture architectureOrClassic() {
        return architecture == null ? Architecture.CLASSIC : architecture;
    }

    /**
     * Limits on each protected machine. A limit a profile leaves out is not checked: the modernized architecture's
     * sources publish no per-machine total size or IOPS, and its churn limit is a peak rate, not a daily figure.
     */
    public record Source(DataSize diskMaxSize, Integer diskMaxCount, DataSize machineMaxSize, DataSize machineMaxChurn, DataSize diskChurnAt8KB,
                         Integer targetDiskIops, Integer targetIosPerSourceIo, Integer machineMaxIops, Integer nameMaxLength, List<String> supportedOs,
                         List<String> linuxFileSystems, List<String> vmwareVersions, DataSize machinePeakChurnPerSecond,
                         Boolean uefiWithoutSecureBoot, Boolean dynamicDataDisks) {
        /** UEFI machines are protectable when the profile says so, and then only with Secure Boot off (RCM-UEFI). */
        public boolean uefiProtectable() { return Boolean.TRUE.equals(uefiWithoutSecureBoot); }
        public boolean dynamicDataDisksAllowed() { return Boolean.TRUE.equals(dynamicDataDisks); }
    }

    public record Band(DataSize upTo, int vcpu, DataSize memory, DataRate ingress, DataRate egress, String cacheThroughput) {}

    public record ProcessServer(DataSize maxChurn, DataSize cacheDisk, DataSize osDisk, String vsphereCli, List<Band> bands) {}

    public record ConfigurationServer(int maxSources, String vmSize, int cores, DataSize memory, int reservedPublicIps, int registrationKeyDays,
                                      int reservedAddressesPerSubnet) {}

    public record MtSize(int cores, DataSize memory, int dataDisks) {}

    public record MasterTarget(Map<String, MtSize> sizes, String largeSourceSize, DataSize retentionThroughputAt8KB, int retentionDiskIops,
                               DataSize retentionSingleDiskMax) {}

    public record Storage(int sourceIopsPerAccount, List<String> geoRedundant) {}

    public record HyperV(List<Duration> copyFrequencies, Duration appConsistentMin, Duration appConsistentMax, String kerberosHostVersion,
                         int kerberosPort, int certificatePort) {}

    public record RecoveryPlan(int maxMachines, int maxGroups) {}

    public record FailbackPolicy(Duration rpoThreshold, Duration retention, Duration appConsistentFrequency) {}

    /**
     * The classic VMware/physical architecture's retirement: the day from which Azure enables no new protection in it
     * (ARCH-CLASSIC). The bundled profiles carry it, since it binds every real classic vault whatever limits a design
     * is checked against; a profile without it plans a real vault as Azure ran it before.
     */
    public record Classic(java.time.LocalDate newProtectionEnds) {}

    /**
     * The modernized architecture's own limits: its replication appliance, the churn a replica disk takes by its type and
     * size, the OS disk by generation, policy history, and what a grown disk does.
     */
    public record Modernized(Appliance appliance, Integer failbackApplianceMaxDisks, DataSize osDiskMaxGen1, DataSize osDiskMaxGen2,
                             List<DiskChurn> diskChurn, Duration maxRecoveryPointHistory, Duration defaultCrashConsistentFrequency, Move move) {
        /** The churn row for a replica disk of this type and size, or null when the source publishes none. */
        public DiskChurn churnFor(siteplan.model.TargetDiskType type, DataSize diskSize) {
            for (DiskChurn c : diskChurn) {
                if (c.diskType() == type && (c.upTo() == null || diskSize.compareTo(c.upTo()) <= 0)) return c;
            }
            return null;
        }
    }

    /**
     * Site Recovery's switch-provider move of machines from a classic vault into this architecture (MOVE-*): the agent and
     * server version it needs, and how many machines it moves at once.
     */
    public record Move(String minimumVersion, int batch) {}

    /** The replication appliance: its minimum hardware, the one published sizing band, and what one appliance carries. */
    public record Appliance(int minVcpu, DataSize minMemory, DataSize minCacheDisk, int bandVcpu, DataSize bandMemory, DataSize bandCacheDisk,
                            int bandFromMachines, DataSize bandFromChurn, int maxMachines, DataSize maxChurn) {}

    /**
     * Daily churn a replica disk takes, by its type and (for premium disks, whose tier follows the size) its size, by the
     * average write size: {@code perDay} maps a write size to the daily churn at that size or larger.
     */
    public record DiskChurn(siteplan.model.TargetDiskType diskType, DataSize upTo, String tier, Map<String, DataSize> perDay) {
        /** The limit for writes of this size: the row of the largest write size not above it. */
        public DataSize limitAt(DataSize writeSize) {
            DataSize best = null;
            DataSize bestAt = null;
            for (var e : perDay.entrySet()) {
                DataSize at = DataSize.parse(e.getKey());
                if (at.compareTo(writeSize) <= 0 && (bestAt == null || at.compareTo(bestAt) > 0)) {
                    best = e.getValue();
                    bestAt = at;
                }
            }
            // Smaller writes than the smallest row published: the smallest row (the sources test at 8 KB and up).
            if (best == null) best = perDay.entrySet().stream().min((a, b) -> DataSize.parse(a.getKey()).compareTo(DataSize.parse(b.getKey()))).map(Map.Entry::getValue).orElse(null);
            return best;
        }
    }

    /** How a profile's architecture takes a change of a protected machine's disks. */
    public record Disks(siteplan.planner.diff.DiskGrow grow) {}

    /** A profile that does not say re-replicates a grown disk, as the seeds do (SRC-RESIZE). */
    public siteplan.planner.diff.DiskGrow diskGrow() {
        return disks == null || disks.grow() == null ? siteplan.planner.diff.DiskGrow.RE_REPLICATE : disks.grow();
    }

    public record Failback(int masterTargetMaxDisks, FailbackPolicy policy, List<String> unsupportedPhysicalOs, List<String> freeEditions) {}

    /** A profile by name (bundled) or by path (a .yaml file), complete for its architecture. */
    public static Profile load(String nameOrPath) {
        return complete(nameOrPath, read(nameOrPath));
    }

    /**
     * A profile for the modernized architecture must give its own limits whole: a rule of that architecture reads
     * them all, and a missing one would be a limit of zero. Said with the key to add.
     */
    private static Profile complete(String source, Profile p) {
        if (p.architectureOrClassic() != Architecture.MODERNIZED) return p;
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (p.source() == null) missing.add("source");
        Modernized m = p.modernized();
        if (m == null) missing.add("modernized");
        else {
            if (m.appliance() == null) missing.add("modernized.appliance");
            if (m.failbackApplianceMaxDisks() == null) missing.add("modernized.failbackApplianceMaxDisks");
            if (m.osDiskMaxGen1() == null) missing.add("modernized.osDiskMaxGen1");
            if (m.osDiskMaxGen2() == null) missing.add("modernized.osDiskMaxGen2");
            if (m.maxRecoveryPointHistory() == null) missing.add("modernized.maxRecoveryPointHistory");
            if (m.defaultCrashConsistentFrequency() == null) missing.add("modernized.defaultCrashConsistentFrequency");
            if (m.diskChurn() == null) missing.add("modernized.diskChurn");
            if (m.move() == null) missing.add("modernized.move");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("profile " + source + " is for the modernized architecture and lacks " + String.join(", ", missing)
                    + " — copy them from the bundled asr-2026.yaml");
        }
        return p;
    }

    private static Profile read(String nameOrPath) {
        try {
            if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")) {
                Path p = Path.of(nameOrPath);
                if (!Files.isRegularFile(p)) throw new IllegalArgumentException("profile file " + nameOrPath + " does not exist");
                return ModelJson.YAML.readValue(p.toFile(), Profile.class);
            }
            try (InputStream in = Profile.class.getResourceAsStream("/siteplan/profiles/" + nameOrPath + ".yaml")) {
                if (in == null) {
                    throw new IllegalArgumentException("no profile named '" + nameOrPath + "' — bundled profiles: asr-2015, asr-2017 (classic), asr-2026 (modernized); or give a .yaml file");
                }
                return ModelJson.YAML.readValue(in, Profile.class);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("profile " + nameOrPath + " (line " + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read profile " + nameOrPath + ": " + e.getMessage());
        }
    }

    /** The Table 2 band for a daily churn, or null above the largest (another process server is needed). */
    public Band bandFor(DataSize churn) {
        for (Band b : processServer.bands()) if (churn.compareTo(b.upTo()) <= 0) return b;
        return null;
    }
}
