package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;
import siteplan.model.*;
import siteplan.model.Address.Kind;

/** {@code azure('contoso-dr') { … }}: the Azure recovery target. */
public class AzureContext extends BlockContext {
    private final Slot<String> subscription = Slot.text("subscription", "'00000000-0000-0000-0000-000000000000'");
    private final Slot<String> region = Slot.text("region", "'westeurope'");
    private final Slot<String> resourceGroup = Slot.text("resourceGroup", "'rg-siterecovery'");
    private final Slot<String> vault = Slot.text("vault", "'vault-dr'");
    private final Slot<DeploymentModel> deploymentModel = Slot.token("deploymentModel", DeploymentModel.class);
    private final Slot<Integer> reservedPublicIpLimit = Slot.integer("reservedPublicIpLimit", "20");
    private final Slot<String> registrationKeyIssued = Slot.text("registrationKeyIssued", "'2016-03-01'");
    private final Slot<ProviderKind> provider = Slot.token("provider", ProviderKind.class);
    private final Slot<String> endpoint = Slot.text("endpoint", "'https://management.usgovcloudapi.net/'");
    private final Slot<SecretRef> token = Slot.secretRef("token", "secret('arm-token')");
    private final Slot<String> thumbprint = Slot.text("thumbprint", "'44:8F:62:…:9B:F6'");
    private final Slot<Architecture> architecture = Slot.token("architecture", Architecture.class, "'modernized'");
    private final String name;
    private final List<StorageAccount> storageAccounts = new ArrayList<>();
    private final List<VirtualNetwork> networks = new ArrayList<>();

    AzureContext(String name) {
        super("azure target '" + name + "'", Address.azure(name));
        this.name = name;
    }

    public Object subscription(Object id) { return set(subscription, id); }
    public Object region(Object region) { return set(this.region, region); }
    public Object resourceGroup(Object name) { return set(resourceGroup, name); }
    public Object vault(Object name) { return set(vault, name); }
    public Object deploymentModel(Object model) { return set(deploymentModel, model); }
    public Object reservedPublicIpLimit(Object n) { return set(reservedPublicIpLimit, n); }
    public Object registrationKeyIssued(Object date) { return set(registrationKeyIssued, date); }
    public Object provider(Object kind) { return set(provider, kind); }
    public Object endpoint(Object url) { mark(Kind.ENDPOINT); return set(endpoint, url); }
    public Object token(Object ref) { return set(token, ref); }
    public Object thumbprint(Object sha256) { mark(Kind.THUMBPRINT); return set(thumbprint, sha256); }
    /** {@code architecture 'modernized'}: which Site Recovery design the vault uses for VMware and physical machines (a vault holds one). */
    public Object architecture(Object design) { return set(architecture, design); }

    public void storageAccount(Object name, @DelegatesTo(value = StorageAccountContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        storageAccount(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void storageAccount(String name, Closure<?> body, boolean named) {
        StorageAccountContext c = Evaluation.current().configure(new StorageAccountContext(this.name, name), body);
        storageAccounts.add(c.build());
    }

    public void network(Object name, @DelegatesTo(value = VirtualNetworkContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        network(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void network(String name, Closure<?> body, boolean named) {
        VirtualNetworkContext c = Evaluation.current().configure(new VirtualNetworkContext(this.name, name), body);
        networks.add(c.build());
    }

    AzureTarget build() {
        require(subscription, region, resourceGroup, vault);
        return new AzureTarget(name, subscription.get(), region.get(), resourceGroup.get(), vault.get(),
                deploymentModel.get(), reservedPublicIpLimit.get(), registrationKeyIssued.get(),
                storageAccounts, networks, provider.get(), endpoint.get(), token.get(), thumbprint.get(), architecture.get());
    }

    /** {@code storageAccount('drstore01') { replication 'grs' }} */
    public static class StorageAccountContext extends BlockContext {
        private final Slot<StorageReplication> replication = Slot.token("replication", StorageReplication.class, "'grs'");
        private final Slot<String> region = Slot.text("region", "'westeurope'");
        private final Slot<String> subscription = Slot.text("subscription", "'00000000-0000-0000-0000-000000000000'");
        private final String name;

        StorageAccountContext(String target, String name) {
            super("storage account '" + name + "'", Address.azure(target).child(Kind.STORAGE_ACCOUNT, name));
            this.name = name;
        }

        public Object replication(Object kind) { return set(replication, kind); }
        public Object region(Object region) { return set(this.region, region); }
        public Object subscription(Object id) { return set(subscription, id); }

        StorageAccount build() {
            require(replication);
            return new StorageAccount(name, replication.get(), region.get(), subscription.get());
        }
    }

    /** {@code network('dr-vnet') { addressSpace '10.10.0.0/16'; subnet 'servers', '10.10.1.0/24' }} */
    public static class VirtualNetworkContext extends BlockContext {
        private final Slot<String> region = Slot.text("region", "'westeurope'");
        private final Slot<Boolean> drill = Slot.bool("drill");
        private final ListSlot<String> addressSpace = ListSlot.texts("addressSpace", "'10.20.0.0/16'");
        private final String name;
        private final Address address;
        private final List<Subnet> subnets = new ArrayList<>();

        VirtualNetworkContext(String target, String name) {
            this(Address.azure(target).child(Kind.NETWORK, name), name);
        }

        private VirtualNetworkContext(Address address, String name) {
            super("network '" + name + "'", address);
            this.address = address;
            this.name = name;
        }

        public Object region(Object region) { return set(this.region, region); }
        public void addressSpace(Object... cidrs) { add(addressSpace, cidrs); }
        public Object drill(Object isolated) { return set(drill, isolated); }

        @Doc(value = "A subnet of the network: its name and address range in CIDR form, inside the address space.",
                example = "subnet 'servers', '10.20.1.0/24'")
        public void subnet(String name, String prefix) {
            Evaluation.current().sources.add(address.child(Kind.SUBNET, name), Evaluation.current().here());
            subnets.add(new Subnet(name, prefix));
        }

        VirtualNetwork build() {
            return new VirtualNetwork(name, region.get(), addressSpace.get(), subnets, drill.flag());
        }
    }
}
