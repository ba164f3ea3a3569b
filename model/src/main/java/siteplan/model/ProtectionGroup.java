package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("Machines protected together with one policy and one set of component servers.")
public record ProtectionGroup(
        @Required @JsonPropertyDescription("Group name.") String name,
        @Required @JsonPropertyDescription("Source site.") String source,
        @Required @JsonPropertyDescription("Target: an Azure target, or a VMM site for Hyper-V.") String target,
        @Required @JsonPropertyDescription("Replication policy (VMware/physical) or Hyper-V policy.") String policy,
        @JsonPropertyDescription("Hyper-V: the protected VMM cloud.") String sourceCloud,
        @JsonPropertyDescription("Hyper-V: the protecting VMM cloud.") String targetCloud,
        @JsonPropertyDescription("VMware/physical: process server that carries the group (PS-CHURN).") String processServer,
        @JsonPropertyDescription("VMware/physical: master target that receives the group (MT-DATA-DISKS, PG-CONSISTENT-MT).") String masterTarget,
        @JsonPropertyDescription("VMware/physical: storage account for the group's data disks.") String storageAccount,
        @JsonPropertyDescription("Reference to the account the process server pushes the Mobility service with.") SecretRef pushAccount,
        @JsonPropertyDescription("What the push account is on the group's machines: administrator (Windows), root (Linux) or standard (MOB-PUSH-WIN, MOB-PUSH-LINUX).") AccountStanding pushAccountStanding,
        @JsonPropertyDescription("Machines by name.") List<String> members,
        @JsonPropertyDescription("Machines selected by tag: every machine of the source site carrying one of these tags.") List<String> tagged,
        @JsonPropertyDescription("Refuse any plan that would disable protection of this group's machines (recovery points would be lost).") boolean preventDestroy,
        @JsonPropertyDescription("Modernized: the replication appliance that carries the group (its process server).") String appliance,
        @JsonPropertyDescription("Modernized: resource group the replicas are created in (target resource group).") String targetResourceGroup,
        @JsonPropertyDescription("Modernized: virtual network of the replicas; a machine's failover block may override it.") String targetNetwork,
        @JsonPropertyDescription("Modernized: subnet of the replicas within targetNetwork.") String targetSubnet,
        @JsonPropertyDescription("Modernized: storage account replication logs are cached in (log storage account): one the group's target declares, or another target of the same region (a machine moved from a classic vault keeps its classic account).") String logStorageAccount,
        @JsonPropertyDescription("Modernized: managed disk type of the replicas: standard-lrs, premium-lrs or standardssd-lrs; standard-lrs unless declared (SRC-DISK-CHURN).") TargetDiskType diskType,
        @JsonPropertyDescription("Modernized failback: the appliance that reprotects the group back to on-premises (reprotect agent); the group's appliance unless declared.") String failbackAppliance,
        @JsonPropertyDescription("Modernized failback: datastore the machines fail back into (alternate location); each machine's own datastore (original location) unless declared.") String failbackDatastore) {
    public ProtectionGroup {
        members = Lists.copy(members);
        tagged = Lists.copy(tagged);
    }

    /** True when the group protects the machine: named as a member, or tagged and in the group's source site. */
    public boolean selects(Machine m) {
        return members.contains(m.name()) || (m.site().equals(source) && m.tags().stream().anyMatch(tagged::contains));
    }
}
