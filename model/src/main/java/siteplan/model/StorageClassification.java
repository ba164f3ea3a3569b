package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("A VMM storage classification and the file shares or CSVs it groups (MAP-STORAGE).")
public record StorageClassification(
        @Required @JsonPropertyDescription("Classification name, e.g. GOLD.") String name,
        @JsonPropertyDescription("SMB shares or cluster shared volumes in the classification.") List<String> shares) {
    public StorageClassification {
        shares = Lists.copy(shares);
    }
}
