package siteplan.model;

/**
 * The managed disk type replicas are written to in the modernized architecture (InMageRcmDiskInput.diskType of
 * api-version 2023-06-01: Standard_LRS, Premium_LRS, StandardSSD_LRS). Churn per disk depends on it (SRC-DISK-CHURN).
 */
public enum TargetDiskType implements Token {
    STANDARD_LRS("Standard_LRS"), PREMIUM_LRS("Premium_LRS"), STANDARDSSD_LRS("StandardSSD_LRS");

    private final String azure;

    TargetDiskType(String azure) { this.azure = azure; }

    /** The word Site Recovery's REST contract uses. */
    public String azure() { return azure; }
}
