package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;
import siteplan.model.*;
import siteplan.model.Address.Kind;

/** {@code vmmSite('newyork') { … }}: a Hyper-V site managed by System Center VMM (seed 003). */
public class VmmSiteContext extends BlockContext {
    private final String name;
    private final List<VmmServer> servers = new ArrayList<>();
    private final List<VmmCloud> clouds = new ArrayList<>();
    private final List<HyperVHost> hosts = new ArrayList<>();
    private final List<LogicalNetwork> logicalNetworks = new ArrayList<>();
    private final List<VmNetwork> vmNetworks = new ArrayList<>();
    private final List<StorageClassification> classifications = new ArrayList<>();

    VmmSiteContext(String name) {
        super("site '" + name + "'", Address.site(name));
        this.name = name;
    }

    private Address child(Kind kind, String n) { return Address.site(name).child(kind, n); }

    @Doc(field = "servers")
    public void vmmServer(Object name, @DelegatesTo(value = VmmServerContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        vmmServer(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void vmmServer(String name, Closure<?> body, boolean named) {
        servers.add(Evaluation.current().configure(new VmmServerContext(child(Kind.VMM_SERVER, name), name), body).build());
    }

    public void cloud(Object name, @DelegatesTo(value = CloudContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        cloud(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void cloud(String name, Closure<?> body, boolean named) {
        clouds.add(Evaluation.current().configure(new CloudContext(child(Kind.CLOUD, name), name), body).build());
    }

    @Doc(field = "hosts")
    public void hyperVHost(Object name, @DelegatesTo(value = HyperVHostContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        hyperVHost(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void hyperVHost(String name, Closure<?> body, boolean named) {
        hosts.add(Evaluation.current().configure(new HyperVHostContext(child(Kind.HYPERV_HOST, name), name), body).build());
    }

    public void logicalNetwork(Object name, @DelegatesTo(value = LogicalNetworkContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        logicalNetwork(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void logicalNetwork(String name, Closure<?> body, boolean named) {
        logicalNetworks.add(Evaluation.current().configure(new LogicalNetworkContext(child(Kind.LOGICAL_NETWORK, name), name), body).build());
    }

    public void vmNetwork(Object name, @DelegatesTo(value = VmNetworkContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        vmNetwork(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void vmNetwork(String name, Closure<?> body, boolean named) {
        vmNetworks.add(Evaluation.current().configure(new VmNetworkContext(child(Kind.VM_NETWORK, name), name), body).build());
    }

    public void storageClassification(Object name, @DelegatesTo(value = ClassificationContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        storageClassification(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void storageClassification(String name, Closure<?> body, boolean named) {
        classifications.add(Evaluation.current().configure(new ClassificationContext(child(Kind.STORAGE_CLASSIFICATION, name), name), body).build());
    }

    VmmSite build() {
        return new VmmSite(name, servers, clouds, hosts, logicalNetworks, vmNetworks, classifications);
    }

    public static class VmmServerContext extends BlockContext {
        private final Slot<String> address = Slot.text("address", "'vmm01.newyork.contoso.local'");
        private final Slot<String> version = Slot.text("version", "'2012 R2'");
        private final String name;
        VmmServerContext(Address key, String name) { super("VMM server '" + name + "'", key); this.name = name; }
        public Object address(Object address) { return set(this.address, address); }
        public Object version(Object version) { return set(this.version, version); }
        VmmServer build() { return new VmmServer(name, address.get(), version.get()); }
    }

    public static class CloudContext extends BlockContext {
        private final Slot<String> server = Slot.text("server", "'VMM-NewYork'");
        private final Slot<String> capacityProfile = Slot.text("capacityProfile", "'Hyper-V'");
        private final ListSlot<String> hostGroups = ListSlot.texts("hostGroups", "'NY-Gold', 'NY-Silver'");
        private final String name;
        CloudContext(Address key, String name) { super("cloud '" + name + "'", key); this.name = name; }
        public Object server(Object vmm) { return set(server, vmm); }
        public Object capacityProfile(Object profile) { return set(capacityProfile, profile); }
        public void hostGroups(Object... groups) { add(hostGroups, groups); }
        VmmCloud build() {
            require(server);
            return new VmmCloud(name, server.get(), capacityProfile.get(), hostGroups.get());
        }
    }

    public static class HyperVHostContext extends BlockContext {
        private final Slot<String> hostGroup = Slot.text("hostGroup", "'NY-Gold'");
        private final Slot<String> windowsServer = Slot.text("windowsServer", "'2012 R2'");
        private final Slot<String> cluster = Slot.text("cluster", "'NY-Cluster01'");
        private final String name;
        HyperVHostContext(Address key, String name) { super("Hyper-V host '" + name + "'", key); this.name = name; }
        public Object hostGroup(Object group) { return set(hostGroup, group); }
        public Object windowsServer(Object version) { return set(windowsServer, version); }
        public Object cluster(Object cluster) { return set(this.cluster, cluster); }
        HyperVHost build() {
            require(hostGroup, windowsServer);
            return new HyperVHost(name, hostGroup.get(), windowsServer.get(), cluster.get());
        }
    }

    public static class LogicalNetworkContext extends BlockContext {
        private final ListSlot<String> clouds = ListSlot.texts("clouds", "'Gold', 'Silver'");
        private final String name;
        LogicalNetworkContext(Address key, String name) { super("logical network '" + name + "'", key); this.name = name; }
        public void clouds(Object... clouds) { add(this.clouds, clouds); }
        LogicalNetwork build() { return new LogicalNetwork(name, clouds.get()); }
    }

    public static class VmNetworkContext extends BlockContext {
        private final Slot<String> logicalNetwork = Slot.text("logicalNetwork");
        private final Slot<String> subnet = Slot.text("subnet", "'10.1.0.0/24'");
        private final String name;
        VmNetworkContext(Address key, String name) { super("VM network '" + name + "'", key); this.name = name; }
        public Object logicalNetwork(Object network) { return set(logicalNetwork, network); }
        public Object subnet(Object cidr) { return set(subnet, cidr); }
        VmNetwork build() {
            require(logicalNetwork);
            return new VmNetwork(name, logicalNetwork.get(), subnet.get());
        }
    }

    public static class ClassificationContext extends BlockContext {
        private final ListSlot<String> shares = ListSlot.texts("shares", "'\\\\\\\\fs01\\\\gold'");
        private final String name;
        ClassificationContext(Address key, String name) { super("storage classification '" + name + "'", key); this.name = name; }
        public void shares(Object... shares) { add(this.shares, shares); }
        StorageClassification build() { return new StorageClassification(name, shares.get()); }
    }
}
