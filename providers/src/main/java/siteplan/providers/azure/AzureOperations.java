package siteplan.providers.azure;

import siteplan.executor.provider.ChangeOperations;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.Operations;
import siteplan.executor.provider.RecoveryOperations;
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
public final class AzureOperations implements Operations {
    private final AzureTarget target;
    private final AzureChanges changes;
    private final AzureRecovery recovery;
    private final AzureJobs jobs;

    public AzureOperations(AzureConnection az, Estate estate) {
        this.jobs = new AzureJobs(az);
        AzureVault vault = new AzureVault(az, estate, jobs);
        this.target = vault.target();
        this.changes = new AzureChanges(vault);
        this.recovery = new AzureRecovery(vault);
    }

    @Override public String describe() {
        return "Azure vault " + target.vault() + " in " + target.subscription() + "/" + target.resourceGroup();
    }

    @Override public ChangeOperations changes() {
        return changes;
    }

    @Override public RecoveryOperations recovery() {
        return recovery;
    }

    @Override public JobOperations jobs() {
        return jobs;
    }
}
