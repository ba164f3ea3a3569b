package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import siteplan.model.*;

/** Blocks for the Site Recovery component servers of a VMware site (seed 000 Table 1 and 2, seed 001). */
public final class ServerContexts {
    private ServerContexts() {}

    /** {@code configurationServer('cs01') { location 'azure'; ip '10.10.0.10'; passphrase secret('cs01-passphrase') }} */
    public static class ConfigurationServerContext extends BlockContext {
        private final String name;

        ConfigurationServerContext(String key, String name) {
            super("configuration server '" + name + "'", key);
            this.name = name;
        }

        public Object location(Object where) { return set("location", where, ValueType.oneOf(ServerLocation.class)); }
        public Object ip(Object ip) { return set("ip", ip, ValueType.TEXT); }
        public Object network(Object network) { return set("network", network, ValueType.TEXT); }
        public Object subnet(Object subnet) { return set("subnet", subnet, ValueType.TEXT); }
        public Object passphrase(Object ref) { return set("passphrase", ref, ValueType.SECRET); }
        public Object nics(Object count) { return set("nics", count, ValueType.INT); }
        public Object vmSize(Object size) { return set("vmSize", size, ValueType.TEXT); }

        @Override protected String exampleFor(String p) { return p.equals("location") ? "'azure'" : super.exampleFor(p); }

        ConfigurationServer build() {
            require("location");
            return new ConfigurationServer(name, tokenValue("location", ServerLocation.class), textValue("ip"), textValue("network"), textValue("subnet"),
                    secretRefValue("passphrase"), integerValue("nics"), textValue("vmSize"));
        }
    }

    /** {@code processServer('ps01') { vcpu 8; memory 6.GB; cacheDisk 600.GB; uplink 60.Mbps }} */
    public static class ProcessServerContext extends BlockContext {
        private final String name;

        ProcessServerContext(String key, String name) {
            super("process server '" + name + "'", key);
            this.name = name;
        }

        public Object location(Object where) { return set("location", where, ValueType.oneOf(ServerLocation.class)); }
        public Object vcpu(Object n) { return set("vcpu", n, ValueType.INT); }
        public Object memory(Object size) { return set("memory", size, ValueType.SIZE); }
        public Object cacheDisk(Object size) { return set("cacheDisk", size, ValueType.SIZE); }
        public Object osDisk(Object size) { return set("osDisk", size, ValueType.SIZE); }
        public Object uplink(Object rate) { return set("uplink", rate, ValueType.RATE); }
        public Object ip(Object ip) { return set("ip", ip, ValueType.TEXT); }
        public Object network(Object network) { return set("network", network, ValueType.TEXT); }
        public Object vsphereCli(Object version) { return set("vsphereCli", version, ValueType.TEXT); }
        public Object deploymentModel(Object model) { return set("deploymentModel", model, ValueType.oneOf(DeploymentModel.class)); }

        ProcessServer build() {
            return new ProcessServer(name, tokenValue("location", ServerLocation.class), integerValue("vcpu"), sizeValue("memory"), sizeValue("cacheDisk"),
                    sizeValue("osDisk"), rateValue("uplink"), textValue("ip"), textValue("network"), textValue("vsphereCli"), tokenValue("deploymentModel", DeploymentModel.class));
        }
    }

    /** {@code masterTarget('mt-win01') { size 'A4'; os 'windows'; retention { size 1.TB } }} */
    public static class MasterTargetContext extends BlockContext {
        private final String name;
        private RetentionVolume retention;

        MasterTargetContext(String key, String name) {
            super("master target '" + name + "'", key);
            this.name = name;
        }

        public Object location(Object where) { return set("location", where, ValueType.oneOf(ServerLocation.class)); }
        public Object size(Object azureSize) { return set("size", azureSize, ValueType.TEXT); }
        public Object cores(Object n) { return set("cores", n, ValueType.INT); }
        public Object memory(Object size) { return set("memory", size, ValueType.SIZE); }
        public Object dataDisks(Object n) { return set("dataDisks", n, ValueType.INT); }
        public Object os(Object family) { return set("os", family, ValueType.oneOf(OsFamily.class)); }
        public void os(Object family, Object version) { os(family); set("osVersion", version, ValueType.TEXT); }
        public Object esxiHost(Object host) { return set("esxiHost", host, ValueType.TEXT); }
        public Object datastore(Object ds) { return set("datastore", ds, ValueType.TEXT); }
        public Object snapshots(Object n) { return set("snapshots", n, ValueType.INT); }
        public Object scsiController(Object kind) { return set("scsiController", kind, ValueType.oneOf(ScsiController.class)); }
        public Object diskEnableUuid(Object on) { return set("diskEnableUuid", on, ValueType.BOOL); }
        public Object tools(Object state) { return set("tools", state, ValueType.oneOf(ToolsState.class)); }
        public Object storageVmotionExcluded(Object on) { return set("storageVmotionExcluded", on, ValueType.BOOL); }
        public Object network(Object network) { return set("network", network, ValueType.TEXT); }
        public Object ip(Object ip) { return set("ip", ip, ValueType.TEXT); }

        public void retention(@DelegatesTo(value = RetentionContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
            retention = Evaluation.current().configure(new RetentionContext(key + "/retention", name), body).build();
        }

        @Override protected String exampleFor(String p) { return p.equals("os") ? "'windows'" : super.exampleFor(p); }

        MasterTarget build() {
            require("os");
            return new MasterTarget(name, tokenValue("location", ServerLocation.class), textValue("size"), integerValue("cores"), sizeValue("memory"),
                    integerValue("dataDisks"), tokenValue("os", OsFamily.class), textValue("osVersion"), retention, textValue("esxiHost"), textValue("datastore"),
                    integerValue("snapshots"), tokenValue("scsiController", ScsiController.class), boolValue("diskEnableUuid"), tokenValue("tools", ToolsState.class),
                    boolValue("storageVmotionExcluded"), textValue("network"), textValue("ip"));
        }
    }

    /** {@code retention { size 1.TB; fileSystem 'NTFS'; path 'R:' }} */
    public static class RetentionContext extends BlockContext {
        RetentionContext(String key, String server) {
            super("retention volume of master target '" + server + "'", key);
        }

        public Object size(Object size) { return set("size", size, ValueType.SIZE); }
        public Object fileSystem(Object fs) { return set("fileSystem", fs, ValueType.TEXT); }
        public Object path(Object path) { return set("path", path, ValueType.TEXT); }
        public Object disks(Object n) { return set("disks", n, ValueType.INT); }
        public Object usage(Object usage) { return set("usage", usage, ValueType.oneOf(RetentionUsage.class)); }
        public Object locked(Object on) { return set("locked", on, ValueType.BOOL); }

        @Override protected String exampleFor(String p) { return p.equals("size") ? "1.TB" : super.exampleFor(p); }

        RetentionVolume build() {
            require("size");
            return new RetentionVolume(sizeValue("size"), textValue("fileSystem"), textValue("path"), integerValue("disks"), tokenValue("usage", RetentionUsage.class), flagValue("locked"));
        }
    }
}
