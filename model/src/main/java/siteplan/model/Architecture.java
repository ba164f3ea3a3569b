package siteplan.model;

/**
 * Which Site Recovery design protects VMware VMs and physical servers toward a vault. A vault holds one: the
 * classic one (configuration, process and master target servers; providers InMageAzureV2 and InMage, the seeds'
 * world, retired in 2026: ARCH-CLASSIC) or the modernized one (a replication appliance per site; providers
 * InMageRcm and InMageRcmFailback). Each picks its rule profile: classic → asr-2015, modernized → asr-2026.
 */
public enum Architecture implements Token {
    CLASSIC, MODERNIZED;

    /** What an Azure target declares, classic when it declares nothing (every definition before the modernized one). */
    public static Architecture of(AzureTarget t) {
        return t == null || t.architecture() == null ? CLASSIC : t.architecture();
    }
}
