package siteplan.providers.azure;

import siteplan.executor.provider.PortBundle;
import siteplan.executor.provider.TransientFault;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;

/**
 * The executor's operations on a real Recovery Services vault, through Site Recovery's REST surface: its
 * changes, recovery and jobs over one {@link AzureConnection}. Every step reads first and answers
 * "already so" when nothing is to be done.
 *
 * <p>What Site Recovery cannot do through Resource Manager is said as such: the configuration server,
 * process servers and master targets register themselves when installed with the vault's registration
 * key (seed 000), so a step that needs one that is not registered fails with what to install.
 * Throttling (429) and 5xx answers are {@link TransientFault}s, which the executor retries.
 */
public final class AzureOperations extends PortBundle {
    private final AzureTarget target;

    /** @param env the runner's environment: SITEPLAN_AZURE_OPERATION_TIMEOUT and SITEPLAN_AZURE_TIME_SCALE ({@link AzureJobs}) */
    public AzureOperations(AzureConnection az, Estate estate, java.util.Map<String, String> env) {
        this(new AzureVault(az, estate, new AzureJobs(az, env)));
    }

    private AzureOperations(AzureVault vault) {
        super(new AzureChanges(vault), new AzureRecovery(vault), vault.jobs());
        this.target = vault.target();
    }

    @Override public String describe() {
        return "Azure vault " + target.vault() + " in " + target.subscription() + "/" + target.resourceGroup();
    }
}
