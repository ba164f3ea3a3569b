package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;
import siteplan.model.*;

/** {@code azure('contoso-dr') { … }}: the Azure recovery target. */
public class AzureContext extends BlockContext {
    private final String name;
    private final List<StorageAccount> storageAccounts = new ArrayList<>();
    private final List<VirtualNetwork> networks = new ArrayList<>();

    AzureContext(String name) {
        super("azure target '" + name + "'", "azure:" + name);
        this.name = name;
    }

    public Object subscription(Object id) { return set("subscription", id, ValueType.TEXT); }
    public Object region(Object region) { return set("region", region, ValueType.TEXT); }
    public Object resourceGroup(Object name) { return set("resourceGroup", name, ValueType.TEXT); }
    public Object vault(Object name) { return set("vault", name, ValueType.TEXT); }
    public Object deploymentModel(Object model) { return set("deploymentModel", model, ValueType.oneOf(DeploymentModel.class)); }
    public Object reservedPublicIpLimit(Object n) { return set("reservedPublicIpLimit", n, ValueType.INT); }
    public Object registrationKeyIssued(Object date) { return set("registrationKeyIssued", date, ValueType.TEXT); }
    public Object provider(Object kind) { return set("provider", kind, ValueType.oneOf(ProviderKind.class)); }
    public Object endpoint(Object url) { mark("endpoint"); return set("endpoint", url, ValueType.TEXT); }
    public Object token(Object ref) { return set("token", ref, ValueType.SECRET); }
    public Object thumbprint(Object sha256) { mark("thumbprint"); return set("thumbprint", sha256, ValueType.TEXT); }

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

    @Override protected String exampleFor(String p) {
        return switch (p) {
            case "subscription" -> "'00000000-0000-0000-0000-000000000000'";
            case "region" -> "'westeurope'";
            case "resourceGroup" -> "'rg-siterecovery'";
            case "vault" -> "'vault-dr'";
            default -> super.exampleFor(p);
        };
    }

    AzureTarget build() {
        require("subscription", "region", "resourceGroup", "vault");
        return new AzureTarget(name, textValue("subscription"), textValue("region"), textValue("resourceGroup"), textValue("vault"),
                tokenValue("deploymentModel", DeploymentModel.class), integerValue("reservedPublicIpLimit"), textValue("registrationKeyIssued"),
                storageAccounts, networks, tokenValue("provider", ProviderKind.class), textValue("endpoint"), secretRefValue("token"), textValue("thumbprint"));
    }

    /** {@code storageAccount('drstore01') { replication 'grs' }} */
    public static class StorageAccountContext extends BlockContext {
        private final String name;

        StorageAccountContext(String target, String name) {
            super("storage account '" + name + "'", "azure:" + target + "/storageAccount:" + name);
            this.name = name;
        }

        public Object replication(Object kind) { return set("replication", kind, ValueType.oneOf(StorageReplication.class)); }
        public Object region(Object region) { return set("region", region, ValueType.TEXT); }
        public Object subscription(Object id) { return set("subscription", id, ValueType.TEXT); }

        @Override protected String exampleFor(String p) { return p.equals("replication") ? "'grs'" : super.exampleFor(p); }

        StorageAccount build() {
            require("replication");
            return new StorageAccount(name, tokenValue("replication", StorageReplication.class), textValue("region"), textValue("subscription"));
        }
    }

    /** {@code network('dr-vnet') { addressSpace '10.10.0.0/16'; subnet 'servers', '10.10.1.0/24' }} */
    public static class VirtualNetworkContext extends BlockContext {
        private final String name;
        private final List<Subnet> subnets = new ArrayList<>();

        VirtualNetworkContext(String target, String name) {
            super("network '" + name + "'", "azure:" + target + "/network:" + name);
            this.name = name;
        }

        public Object region(Object region) { return set("region", region, ValueType.TEXT); }
        public void addressSpace(Object... cidrs) { add("addressSpace", cidrs, ValueType.TEXT); }
        public Object drill(Object isolated) { return set("drill", isolated, ValueType.BOOL); }

        public void subnet(String name, String prefix) {
            Evaluation.current().sources.add(key + "/subnet:" + name, Evaluation.current().here());
            subnets.add(new Subnet(name, prefix));
        }

        VirtualNetwork build() {
            return new VirtualNetwork(name, textValue("region"), textsValue("addressSpace"), subnets, flagValue("drill"));
        }
    }
}
