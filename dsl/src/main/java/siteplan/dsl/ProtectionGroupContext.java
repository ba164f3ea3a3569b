package siteplan.dsl;

import siteplan.model.AccountStanding;
import siteplan.model.Address;
import siteplan.model.ProtectionGroup;
import siteplan.model.SecretRef;
import siteplan.model.TargetDiskType;

/** {@code protectionGroup('erp') { source 'amsterdam'; target 'contoso-dr'; policy 'gold'; members 'erp-db01' }} */
public class ProtectionGroupContext extends BlockContext {
    private final Slot<String> source = Slot.text("source", "'amsterdam'");
    private final Slot<String> target = Slot.text("target", "'contoso-dr'");
    private final Slot<String> policy = Slot.text("policy", "'gold'");
    private final Slot<String> sourceCloud = Slot.text("sourceCloud", "'NY-Gold'");
    private final Slot<String> targetCloud = Slot.text("targetCloud", "'Chicago-Gold'");
    private final Slot<String> processServer = Slot.text("processServer", "'ps01'");
    private final Slot<String> masterTarget = Slot.text("masterTarget", "'mt-win01'");
    private final Slot<String> storageAccount = Slot.text("storageAccount", "'contosodr01'");
    private final Slot<SecretRef> pushAccount = Slot.secretRef("pushAccount", "secret('push-admin')");
    private final Slot<AccountStanding> pushAccountStanding = Slot.token("pushAccountStanding", AccountStanding.class);
    private final Slot<Boolean> preventDestroy = Slot.bool("preventDestroy");
    private final Slot<String> appliance = Slot.text("appliance", "'ams-asr01'");
    private final Slot<String> targetResourceGroup = Slot.text("targetResourceGroup", "'rg-dr-erp'");
    private final Slot<String> targetNetwork = Slot.text("targetNetwork", "'dr-vnet'");
    private final Slot<String> targetSubnet = Slot.text("targetSubnet", "'servers'");
    private final Slot<String> logStorageAccount = Slot.text("logStorageAccount", "'contosodrlog01'");
    private final Slot<TargetDiskType> diskType = Slot.token("diskType", TargetDiskType.class, "'premium-lrs'");
    private final Slot<String> failbackAppliance = Slot.text("failbackAppliance", "'ams-asr02'");
    private final Slot<String> failbackDatastore = Slot.text("failbackDatastore", "'ams-gold'");
    private final ListSlot<String> members = ListSlot.texts("members", "'erp-db01', 'erp-app01'");
    private final ListSlot<String> tagged = ListSlot.texts("tagged", "'erp'");
    private final String name;

    ProtectionGroupContext(String name) {
        super("protection group '" + name + "'", Address.protectionGroup(name));
        this.name = name;
    }

    public Object source(Object site) { return set(source, site); }
    public Object target(Object target) { return set(this.target, target); }
    public Object policy(Object policy) { return set(this.policy, policy); }
    public Object sourceCloud(Object cloud) { return set(sourceCloud, cloud); }
    public Object targetCloud(Object cloud) { return set(targetCloud, cloud); }
    public Object processServer(Object server) { return set(processServer, server); }
    public Object masterTarget(Object server) { return set(masterTarget, server); }
    public Object storageAccount(Object account) { return set(storageAccount, account); }
    public Object pushAccount(Object ref) { return set(pushAccount, ref); }
    /** {@code pushAccountStanding 'administrator'}: what the push account is on the machines (MOB-PUSH-WIN, MOB-PUSH-LINUX). */
    public Object pushAccountStanding(Object standing) { return set(pushAccountStanding, standing); }
    public void members(Object... machines) { add(members, machines); }
    public void tagged(Object... tags) { add(tagged, tags); }
    public Object preventDestroy(Object on) { return set(preventDestroy, on); }
    /** {@code appliance 'ams-asr01'}: modernized, the replication appliance that carries the group. */
    public Object appliance(Object name) { return set(appliance, name); }
    public Object targetResourceGroup(Object name) { return set(targetResourceGroup, name); }
    public Object targetNetwork(Object name) { return set(targetNetwork, name); }
    public Object targetSubnet(Object name) { return set(targetSubnet, name); }
    public Object logStorageAccount(Object name) { return set(logStorageAccount, name); }
    public Object diskType(Object type) { return set(diskType, type); }
    /** {@code failbackAppliance 'ams-asr02'}: modernized failback, the appliance that reprotects the group to on-premises. */
    public Object failbackAppliance(Object name) { return set(failbackAppliance, name); }
    /** {@code failbackDatastore 'ams-gold'}: modernized failback into another datastore than each machine's own (alternate location). */
    public Object failbackDatastore(Object name) { return set(failbackDatastore, name); }

    ProtectionGroup build() {
        require(source, target, policy);
        return new ProtectionGroup(name, source.get(), target.get(), policy.get(), sourceCloud.get(), targetCloud.get(),
                processServer.get(), masterTarget.get(), storageAccount.get(), pushAccount.get(), pushAccountStanding.get(), members.get(), tagged.get(), preventDestroy.flag(),
                appliance.get(), targetResourceGroup.get(), targetNetwork.get(), targetSubnet.get(), logStorageAccount.get(), diskType.get(),
                failbackAppliance.get(), failbackDatastore.get());
    }
}
