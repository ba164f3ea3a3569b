package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("An Azure storage account that receives replicated disks.")
public record StorageAccount(
        @Required @JsonPropertyDescription("Storage account name.") String name,
        @Required @JsonPropertyDescription("Redundancy; must be geo-redundant, grs or ra-grs (SA-GEO).") StorageReplication replication,
        @JsonPropertyDescription("Region; defaults to the target's region (SA-GEO wants the vault's).") String region,
        @JsonPropertyDescription("Subscription; defaults to the target's subscription (SA-GEO wants the vault's).") String subscription) {}
