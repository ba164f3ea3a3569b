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

        public void location(Object where) { set("location", where, ValueType.oneOf(ServerLocation.class)); }
        public void ip(Object ip) { set("ip", ip, ValueType.TEXT); }
        public void network(Object network) { set("network", network, ValueType.TEXT); }
        public void subnet(Object subnet) { set("subnet", subnet, ValueType.TEXT); }
        public void passphrase(Object ref) { set("passphrase", ref, ValueType.SECRET); }
        public void nics(Object count) { set("nics", count, ValueType.INT); }
        public void vmSize(Object size) { set("vmSize", size, ValueType.TEXT); }

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

        public void location(Object where) { set("location", where, ValueType.oneOf(ServerLocation.class)); }
        public void vcpu(Object n) { set("vcpu", n, ValueType.INT); }
        public void memory(Object size) { set("memory", size, ValueType.SIZE); }
        public void cacheDisk(Object size) { set("cacheDisk", size, ValueType.SIZE); }
        public void osDisk(Object size) { set("osDisk", size, ValueType.SIZE); }
        public void uplink(Object rate) { set("uplink", rate, ValueType.RATE); }
        public void ip(Object ip) { set("ip", ip, ValueType.TEXT); }
        public void network(Object network) { set("network", network, ValueType.TEXT); }
        public void vsphereCli(Object version) { set("vsphereCli", version, ValueType.TEXT); }
        public void deploymentModel(Object model) { set("deploymentModel", model, ValueType.oneOf(DeploymentModel.class)); }

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

        public void location(Object where) { set("location", where, ValueType.oneOf(ServerLocation.class)); }
        public void size(Object azureSize) { set("size", azureSize, ValueType.TEXT); }
        public void cores(Object n) { set("cores", n, ValueType.INT); }
        public void memory(Object size) { set("memory", size, ValueType.SIZE); }
        public void dataDisks(Object n) { set("dataDisks", n, ValueType.INT); }
        public void os(Object family) { set("os", family, ValueType.oneOf(OsFamily.class)); }
        public void os(Object family, Object version) { os(family); set("osVersion", version, ValueType.TEXT); }
        public void esxiHost(Object host) { set("esxiHost", host, ValueType.TEXT); }
        public void datastore(Object ds) { set("datastore", ds, ValueType.TEXT); }
        public void snapshots(Object n) { set("snapshots", n, ValueType.INT); }
        public void scsiController(Object kind) { set("scsiController", kind, ValueType.oneOf(ScsiController.class)); }
        public void diskEnableUuid(Object on) { set("diskEnableUuid", on, ValueType.BOOL); }
        public void tools(Object state) { set("tools", state, ValueType.oneOf(ToolsState.class)); }
        public void storageVmotionExcluded(Object on) { set("storageVmotionExcluded", on, ValueType.BOOL); }
        public void network(Object network) { set("network", network, ValueType.TEXT); }
        public void ip(Object ip) { set("ip", ip, ValueType.TEXT); }

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

        public void size(Object size) { set("size", size, ValueType.SIZE); }
        public void fileSystem(Object fs) { set("fileSystem", fs, ValueType.TEXT); }
        public void path(Object path) { set("path", path, ValueType.TEXT); }
        public void disks(Object n) { set("disks", n, ValueType.INT); }
        public void usage(Object usage) { set("usage", usage, ValueType.oneOf(RetentionUsage.class)); }
        public void locked(Object on) { set("locked", on, ValueType.BOOL); }

        @Override protected String exampleFor(String p) { return p.equals("size") ? "1.TB" : super.exampleFor(p); }

        RetentionVolume build() {
            require("size");
            return new RetentionVolume(sizeValue("size"), textValue("fileSystem"), textValue("path"), integerValue("disks"), tokenValue("usage", RetentionUsage.class), flagValue("locked"));
        }
    }
}
