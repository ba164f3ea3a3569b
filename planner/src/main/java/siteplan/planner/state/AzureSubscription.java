package siteplan.planner.state;

import java.util.List;

/** The Azure resources of a target's subscription that siteplan reads: virtual networks and storage accounts. */
public record AzureSubscription(String target, String subscription, String region, List<AzureNetwork> networks, List<AzureStorageAccount> storageAccounts) {
    public AzureSubscription {
        networks = DiscoveredState.sorted(networks, java.util.Comparator.comparing(AzureNetwork::name));
        storageAccounts = DiscoveredState.sorted(storageAccounts, java.util.Comparator.comparing(AzureStorageAccount::name));
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
}
