package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import siteplan.model.*;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

/** Blocks for the Site Recovery component servers of a VMware site (seed 000 Table 1 and 2, seed 001). */
public final class ServerContexts {
    private ServerContexts() {}

    /** {@code configurationServer('cs01') { location 'azure'; ip '10.10.0.10'; passphrase secret('cs01-passphrase') }} */
    public static class ConfigurationServerContext extends BlockContext {
        private final Slot<ServerLocation> serverLocation = Slot.token("location", ServerLocation.class, "'azure'");
        private final Slot<String> ip = Slot.text("ip", "'10.20.0.10'");
        private final Slot<String> network = Slot.text("network", "'dr-vnet'");
        private final Slot<String> subnet = Slot.text("subnet", "'servers'");
        private final Slot<SecretRef> passphrase = Slot.secretRef("passphrase", "secret('cs01-passphrase')");
        private final Slot<Integer> nics = Slot.integer("nics", "2");
        private final Slot<String> vmSize = Slot.text("vmSize", "'Standard_A3'");
        private final String name;

        ConfigurationServerContext(Address key, String name) {
            super("configuration server '" + name + "'", key);
            this.name = name;
        }

        public Object location(Object where) { return set(serverLocation, where); }
        public Object ip(Object ip) { return set(this.ip, ip); }
        public Object network(Object network) { return set(this.network, network); }
        public Object subnet(Object subnet) { return set(this.subnet, subnet); }
        public Object passphrase(Object ref) { return set(passphrase, ref); }
        public Object nics(Object count) { return set(nics, count); }
        public Object vmSize(Object size) { return set(vmSize, size); }

        ConfigurationServer build() {
            require(serverLocation);
            return new ConfigurationServer(name, serverLocation.get(), ip.get(), network.get(), subnet.get(),
                    passphrase.get(), nics.get(), vmSize.get());
        }
    }

    /** {@code processServer('ps01') { vcpu 8; memory 6.GB; cacheDisk 600.GB; uplink 60.Mbps }} */
    public static class ProcessServerContext extends BlockContext {
        private final Slot<ServerLocation> serverLocation = Slot.token("location", ServerLocation.class);
        private final Slot<Integer> vcpu = Slot.integer("vcpu", "8");
        private final Slot<DataSize> memory = Slot.size("memory", "16.GB");
        private final Slot<DataSize> cacheDisk = Slot.size("cacheDisk", "600.GB");
        private final Slot<DataSize> osDisk = Slot.size("osDisk", "128.GB");
        private final Slot<DataRate> uplink = Slot.rate("uplink", "100.Mbps");
        private final Slot<String> ip = Slot.text("ip", "'10.20.0.10'");
        private final Slot<String> network = Slot.text("network", "'dr-vnet'");
        private final Slot<String> vsphereCli = Slot.text("vsphereCli", "'5.5.0'");
        private final Slot<DeploymentModel> deploymentModel = Slot.token("deploymentModel", DeploymentModel.class);
        private final String name;

        ProcessServerContext(Address key, String name) {
            super("process server '" + name + "'", key);
            this.name = name;
        }

        public Object location(Object where) { return set(serverLocation, where); }
        public Object vcpu(Object n) { return set(vcpu, n); }
        public Object memory(Object size) { return set(memory, size); }
        public Object cacheDisk(Object size) { return set(cacheDisk, size); }
        public Object osDisk(Object size) { return set(osDisk, size); }
        public Object uplink(Object rate) { return set(uplink, rate); }
        public Object ip(Object ip) { return set(this.ip, ip); }
        public Object network(Object network) { return set(this.network, network); }
        public Object vsphereCli(Object version) { return set(vsphereCli, version); }
        public Object deploymentModel(Object model) { return set(deploymentModel, model); }

        ProcessServer build() {
            return new ProcessServer(name, serverLocation.get(), vcpu.get(), memory.get(), cacheDisk.get(),
                    osDisk.get(), uplink.get(), ip.get(), network.get(), vsphereCli.get(), deploymentModel.get());
        }
    }

    /** {@code replicationAppliance('ams-asr01') { vcpu 16; memory 32.GB; cacheDisk 1.TB; network 'VM Network'; ip '10.1.0.30' }} */
    public static class ReplicationApplianceContext extends BlockContext {
        private final Slot<Integer> vcpu = Slot.integer("vcpu", "16");
        private final Slot<DataSize> memory = Slot.size("memory", "32.GB");
        private final Slot<DataSize> cacheDisk = Slot.size("cacheDisk", "1.TB");
        private final Slot<String> ip = Slot.text("ip", "'10.1.0.30'");
        private final Slot<String> network = Slot.text("network", "'VM Network'");
        private final Slot<String> vcenter = Slot.text("vcenter", "'vc01.ams.contoso.local'");
        private final Slot<DataRate> uplink = Slot.rate("uplink", "200.Mbps");
        private final ListSlot<SecretRef> runAsAccounts = ListSlot.secretRefs("runAsAccount", "secret('asr-push-admin')");
        private final Slot<Boolean> agentAutoUpgrade = Slot.bool("agentAutoUpgrade");
        private final String name;

        ReplicationApplianceContext(Address key, String name) {
            super("replication appliance '" + name + "'", key);
            this.name = name;
        }

        public Object vcpu(Object n) { return set(vcpu, n); }
        public Object memory(Object size) { return set(memory, size); }
        public Object cacheDisk(Object size) { return set(cacheDisk, size); }
        public Object ip(Object ip) { return set(this.ip, ip); }
        public Object network(Object network) { return set(this.network, network); }
        public Object vcenter(Object address) { return set(vcenter, address); }
        public Object uplink(Object rate) { return set(uplink, rate); }
        /** {@code runAsAccount secret('asr-push-admin')}: an account the appliance pushes the Mobility agent with; each use adds one. */
        public void runAsAccount(Object... refs) { add(runAsAccounts, refs); }
        public Object agentAutoUpgrade(Object on) { return set(agentAutoUpgrade, on); }

        ReplicationAppliance build() {
            return new ReplicationAppliance(name, vcpu.get(), memory.get(), cacheDisk.get(), ip.get(), network.get(), vcenter.get(),
                    uplink.get(), runAsAccounts.get(), agentAutoUpgrade.get());
        }
    }

    /** {@code masterTarget('mt-win01') { size 'A4'; os 'windows'; retention { size 1.TB } }} */
    public static class MasterTargetContext extends BlockContext {
        private final Slot<ServerLocation> serverLocation = Slot.token("location", ServerLocation.class);
        private final Slot<String> size = Slot.text("size", "'D14'");
        private final Slot<Integer> cores = Slot.integer("cores", "8");
        private final Slot<DataSize> memory = Slot.size("memory", "16.GB");
        private final Slot<Integer> dataDisks = Slot.integer("dataDisks", "15");
        private final Slot<OsFamily> os = Slot.token("os", OsFamily.class, "'windows'");
        private final Slot<String> osVersion = Slot.text("osVersion");
        private final Slot<String> esxiHost = Slot.text("esxiHost", "'esx01'");
        private final Slot<String> datastore = Slot.text("datastore", "'ds-gold'");
        private final Slot<Integer> snapshots = Slot.integer("snapshots", "0");
        private final Slot<ScsiController> scsiController = Slot.token("scsiController", ScsiController.class);
        private final Slot<Boolean> diskEnableUuid = Slot.bool("diskEnableUuid");
        private final Slot<ToolsState> tools = Slot.token("tools", ToolsState.class);
        private final Slot<Boolean> storageVmotionExcluded = Slot.bool("storageVmotionExcluded");
        private final Slot<String> network = Slot.text("network", "'dr-vnet'");
        private final Slot<String> ip = Slot.text("ip", "'10.20.0.10'");
        private final String name;
        private final Address address;
        private RetentionVolume retention;

        MasterTargetContext(Address address, String name) {
            super("master target '" + name + "'", address);
            this.address = address;
            this.name = name;
        }

        public Object location(Object where) { return set(serverLocation, where); }
        public Object size(Object azureSize) { return set(size, azureSize); }
        public Object cores(Object n) { return set(cores, n); }
        public Object memory(Object size) { return set(memory, size); }
        public Object dataDisks(Object n) { return set(dataDisks, n); }
        @Doc(value = "The operating system: windows or linux (MT-OS), and optionally its version, the same as or newer than the"
                + " machines that fail back through it (FB-MT-OS).", example = {"os 'windows'", "os 'linux', 'CentOS 6.6'"})
        public Object os(Object family) { return set(os, family); }
        public void os(Object family, Object version) { os(family); set(osVersion, version); }
        public Object esxiHost(Object host) { return set(esxiHost, host); }
        public Object datastore(Object ds) { return set(datastore, ds); }
        public Object snapshots(Object n) { return set(snapshots, n); }
        public Object scsiController(Object kind) { return set(scsiController, kind); }
        public Object diskEnableUuid(Object on) { return set(diskEnableUuid, on); }
        public Object tools(Object state) { return set(tools, state); }
        public Object storageVmotionExcluded(Object on) { return set(storageVmotionExcluded, on); }
        public Object network(Object network) { return set(this.network, network); }
        public Object ip(Object ip) { return set(this.ip, ip); }

        public void retention(@DelegatesTo(value = RetentionContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
            retention = Evaluation.current().configure(new RetentionContext(address, name), body).build();
        }

        MasterTarget build() {
            require(os);
            return new MasterTarget(name, serverLocation.get(), size.get(), cores.get(), memory.get(),
                    dataDisks.get(), os.get(), osVersion.get(), retention, esxiHost.get(), datastore.get(),
                    snapshots.get(), scsiController.get(), diskEnableUuid.get(), tools.get(),
                    storageVmotionExcluded.get(), network.get(), ip.get());
        }
    }

    /** {@code retention { size 1.TB; fileSystem 'NTFS'; path 'R:' }} */
    public static class RetentionContext extends BlockContext {
        private final Slot<DataSize> size = Slot.size("size", "1.TB");
        private final Slot<String> fileSystem = Slot.text("fileSystem", "'NTFS'");
        private final Slot<String> path = Slot.text("path", "'R:'");
        private final Slot<Integer> disks = Slot.integer("disks", "1");
        private final Slot<RetentionUsage> usage = Slot.token("usage", RetentionUsage.class);
        private final Slot<Boolean> locked = Slot.bool("locked");
        RetentionContext(Address masterTarget, String server) {
            super("retention volume of master target '" + server + "'", masterTarget.child(Address.Kind.RETENTION));
        }

        public Object size(Object size) { return set(this.size, size); }
        public Object fileSystem(Object fs) { return set(fileSystem, fs); }
        public Object path(Object path) { return set(this.path, path); }
        public Object disks(Object n) { return set(disks, n); }
        public Object usage(Object usage) { return set(this.usage, usage); }
        public Object locked(Object on) { return set(locked, on); }

        RetentionVolume build() {
            require(size);
            return new RetentionVolume(size.get(), fileSystem.get(), path.get(), disks.get(), usage.get(), locked.flag());
        }
    }
}
