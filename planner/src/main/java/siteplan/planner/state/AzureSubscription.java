package siteplan.planner.state;

import java.util.List;

/**
 * The Azure resources of a target's resource group that siteplan reads: virtual networks, storage
 * accounts, and (from a real subscription) the VMs and public IP addresses already there.
 */
public record AzureSubscription(String target, String subscription, String region, List<AzureNetwork> networks, List<AzureStorageAccount> storageAccounts,
                                List<AzureVm> vms, List<PublicIp> publicIps) {
    public AzureSubscription {
        networks = DiscoveredState.sorted(networks, java.util.Comparator.comparing(AzureNetwork::name));
        storageAccounts = DiscoveredState.sorted(storageAccounts, java.util.Comparator.comparing(AzureStorageAccount::name));
        vms = DiscoveredState.sorted(vms, java.util.Comparator.comparing(AzureVm::name));
        publicIps = DiscoveredState.sorted(publicIps, java.util.Comparator.comparing(PublicIp::name));
    }

    /** Networks and storage only: what the simulated estate models. */
    public AzureSubscription(String target, String subscription, String region, List<AzureNetwork> networks, List<AzureStorageAccount> storageAccounts) {
        this(target, subscription, region, networks, storageAccounts, null, null);
    }

    /** A virtual network with its address spaces and subnets ("name=prefix"). */
    public record AzureNetwork(String name, String region, List<String> addressSpace, List<String> subnets) {
        public AzureNetwork {
            addressSpace = DiscoveredState.copy(addressSpace);
            subnets = DiscoveredState.copy(subnets);
        }
    }

    /** A storage account with its redundancy (sku) and region. */
    public record AzureStorageAccount(String name, String sku, String region) {}

    /** A VM in the resource group (a failed-over machine, a component server in Azure) with its size. */
    public record AzureVm(String name, String size, String region) {}

    /** A public IP address: static ones are reserved and count against the subscription's limit (CS-RESERVED-IP). */
    public record PublicIp(String name, String address, String allocation, String region) {}
}
