package siteplan.planner.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import siteplan.model.json.ModelJson;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

/**
 * The numbers rules check against, read from a profile file (planner/src/main/resources/siteplan/
 * profiles/NAME.yaml, or any file given with --profile). No limit is written in rule code.
 */
public record Profile(String name, String description, Source source, ProcessServer processServer,
                      ConfigurationServer configurationServer, MasterTarget masterTarget, Storage storage, HyperV hyperV,
                      RecoveryPlan recoveryPlan, Failback failback, Classic classic) {

    public static final String DEFAULT = "asr-2015";

    public record Source(DataSize diskMaxSize, int diskMaxCount, DataSize machineMaxSize, DataSize machineMaxChurn, DataSize diskChurnAt8KB,
                         int targetDiskIops, int targetIosPerSourceIo, int machineMaxIops, int nameMaxLength, List<String> supportedOs,
                         List<String> linuxFileSystems, List<String> vmwareVersions) {}

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

    public record Failback(int masterTargetMaxDisks, FailbackPolicy policy, List<String> unsupportedPhysicalOs, List<String> freeEditions) {}

    /** A profile by name (bundled) or by path (a .yaml file). */
    public static Profile load(String nameOrPath) {
        try {
            if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")) {
                Path p = Path.of(nameOrPath);
                if (!Files.isRegularFile(p)) throw new IllegalArgumentException("profile file " + nameOrPath + " does not exist");
                return ModelJson.YAML.readValue(p.toFile(), Profile.class);
            }
            try (InputStream in = Profile.class.getResourceAsStream("/siteplan/profiles/" + nameOrPath + ".yaml")) {
                if (in == null) {
                    throw new IllegalArgumentException("no profile named '" + nameOrPath + "' — bundled profiles: asr-2015, asr-2017; or give a .yaml file");
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
