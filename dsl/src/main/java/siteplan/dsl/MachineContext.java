package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;
import siteplan.model.*;
import siteplan.units.DataSize;

/** {@code vmwareVm('erp-db01') { os 'windows', 'Windows Server 2012 R2'; disk('c') { size 120.GB } }}: one protected machine. */
public class MachineContext extends BlockContext {
    private final String name;
    private final MachineKind kind;
    private final String site;
    private final List<Disk> disks = new ArrayList<>();
    private final List<Nic> nics = new ArrayList<>();
    private Mobility mobility;
    private FailoverSettings failover;

    MachineContext(String name, MachineKind kind, String site) {
        super("machine '" + name + "'", "machine:" + name);
        this.name = name;
        this.kind = kind;
        this.site = site;
    }

    public void os(Object family, Object version) {
        set("os", family, ValueType.oneOf(OsFamily.class));
        set("osVersion", version, ValueType.TEXT);
    }

    public Object bits(Object n) { return set("bits", n, ValueType.INT); }
    public Object firmware(Object kind) { return set("firmware", kind, ValueType.oneOf(Firmware.class)); }
    public Object clustered(Object on) { return set("clustered", on, ValueType.BOOL); }
    public Object hostName(Object name) { return set("hostName", name, ValueType.TEXT); }
    public Object controller(Object kind) { return set("controller", kind, ValueType.oneOf(StorageController.class)); }
    public void tags(Object... tags) { add("tags", tags, ValueType.TEXT); }
    public Object churn(Object perDay) { return set("churn", perDay, ValueType.SIZE); }
    public Object iops(Object n) { return set("iops", n, ValueType.INT); }
    public Object esxiHost(Object host) { return set("esxiHost", host, ValueType.TEXT); }
    public Object datastore(Object ds) { return set("datastore", ds, ValueType.TEXT); }
    public Object tools(Object state) { return set("tools", state, ValueType.oneOf(ToolsState.class)); }
    public Object snapshots(Object n) { return set("snapshots", n, ValueType.INT); }
    public Object hyperVHost(Object host) { return set("hyperVHost", host, ValueType.TEXT); }
    public Object cloud(Object cloud) { return set("cloud", cloud, ValueType.TEXT); }
    public Object preventDestroy(Object on) { return set("preventDestroy", on, ValueType.BOOL); }

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

    @Override protected String exampleFor(String p) {
        return p.equals("os") ? "'windows', 'Windows Server 2012 R2'" : super.exampleFor(p);
    }

    Machine build() {
        require("os");
        if (hasValue("churn") && disks.stream().anyMatch(d -> d.churn() != null)) {
            DataSize sum = disks.stream().map(d -> d.churn() == null ? DataSize.ZERO : d.churn()).reduce(DataSize.ZERO, DataSize::plus);
            if (!sum.equals(sizeValue("churn"))) {
                problem(label + " declares churn " + sizeValue("churn").human() + " but its disks add up to " + sum.human()
                        + " — declare churn on the machine or on its disks, not both");
            }
        }
        return new Machine(name, kind, site, tokenValue("os", OsFamily.class), textValue("osVersion"), integerValue("bits"),
                tokenValue("firmware", Firmware.class), flagValue("clustered"), textValue("hostName"), tokenValue("controller", StorageController.class),
                textsValue("tags"), sizeValue("churn"), integerValue("iops"), disks, nics, textValue("esxiHost"), textValue("datastore"),
                tokenValue("tools", ToolsState.class), integerValue("snapshots"), textValue("hyperVHost"), textValue("cloud"), mobility, failover, flagValue("preventDestroy"));
    }

    /** {@code disk('data') { size 500.GB; churn 40.GB; iops 120 }} */
    public static class DiskContext extends BlockContext {
        private final String name;

        DiskContext(String machine, String name) {
            super("disk '" + name + "' of machine '" + machine + "'", "machine:" + machine + "/disk:" + name);
            this.name = name;
        }

        public Object size(Object size) { return set("size", size, ValueType.SIZE); }
        public Object churn(Object perDay) { return set("churn", perDay, ValueType.SIZE); }
        public Object iops(Object n) { return set("iops", n, ValueType.INT); }
        public Object writeSize(Object size) { return set("writeSize", size, ValueType.SIZE); }
        public Object fileSystem(Object fs) { return set("fileSystem", fs, ValueType.TEXT); }
        public Object mount(Object mount) { return set("mount", mount, ValueType.TEXT); }
        public Object boot(Object on) { return set("boot", on, ValueType.BOOL); }
        public Object dynamic(Object on) { return set("dynamic", on, ValueType.BOOL); }
        public Object bitlocker(Object on) { return set("bitlocker", on, ValueType.BOOL); }
        public Object storageClassification(Object name) { return set("storageClassification", name, ValueType.TEXT); }

        @Override protected String exampleFor(String p) { return p.equals("size") ? "100.GB" : super.exampleFor(p); }

        Disk build() {
            require("size");
            return new Disk(name, sizeValue("size"), sizeValue("churn"), integerValue("iops"), sizeValue("writeSize"), textValue("fileSystem"), textValue("mount"),
                    flagValue("boot"), flagValue("dynamic"), flagValue("bitlocker"), textValue("storageClassification"));
        }
    }

    /** {@code nic('eth0') { network 'VM Network'; subnet 'servers'; ip '10.0.1.21' }} */
    public static class NicContext extends BlockContext {
        private final String name;

        NicContext(String machine, String name) {
            super("nic '" + name + "' of machine '" + machine + "'", "machine:" + machine + "/nic:" + name);
            this.name = name;
        }

        public Object network(Object network) { return set("network", network, ValueType.TEXT); }
        public Object subnet(Object subnet) { return set("subnet", subnet, ValueType.TEXT); }
        public Object ip(Object ip) { return set("ip", ip, ValueType.TEXT); }

        @Override protected String exampleFor(String p) { return p.equals("network") ? "'VM Network'" : super.exampleFor(p); }

        Nic build() {
            require("network");
            return new Nic(name, textValue("network"), textValue("subnet"), textValue("ip"));
        }
    }

    /** {@code mobility { version '9.3'; install 'push'; account secret('push-admin') }} (seed 004) */
    public static class MobilityContext extends BlockContext {
        MobilityContext(String machine) {
            super("mobility service of machine '" + machine + "'", "machine:" + machine + "/mobility");
        }

        public Object version(Object version) { return set("version", version, ValueType.TEXT); }
        public Object install(Object how) { return set("install", how, ValueType.oneOf(InstallMethod.class)); }
        public Object account(Object ref) { return set("account", ref, ValueType.SECRET); }
        public Object vmAgent(Object on) { return set("vmAgent", on, ValueType.BOOL); }

        Mobility build() {
            return new Mobility(textValue("version"), tokenValue("install", InstallMethod.class), secretRefValue("account"), boolValue("vmAgent"));
        }
    }

    /** {@code failover { vmSize 'Standard_A4'; network 'dr-vnet'; subnet 'servers' }} */
    public static class FailoverContext extends BlockContext {
        FailoverContext(String machine) {
            super("failover settings of machine '" + machine + "'", "machine:" + machine + "/failover");
        }

        public Object azureName(Object name) { return set("azureName", name, ValueType.TEXT); }
        public Object vmSize(Object size) { return set("vmSize", size, ValueType.TEXT); }
        public Object network(Object network) { return set("network", network, ValueType.TEXT); }
        public Object subnet(Object subnet) { return set("subnet", subnet, ValueType.TEXT); }
        public Object ip(Object ip) { return set("ip", ip, ValueType.TEXT); }

        FailoverSettings build() {
            return new FailoverSettings(textValue("azureName"), textValue("vmSize"), textValue("network"), textValue("subnet"), textValue("ip"));
        }
    }
}
