package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("Azure as a recovery site: the subscription, region and Recovery Services vault, with the storage and networks replicas use.")
public record AzureTarget(
        @Required @JsonPropertyDescription("Name other blocks use to refer to this target.") String name,
        @Required @JsonPropertyDescription("Subscription ID.") String subscription,
        @Required @JsonPropertyDescription("Azure region of the vault, e.g. westeurope.") String region,
        @Required @JsonPropertyDescription("Resource group that holds the vault.") String resourceGroup,
        @Required @JsonPropertyDescription("Recovery Services vault name.") String vault,
        @JsonPropertyDescription("Deployment model; resource-manager unless declared.") DeploymentModel deploymentModel,
        @JsonPropertyDescription("Reserved public IP limit of the subscription; 20 unless declared (CS-RESERVED-IP).") Integer reservedPublicIpLimit,
        @JsonPropertyDescription("Date (YYYY-MM-DD) the vault registration key was downloaded; keys are valid 5 days (CS-REG-KEY).") String registrationKeyIssued,
        @JsonPropertyDescription("Storage accounts for replicated data.") List<StorageAccount> storageAccounts,
        @JsonPropertyDescription("Virtual networks for replicas, component servers and drills.") List<VirtualNetwork> networks,
        @JsonPropertyDescription("simulated (the state folder; the default) or azure (Azure Resource Manager).") ProviderKind provider,
        @JsonPropertyDescription("Azure Resource Manager endpoint, for sovereign clouds or a test server; https://management.azure.com/ unless declared.") String endpoint,
        @JsonPropertyDescription("Reference to an access token for Resource Manager; without it azure-identity's environment credential is used (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET).") SecretRef token,
        @JsonPropertyDescription("SHA-256 fingerprint of the endpoint's TLS certificate (hex, colons optional), to trust a self-signed test server.") String thumbprint,
        @JsonPropertyDescription("classic (configuration, process and master target servers; retired 2026, ARCH-CLASSIC) or modernized (replication appliances); classic unless declared. A vault holds one; it picks the rule profile (asr-2015 or asr-2026).") Architecture architecture) {
    public AzureTarget {
        storageAccounts = Lists.copy(storageAccounts);
        networks = Lists.copy(networks);
    }
}
