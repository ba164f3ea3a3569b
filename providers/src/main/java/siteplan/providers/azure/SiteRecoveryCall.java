package siteplan.providers.azure;

/**
 * Every Site Recovery call the Azure provider makes, by the operation id of the published contract
 * (api-version {@value AzureConnection#ASR_API}) and the provider input type its body names ("-" when it
 * names none). This is the list the coverage check holds the provider's specs to: each call here must be
 * made against the contract peer at least once, and every call the peer sees from the provider must be
 * here (AsrCoverageSpec). A new call is added here with the code that makes it.
 */
public enum SiteRecoveryCall {
    // Discovery, and the look-ups every step makes (names are Azure's: listed, then matched by friendly name).
    FABRICS("ReplicationFabrics_List", "-", "the sites: fabrics, with their registered servers"),
    CONTAINERS("ReplicationProtectionContainers_ListByReplicationFabrics", "-", "a site's protection containers (VMM clouds)"),
    PROTECTABLE_ITEMS("ReplicationProtectableItems_ListByReplicationProtectionContainers", "-", "the machines a site's server discovered"),
    PROTECTED_ITEMS("ReplicationProtectedItems_List", "-", "every protected machine of the vault"),
    PROTECTED_ITEM("ReplicationProtectedItems_Get", "-", "a modernized machine alone: the list leaves out its disks and NICs"),
    NETWORKS("ReplicationNetworks_ListByReplicationFabrics", "-", "a VMM site's VM networks"),
    STORAGE_CLASSIFICATIONS_OF_FABRIC("ReplicationStorageClassifications_ListByReplicationFabrics", "-", "a VMM site's storage classifications"),
    STORAGE_CLASSIFICATIONS("ReplicationStorageClassifications_List", "-", "every storage classification, to name mappings"),
    POLICIES("ReplicationPolicies_List", "-", "the policies"),
    POLICY("ReplicationPolicies_Get", "-", "one policy, before it is written"),
    CONTAINER_MAPPINGS("ReplicationProtectionContainerMappings_ListByReplicationProtectionContainers", "-", "a container's policy associations and cloud pairings"),
    NETWORK_MAPPINGS("ReplicationNetworkMappings_List", "-", "the network mappings"),
    STORAGE_MAPPINGS("ReplicationStorageClassificationMappings_List", "-", "the storage mappings"),
    VCENTERS("ReplicationvCenters_ListByReplicationFabrics", "-", "a configuration server's vCenters"),
    RECOVERY_PLANS("ReplicationRecoveryPlans_List", "-", "the recovery plans"),
    RECOVERY_PLAN("ReplicationRecoveryPlans_Get", "-", "one recovery plan, before it is written"),
    JOBS("ReplicationJobs_List", "-", "the vault's jobs"),
    JOB("ReplicationJobs_Get", "-", "one job by the id a moving classic machine reports (currentScenario.jobId): a move an earlier apply stopped waiting for is waited for, not asked for again"),
    RECOVERY_POINTS("RecoveryPoints_ListByReplicationProtectedItems", "-", "a machine's recovery points, for --recovery-point other than latest"),

    // Changes (apply).
    CREATE_VMWARE_POLICY("ReplicationPolicies_Create", "InMageAzureV2", "a VMware/physical → Azure policy"),
    CREATE_FAILBACK_POLICY("ReplicationPolicies_Create", "InMage", "its failback policy (FB-POLICY)"),
    CREATE_HYPERV_POLICY("ReplicationPolicies_Create", "HyperVReplica2012R2", "a Hyper-V Replica policy (seed 003)"),
    CREATE_MODERNIZED_POLICY("ReplicationPolicies_Create", "InMageRcm", "a modernized VMware/physical → Azure policy"),
    CREATE_MODERNIZED_FAILBACK_POLICY("ReplicationPolicies_Create", "InMageRcmFailback", "its failback twin, which reprotect from Azure names"),
    UPDATE_MODERNIZED_POLICY("ReplicationPolicies_Update", "InMageRcm", "a modernized policy changed (as Update-AzRecoveryServicesAsrPolicy: PATCH)"),
    UPDATE_MODERNIZED_FAILBACK_POLICY("ReplicationPolicies_Update", "InMageRcmFailback", "its failback twin's frequencies changed with it"),
    DELETE_POLICY("ReplicationPolicies_Delete", "-", "a policy no longer declared"),
    MAP_CONTAINER("ReplicationProtectionContainerMappings_Create", "ReplicationProviderSpecificContainerMappingInput",
            "a policy associated with a configuration server, or a VMM cloud paired with its target cloud under a policy"),
    AGENT_AUTO_UPGRADE("ReplicationProtectionContainerMappings_Update", "InMageRcm", "agent auto-upgrade of a modernized site's machines set (seed 004 the modernized way)"),
    MAP_NETWORK("ReplicationNetworkMappings_Create", "VmmToVmm", "a VM network mapped to the target site's"),
    DELETE_NETWORK_MAPPING("ReplicationNetworkMappings_Delete", "-", "a network mapping no longer declared"),
    MAP_STORAGE("ReplicationStorageClassificationMappings_Create", "-", "a storage classification mapped to the target site's"),
    DELETE_STORAGE_MAPPING("ReplicationStorageClassificationMappings_Delete", "-", "a storage mapping no longer declared"),
    ADD_VCENTER("ReplicationvCenters_Create", "-", "a vCenter added to a configuration server"),
    ENABLE_VMWARE("ReplicationProtectedItems_Create", "InMageAzureV2", "protection of a VMware VM or physical server"),
    ENABLE_HYPERV("ReplicationProtectedItems_Create", "-", "protection of a Hyper-V VM (no provider input exists for VMM → VMM)"),
    ENABLE_MODERNIZED("ReplicationProtectedItems_Create", "InMageRcm", "protection of a machine through a replication appliance"),
    UPDATE_MODERNIZED("ReplicationProtectedItems_Update", "InMageRcm", "a modernized machine's target name, size, resource group, network, subnet and address"),
    UPDATE_FAILOVER_SETTINGS("ReplicationProtectedItems_Update", "-", "a machine's failover name, size, network and address"),
    DISABLE("ReplicationProtectedItems_Delete", "-", "protection disabled (POST …/remove)"),
    UPDATE_MOBILITY("ReplicationProtectedItems_UpdateMobilityService", "-", "the Mobility service updated (seed 004)"),
    SWITCH_PROVIDER("ReplicationProtectedItems_SwitchProvider", "InMageAzureV2", "a classic machine moved to a modernized vault (MOVE-*)"),
    CREATE_RECOVERY_PLAN("ReplicationRecoveryPlans_Create", "-", "a recovery plan with its groups and steps"),
    UPDATE_RECOVERY_PLAN("ReplicationRecoveryPlans_Update", "-", "a recovery plan's groups and steps changed (Site Recovery's Shutdown and Failover groups kept)"),
    DELETE_RECOVERY_PLAN("ReplicationRecoveryPlans_Delete", "-", "a recovery plan no longer declared"),

    // Recovery (drill, failover, commit, reprotect, failback).
    TEST_FAILOVER_VMWARE("ReplicationProtectedItems_TestFailover", "InMageAzureV2", "a drill of a VMware/physical machine"),
    TEST_FAILOVER_MODERNIZED("ReplicationProtectedItems_TestFailover", "InMageRcm", "a drill of a modernized machine"),
    TEST_FAILOVER_HYPERV("ReplicationProtectedItems_TestFailover", "-", "a drill of a Hyper-V VM"),
    TEST_FAILOVER_CLEANUP("ReplicationProtectedItems_TestFailoverCleanup", "-", "a drill's test VM removed"),
    FAILOVER_VMWARE("ReplicationProtectedItems_UnplannedFailover", "InMageAzureV2", "failover to Azure (planned: the source shut down first)"),
    FAILOVER_MODERNIZED("ReplicationProtectedItems_UnplannedFailover", "InMageRcm", "a modernized machine's failover to Azure (planned: performShutdown)"),
    FAILBACK_MODERNIZED("ReplicationProtectedItems_PlannedFailover", "InMageRcmFailback", "a modernized machine's planned failover back to VMware"),
    FAILOVER_BACK("ReplicationProtectedItems_UnplannedFailover", "InMage", "failover back to VMware (FB-STAGES stage 2)"),
    FAILOVER_HYPERV_UNPLANNED("ReplicationProtectedItems_UnplannedFailover", "-", "an unplanned failover of a Hyper-V VM"),
    FAILOVER_HYPERV_PLANNED("ReplicationProtectedItems_PlannedFailover", "-", "a planned failover of a Hyper-V VM"),
    COMMIT("ReplicationProtectedItems_FailoverCommit", "-", "a failover committed"),
    REPROTECT_TO_VMWARE("ReplicationProtectedItems_Reprotect", "InMage", "reprotect from Azure to VMware (FB-STAGES stage 1)"),
    REPROTECT_TO_AZURE("ReplicationProtectedItems_Reprotect", "InMageAzureV2", "reprotect from VMware to Azure again (FB-STAGES stage 4)"),
    REPROTECT_MODERNIZED_TO_VMWARE("ReplicationProtectedItems_Reprotect", "InMageRcm", "reprotect of a modernized machine from Azure to VMware through its failback appliance"),
    REPROTECT_MODERNIZED_TO_AZURE("ReplicationProtectedItems_Reprotect", "InMageRcmFailback", "reprotect of a modernized machine from VMware to Azure again"),
    REPROTECT_HYPERV("ReplicationProtectedItems_Reprotect", "-", "reverse replication of a Hyper-V VM");

    private final String operation;
    private final String input;
    private final String what;

    SiteRecoveryCall(String operation, String input, String what) {
        this.operation = operation;
        this.input = input;
        this.what = what;
    }

    /** The contract's operation id, e.g. ReplicationProtectedItems_UnplannedFailover. */
    public String operation() {
        return operation;
    }

    /** The provider input type the body names (its instanceType), or "-". */
    public String input() {
        return input;
    }

    /** What the call is for, as the list of calls says it. */
    public String what() {
        return what;
    }
}
