package siteplan.planner.state;

import java.util.List;
import java.util.Map;

/**
 * A Recovery Services vault and its Site Recovery objects: fabrics with their registered servers
 * (configuration, process, master target, vCenter, VMM), replication policies, network and storage
 * mappings, protected items and recovery plans. `managed` marks what siteplan created: only that may
 * be deleted by a plan.
 */
public record RecoveryVault(String target, String name, String region,
                            List<Fabric> fabrics, List<Policy> policies, List<Mapping> networkMappings, List<Mapping> storageMappings,
                            List<ProtectedItem> protectedItems, List<RecoveryPlanInfo> recoveryPlans, List<Job> jobs) {
    public RecoveryVault {
        fabrics = DiscoveredState.sorted(fabrics, java.util.Comparator.comparing(Fabric::site));
        policies = DiscoveredState.sorted(policies, java.util.Comparator.comparing(Policy::name));
        networkMappings = DiscoveredState.sorted(networkMappings, java.util.Comparator.comparing(Mapping::source));
        storageMappings = DiscoveredState.sorted(storageMappings, java.util.Comparator.comparing(Mapping::source));
        protectedItems = DiscoveredState.sorted(protectedItems, java.util.Comparator.comparing(ProtectedItem::machine));
        recoveryPlans = DiscoveredState.sorted(recoveryPlans, java.util.Comparator.comparing(RecoveryPlanInfo::name));
        jobs = DiscoveredState.sorted(jobs, java.util.Comparator.comparing(Job::id));
    }

    /** A Site Recovery job (enable protection, test failover, …) with its state; the executor waits on these. */
    public record Job(String id, String operation, String target, String state, String started, String ended, String error) {}

    /** The same vault with other protected items and jobs: the simulated estate's operations produce these. */
    public RecoveryVault withItems(List<ProtectedItem> items, List<Job> newJobs) {
        return new RecoveryVault(target, name, region, fabrics, policies, networkMappings, storageMappings, items, recoveryPlans, newJobs);
    }

    public java.util.Optional<Fabric> fabric(String site) {
        return fabrics.stream().filter(f -> f.site().equals(site)).findFirst();
    }

    /** A site as the vault knows it: its replication mechanism and the servers registered for it. */
    public record Fabric(String site, String type, String replicationMechanism, List<RegisteredServer> servers, List<String> protectionContainers) {
        public Fabric {
            protectionContainers = DiscoveredState.copy(protectionContainers);
            servers = DiscoveredState.sorted(servers, java.util.Comparator.comparing(RegisteredServer::role).thenComparing(RegisteredServer::name));
        }

        public java.util.Optional<RegisteredServer> server(String role, String name) {
            return servers.stream().filter(s -> s.role().equals(role) && s.name().equals(name)).findFirst();
        }
    }

    /** A server registered in a fabric; properties hold what the portal shows (size, cores, cache, uplink…). */
    public record RegisteredServer(String role, String name, String health, Map<String, String> properties) {
        public RegisteredServer {
            properties = properties == null ? Map.of() : new java.util.TreeMap<>(properties);
        }
    }

    /** A replication policy with its settings in the portal's words. */
    public record Policy(String name, String kind, Map<String, String> settings, boolean managed) {
        public Policy {
            settings = settings == null ? Map.of() : new java.util.TreeMap<>(settings);
        }
    }

    /** A network or storage mapping. */
    public record Mapping(String source, String target, boolean managed) {}
}
