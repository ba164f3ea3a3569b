package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Optional;

/**
 * Everything a definition declares, as one immutable value. Top-level lists are kept sorted by
 * name, so the same estate split over files differently, or written as YAML, is an equal value.
 */
@JsonClassDescription("A disaster-recovery estate: sites, targets, protected machines, policies, mappings, protection groups and recovery plans.")
public record Estate(
        @JsonPropertyDescription("Azure recovery targets.") List<AzureTarget> azure,
        @JsonPropertyDescription("VMware and physical sites.") List<VmwareSite> vmwareSites,
        @JsonPropertyDescription("Hyper-V sites managed by VMM.") List<VmmSite> vmmSites,
        @JsonPropertyDescription("Protected machines.") List<Machine> machines,
        @JsonPropertyDescription("VMware/physical to Azure replication policies.") List<ReplicationPolicy> replicationPolicies,
        @JsonPropertyDescription("Hyper-V replication policies.") List<HyperVPolicy> hyperVPolicies,
        @JsonPropertyDescription("Network mappings.") List<NetworkMapping> networkMappings,
        @JsonPropertyDescription("Storage classification mappings.") List<StorageMapping> storageMappings,
        @JsonPropertyDescription("Protection groups.") List<ProtectionGroup> protectionGroups,
        @JsonPropertyDescription("Recovery plans.") List<RecoveryPlan> recoveryPlans,
        @JsonPropertyDescription("Recovery objectives of every recovery plan that declares none of its own.") Objectives objectives) {

    public Estate {
        azure = Lists.sortedBy(azure, AzureTarget::name);
        vmwareSites = Lists.sortedBy(vmwareSites, VmwareSite::name);
        vmmSites = Lists.sortedBy(vmmSites, VmmSite::name);
        machines = Lists.sortedBy(machines, Machine::name);
        replicationPolicies = Lists.sortedBy(replicationPolicies, ReplicationPolicy::name);
        hyperVPolicies = Lists.sortedBy(hyperVPolicies, HyperVPolicy::name);
        networkMappings = Lists.sortedBy(networkMappings, m -> m.source() + "\u0000" + m.target());
        storageMappings = Lists.sortedBy(storageMappings, m -> m.source() + "\u0000" + m.target());
        protectionGroups = Lists.sortedBy(protectionGroups, ProtectionGroup::name);
        recoveryPlans = Lists.sortedBy(recoveryPlans, RecoveryPlan::name);
        if (objectives != null && objectives.isEmpty()) objectives = null;
        // Applied here, where every estate is made (from Groovy, YAML, JSON, a merge of files or a recorded model), so no
        // reader of a plan's rto, rpo or cadence can miss the estate's: a recorded model then says what a drill ran under.
        if (objectives != null) recoveryPlans = recoveryPlans.stream().map(objectives::applyTo).toList();
    }

    /** An estate without estate-wide objectives. */
    public Estate(List<AzureTarget> azure, List<VmwareSite> vmwareSites, List<VmmSite> vmmSites, List<Machine> machines,
                  List<ReplicationPolicy> replicationPolicies, List<HyperVPolicy> hyperVPolicies, List<NetworkMapping> networkMappings,
                  List<StorageMapping> storageMappings, List<ProtectionGroup> protectionGroups, List<RecoveryPlan> recoveryPlans) {
        this(azure, vmwareSites, vmmSites, machines, replicationPolicies, hyperVPolicies, networkMappings, storageMappings, protectionGroups,
                recoveryPlans, null);
    }

    public static Estate empty() {
        return new Estate(null, null, null, null, null, null, null, null, null, null);
    }

    public Optional<Machine> machine(String name) {
        return machines.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The target that declares a storage account of this name. Azure storage account names are unique across all of Azure
     * (the validator refuses one declared twice), so a name alone says which target's resource group holds it: a modernized
     * group may log through an account another target declares (a machine moved from a classic vault keeps its account).
     */
    public Optional<AzureTarget> storageAccountOwner(String name) {
        return azure.stream().filter(t -> t.storageAccounts().stream().anyMatch(a -> a.name().equals(name))).findFirst();
    }

    /** Members of a group: those named, then those selected by tag in the group's source site, without repeats. */
    public List<Machine> membersOf(ProtectionGroup group) {
        return machines.stream().filter(group::selects).toList();
    }
}
