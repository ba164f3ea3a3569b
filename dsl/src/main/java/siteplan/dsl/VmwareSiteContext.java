package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;
import siteplan.model.*;
import siteplan.model.Address.Kind;
import siteplan.units.DataSize;

/** {@code vmwareSite('amsterdam') { … }}: an on-premises VMware or physical site and its Site Recovery servers. */
public class VmwareSiteContext extends BlockContext {
    private final Slot<ReplicationMechanism> replication = Slot.token("replication", ReplicationMechanism.class);
    private final Slot<FailbackConnection> failbackConnection = Slot.token("failbackConnection", FailbackConnection.class);
    private final String name;
    private Vcenter vcenter;
    private ConfigurationServer configurationServer;
    private final List<EsxiHost> hosts = new ArrayList<>();
    private final List<Datastore> datastores = new ArrayList<>();
    private final List<PortGroup> networks = new ArrayList<>();
    private final List<ProcessServer> processServers = new ArrayList<>();
    private final List<MasterTarget> masterTargets = new ArrayList<>();
    private final List<ReplicationAppliance> appliances = new ArrayList<>();

    VmwareSiteContext(String name) {
        super("site '" + name + "'", Address.site(name));
        this.name = name;
    }

    private Address child(Kind kind, String n) { return Address.site(name).child(kind, n); }

    public Object replication(Object mechanism) { return set(replication, mechanism); }
    public Object failbackConnection(Object link) { return set(failbackConnection, link); }

    public void vcenter(Object address, @DelegatesTo(value = VcenterContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        vcenter(String.valueOf(address), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void vcenter(String address, Closure<?> body, boolean named) {
        if (vcenter != null) problem("site '" + name + "' declares vcenter twice; a site has one vCenter");
        vcenter = Evaluation.current().configure(new VcenterContext(child(Kind.VCENTER, address), address), body).build();
    }

    public void host(Object name, @DelegatesTo(value = HostContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        host(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void host(String name, Closure<?> body, boolean named) {
        hosts.add(Evaluation.current().configure(new HostContext(child(Kind.HOST, name), name), body).build());
    }

    public void datastore(Object name, @DelegatesTo(value = DatastoreContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        datastore(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void datastore(String name, Closure<?> body, boolean named) {
        datastores.add(Evaluation.current().configure(new DatastoreContext(child(Kind.DATASTORE, name), name), body).build());
    }

    @Doc(value = "A VM network (port group) of the site, optionally with its subnet in CIDR form; network mappings name it.",
            example = {"network 'VM Network'", "network 'VM Network', '10.0.1.0/24'"})
    public void network(String name) {
        Evaluation.current().sources.add(child(Kind.NETWORK, name), Evaluation.current().here());
        networks.add(new PortGroup(name, null));
    }

    public void network(String name, String subnet) {
        Evaluation.current().sources.add(child(Kind.NETWORK, name), Evaluation.current().here());
        networks.add(new PortGroup(name, subnet));
    }

    public void configurationServer(Object name, @DelegatesTo(value = ServerContexts.ConfigurationServerContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        configurationServer(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void configurationServer(String name, Closure<?> body, boolean named) {
        if (configurationServer != null) problem("site '" + this.name + "' declares a second configuration server '" + name + "'; declare one per site");
        configurationServer = Evaluation.current().configure(new ServerContexts.ConfigurationServerContext(child(Kind.CONFIGURATION_SERVER, name), name), body).build();
    }

    public void processServer(Object name, @DelegatesTo(value = ServerContexts.ProcessServerContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        processServer(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void processServer(String name, Closure<?> body, boolean named) {
        processServers.add(Evaluation.current().configure(new ServerContexts.ProcessServerContext(child(Kind.PROCESS_SERVER, name), name), body).build());
    }

    public void masterTarget(Object name, @DelegatesTo(value = ServerContexts.MasterTargetContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        masterTarget(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void masterTarget(String name, Closure<?> body, boolean named) {
        masterTargets.add(Evaluation.current().configure(new ServerContexts.MasterTargetContext(child(Kind.MASTER_TARGET, name), name), body).build());
    }

    @Doc(value = "A replication appliance of the modernized architecture: it discovers the site's machines, pushes the Mobility agent and replicates them (it replaces the configuration, process and master target servers).")
    public void replicationAppliance(Object name, @DelegatesTo(value = ServerContexts.ReplicationApplianceContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        replicationAppliance(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void replicationAppliance(String name, Closure<?> body, boolean named) {
        appliances.add(Evaluation.current().configure(new ServerContexts.ReplicationApplianceContext(child(Kind.APPLIANCE, name), name), body).build());
    }

    VmwareSite build() {
        return new VmwareSite(name, vcenter, hosts, datastores, networks, replication.get(),
                failbackConnection.get(), configurationServer, processServers, masterTargets, appliances);
    }

    /** {@code vcenter('vc01.corp.local') { credential secret('vcenter-admin') }} */
    public static class VcenterContext extends BlockContext {
        private final Slot<Integer> port = Slot.integer("port", "443");
        private final Slot<SecretRef> credential = Slot.secretRef("credential", "secret('vcenter-asr')");
        private final Slot<VcenterAccess> access = Slot.token("access", VcenterAccess.class);
        private final Slot<String> version = Slot.text("version", "'5.5'");
        private final Slot<ProviderKind> provider = Slot.token("provider", ProviderKind.class);
        private final Slot<String> user = Slot.text("user", "'administrator@vsphere.local'");
        private final Slot<String> thumbprint = Slot.text("thumbprint", "'44:8F:62:…:9B:F6'");
        private final String address;

        VcenterContext(Address key, String address) {
            super("vcenter '" + address + "'", key);
            this.address = address;
        }

        public Object port(Object port) { return set(this.port, port); }
        public Object credential(Object ref) { return set(credential, ref); }
        public Object access(Object rights) { return set(access, rights); }
        public Object version(Object version) { return set(this.version, version); }
        public Object provider(Object kind) { return set(provider, kind); }
        public Object user(Object name) { return set(user, name); }
        public Object thumbprint(Object sha256) { mark(Kind.THUMBPRINT); return set(thumbprint, sha256); }

        Vcenter build() {
            return new Vcenter(address, port.get(), credential.get(), access.get(), version.get(),
                    provider.get(), user.get(), thumbprint.get());
        }
    }

    /** {@code host('esx01') { version '5.5'; edition 'enterprise' }} */
    public static class HostContext extends BlockContext {
        private final Slot<String> version = Slot.text("version", "'5.5'");
        private final Slot<String> edition = Slot.text("edition", "'enterprise'");
        private final String name;

        HostContext(Address key, String name) {
            super("host '" + name + "'", key);
            this.name = name;
        }

        public Object version(Object version) { return set(this.version, version); }
        public Object edition(Object edition) { return set(this.edition, edition); }

        EsxiHost build() {
            require(version);
            return new EsxiHost(name, version.get(), edition.get());
        }
    }

    /** {@code datastore('ds-gold') { type 'vmfs'; capacity 20.TB }} */
    public static class DatastoreContext extends BlockContext {
        private final Slot<DatastoreType> type = Slot.token("type", DatastoreType.class, "'vmfs'");
        private final Slot<DataSize> capacity = Slot.size("capacity", "20.TB");
        private final Slot<String> host = Slot.text("host", "'esx01'");
        private final String name;

        DatastoreContext(Address key, String name) {
            super("datastore '" + name + "'", key);
            this.name = name;
        }

        public Object type(Object type) { return set(this.type, type); }
        public Object capacity(Object size) { return set(capacity, size); }
        public Object host(Object host) { return set(this.host, host); }

        Datastore build() {
            require(type);
            return new Datastore(name, type.get(), capacity.get(), host.get());
        }
    }
}
