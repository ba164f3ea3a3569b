package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;
import siteplan.model.*;
import siteplan.model.Address.Kind;
import siteplan.units.DataSize;

/** {@code vmwareVm('erp-db01') { os 'windows', 'Windows Server 2012 R2'; disk('c') { size 120.GB } }}: one protected machine. */
public class MachineContext extends BlockContext {
    private final Slot<OsFamily> os = Slot.token("os", OsFamily.class, "'windows', 'Windows Server 2012 R2'");
    private final Slot<String> osVersion = Slot.text("osVersion");
    private final Slot<Integer> bits = Slot.integer("bits", "64");
    private final Slot<Firmware> firmware = Slot.token("firmware", Firmware.class);
    private final Slot<Boolean> clustered = Slot.bool("clustered");
    private final Slot<String> hostName = Slot.text("hostName", "'ERP-DB01'");
    private final Slot<StorageController> controller = Slot.token("controller", StorageController.class);
    private final Slot<DataSize> churn = Slot.size("churn", "20.GB");
    private final Slot<Integer> iops = Slot.integer("iops", "120");
    private final Slot<String> esxiHost = Slot.text("esxiHost", "'esx01'");
    private final Slot<String> datastore = Slot.text("datastore", "'ds-gold'");
    private final Slot<ToolsState> tools = Slot.token("tools", ToolsState.class);
    private final Slot<Integer> snapshots = Slot.integer("snapshots", "0");
    private final Slot<String> hyperVHost = Slot.text("hyperVHost", "'hv01'");
    private final Slot<String> cloud = Slot.text("cloud", "'Gold'");
    private final Slot<Boolean> preventDestroy = Slot.bool("preventDestroy");
    private final ListSlot<String> tags = ListSlot.texts("tags", "'web', 'erp'");
    private final String name;
    private final MachineKind kind;
    private final String site;
    private final List<Disk> disks = new ArrayList<>();
    private final List<Nic> nics = new ArrayList<>();
    private Mobility mobility;
    private FailoverSettings failover;

    MachineContext(String name, MachineKind kind, String site) {
        super("machine '" + name + "'", Address.machine(name));
        this.name = name;
        this.kind = kind;
        this.site = site;
    }

    @Doc("The operating system: its family, windows or linux, and its version, e.g. Windows Server 2012 R2 or CentOS 6.5;"
            + " the supported ones are listed under SRC-OS.")
    public void os(Object family, Object version) {
        set(os, family);
        set(osVersion, version);
    }

    public Object bits(Object n) { return set(bits, n); }
    public Object firmware(Object kind) { return set(firmware, kind); }
    public Object clustered(Object on) { return set(clustered, on); }
    public Object hostName(Object name) { return set(hostName, name); }
    public Object controller(Object kind) { return set(controller, kind); }
    public void tags(Object... tags) { add(this.tags, tags); }
    public Object churn(Object perDay) { return set(churn, perDay); }
    public Object iops(Object n) { return set(iops, n); }
    public Object esxiHost(Object host) { return set(esxiHost, host); }
    public Object datastore(Object ds) { return set(datastore, ds); }
    public Object tools(Object state) { return set(tools, state); }
    public Object snapshots(Object n) { return set(snapshots, n); }
    public Object hyperVHost(Object host) { return set(hyperVHost, host); }
    public Object cloud(Object cloud) { return set(this.cloud, cloud); }
    public Object preventDestroy(Object on) { return set(preventDestroy, on); }

    public void disk(Object name, @DelegatesTo(value = DiskContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        disk(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void disk(String name, Closure<?> body, boolean named) {
        disks.add(Evaluation.current().configure(new DiskContext(this.name, name), body).build());
    }

    public void nic(Object name, @DelegatesTo(value = NicContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        nic(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void nic(String name, Closure<?> body, boolean named) {
        nics.add(Evaluation.current().configure(new NicContext(this.name, name), body).build());
    }

    public void mobility(@DelegatesTo(value = MobilityContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        mobility = Evaluation.current().configure(new MobilityContext(this.name), body).build();
    }

    public void failover(@DelegatesTo(value = FailoverContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        failover = Evaluation.current().configure(new FailoverContext(this.name), body).build();
    }

    Machine build() {
        require(os);
        if (churn.isSet() && disks.stream().anyMatch(d -> d.churn() != null)) {
            DataSize sum = disks.stream().map(d -> d.churn() == null ? DataSize.ZERO : d.churn()).reduce(DataSize.ZERO, DataSize::plus);
            if (!sum.equals(churn.get())) {
                problem(label + " declares churn " + churn.get().human() + " but its disks add up to " + sum.human()
                        + " — declare churn on the machine or on its disks, not both");
            }
        }
        return new Machine(name, kind, site, os.get(), osVersion.get(), bits.get(),
                firmware.get(), clustered.flag(), hostName.get(), controller.get(),
                tags.get(), churn.get(), iops.get(), disks, nics, esxiHost.get(), datastore.get(),
                tools.get(), snapshots.get(), hyperVHost.get(), cloud.get(), mobility, failover, preventDestroy.flag());
    }

    /** {@code disk('data') { size 500.GB; churn 40.GB; iops 120 }} */
    public static class DiskContext extends BlockContext {
        private final Slot<DataSize> size = Slot.size("size", "100.GB");
        private final Slot<DataSize> churn = Slot.size("churn", "20.GB");
        private final Slot<Integer> iops = Slot.integer("iops", "120");
        private final Slot<DataSize> writeSize = Slot.size("writeSize", "16.KB");
        private final Slot<String> fileSystem = Slot.text("fileSystem", "'NTFS'");
        private final Slot<String> mount = Slot.text("mount", "'D:'");
        private final Slot<Boolean> boot = Slot.bool("boot");
        private final Slot<Boolean> dynamic = Slot.bool("dynamic");
        private final Slot<Boolean> bitlocker = Slot.bool("bitlocker");
        private final Slot<String> storageClassification = Slot.text("storageClassification", "'GOLD'");
        private final String name;

        DiskContext(String machine, String name) {
            super("disk '" + name + "' of machine '" + machine + "'", Address.machine(machine).child(Kind.DISK, name));
            this.name = name;
        }

        public Object size(Object size) { return set(this.size, size); }
        public Object churn(Object perDay) { return set(churn, perDay); }
        public Object iops(Object n) { return set(iops, n); }
        public Object writeSize(Object size) { return set(writeSize, size); }
        public Object fileSystem(Object fs) { return set(fileSystem, fs); }
        public Object mount(Object mount) { return set(this.mount, mount); }
        public Object boot(Object on) { return set(boot, on); }
        public Object dynamic(Object on) { return set(dynamic, on); }
        public Object bitlocker(Object on) { return set(bitlocker, on); }
        public Object storageClassification(Object name) { return set(storageClassification, name); }

        Disk build() {
            require(size);
            return new Disk(name, size.get(), churn.get(), iops.get(), writeSize.get(), fileSystem.get(), mount.get(),
                    boot.flag(), dynamic.flag(), bitlocker.flag(), storageClassification.get());
        }
    }

    /** {@code nic('eth0') { network 'VM Network'; subnet 'servers'; ip '10.0.1.21' }} */
    public static class NicContext extends BlockContext {
        private final Slot<String> network = Slot.text("network", "'VM Network'");
        private final Slot<String> subnet = Slot.text("subnet", "'servers'");
        private final Slot<String> ip = Slot.text("ip", "'10.20.1.21'");
        private final String name;

        NicContext(String machine, String name) {
            super("nic '" + name + "' of machine '" + machine + "'", Address.machine(machine).child(Kind.NIC, name));
            this.name = name;
        }

        public Object network(Object network) { return set(this.network, network); }
        public Object subnet(Object subnet) { return set(this.subnet, subnet); }
        public Object ip(Object ip) { return set(this.ip, ip); }

        Nic build() {
            require(network);
            return new Nic(name, network.get(), subnet.get(), ip.get());
        }
    }

    /** {@code mobility { version '9.3'; install 'push'; account secret('push-admin'); accountStanding 'administrator' }} (seed 004) */
    public static class MobilityContext extends BlockContext {
        private final Slot<String> version = Slot.text("version", "'9.3'");
        private final Slot<InstallMethod> install = Slot.token("install", InstallMethod.class);
        private final Slot<SecretRef> account = Slot.secretRef("account", "secret('push-admin')");
        private final Slot<AccountStanding> accountStanding = Slot.token("accountStanding", AccountStanding.class);
        private final Slot<Boolean> vmAgent = Slot.bool("vmAgent");
        MobilityContext(String machine) {
            super("mobility service of machine '" + machine + "'", Address.machine(machine).child(Kind.MOBILITY));
        }

        public Object version(Object version) { return set(this.version, version); }
        public Object install(Object how) { return set(install, how); }
        public Object account(Object ref) { return set(account, ref); }
        /** {@code accountStanding 'root'}: what the push account is on this machine (MOB-PUSH-WIN, MOB-PUSH-LINUX). */
        public Object accountStanding(Object standing) { return set(accountStanding, standing); }
        public Object vmAgent(Object on) { return set(vmAgent, on); }

        Mobility build() {
            return new Mobility(version.get(), install.get(), account.get(), accountStanding.get(), vmAgent.get());
        }
    }

    /** {@code failover { vmSize 'Standard_A4'; network 'dr-vnet'; subnet 'servers' }} */
    public static class FailoverContext extends BlockContext {
        private final Slot<String> azureName = Slot.text("azureName", "'erp-db01-dr'");
        private final Slot<String> vmSize = Slot.text("vmSize", "'Standard_A4'");
        private final Slot<String> network = Slot.text("network", "'dr-vnet'");
        private final Slot<String> subnet = Slot.text("subnet", "'servers'");
        private final Slot<String> ip = Slot.text("ip", "'10.20.1.21'");
        FailoverContext(String machine) {
            super("failover settings of machine '" + machine + "'", Address.machine(machine).child(Kind.FAILOVER));
        }

        public Object azureName(Object name) { return set(azureName, name); }
        public Object vmSize(Object size) { return set(vmSize, size); }
        public Object network(Object network) { return set(this.network, network); }
        public Object subnet(Object subnet) { return set(this.subnet, subnet); }
        public Object ip(Object ip) { return set(this.ip, ip); }

        FailoverSettings build() {
            return new FailoverSettings(azureName.get(), vmSize.get(), network.get(), subnet.get(), ip.get());
        }
    }
}
