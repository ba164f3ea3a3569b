package siteplan.dsl;

import java.util.ArrayList;
import java.util.List;
import siteplan.model.*;

/** What one definition file (with its includes) declared, before files are merged into an Estate. */
final class Declarations {
    final List<AzureTarget> azure = new ArrayList<>();
    final List<VmwareSite> vmwareSites = new ArrayList<>();
    final List<VmmSite> vmmSites = new ArrayList<>();
    final List<Machine> machines = new ArrayList<>();
    final List<ReplicationPolicy> replicationPolicies = new ArrayList<>();
    final List<HyperVPolicy> hyperVPolicies = new ArrayList<>();
    final List<NetworkMapping> networkMappings = new ArrayList<>();
    final List<StorageMapping> storageMappings = new ArrayList<>();
    final List<ProtectionGroup> protectionGroups = new ArrayList<>();
    final List<RecoveryPlan> recoveryPlans = new ArrayList<>();
    /** The estate's objectives, from the first objectives block; a second one is reported by the validator, at its line. */
    Objectives objectives;

    void addAll(Declarations o) {
        azure.addAll(o.azure);
        vmwareSites.addAll(o.vmwareSites);
        vmmSites.addAll(o.vmmSites);
        machines.addAll(o.machines);
        replicationPolicies.addAll(o.replicationPolicies);
        hyperVPolicies.addAll(o.hyperVPolicies);
        networkMappings.addAll(o.networkMappings);
        storageMappings.addAll(o.storageMappings);
        protectionGroups.addAll(o.protectionGroups);
        recoveryPlans.addAll(o.recoveryPlans);
        if (objectives == null) objectives = o.objectives;
    }

    Estate toEstate() {
        return new Estate(azure, vmwareSites, vmmSites, machines, replicationPolicies, hyperVPolicies,
                networkMappings, storageMappings, protectionGroups, recoveryPlans, objectives);
    }
}
