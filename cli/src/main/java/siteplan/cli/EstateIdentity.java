package siteplan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;

/**
 * What the estate lock is keyed on: the estate that operations change, named the same way whatever
 * folder, copy, --estate name or history flags a run was started with. Operations change the Azure
 * Recovery Services vault when the target says provider 'azure' (its resource ID, with the Resource
 * Manager endpoint), else the simulated estate in the state folder (the ID `sim init` wrote there).
 * vCenter is only read, so it is no part of the identity.
 */
final class EstateIdentity {
    private EstateIdentity() {}

    static String of(Estate estate, Path stateDir) {
        List<AzureTarget> real = siteplan.providers.Providers.realTargets(estate);
        if (!real.isEmpty()) {
            return String.join(" ", real.stream().map(EstateIdentity::vault).sorted().toList());
        }
        try {
            return "simulated " + PlanningInputs.providers(stateDir).simulatedEstateId();
        } catch (IOException e) {
            throw new Siteplan.UserError("cannot read or write the simulated estate's ID in " + stateDir + " (" + e.getMessage()
                    + "); check that the state folder exists and is writable. Nothing was changed.");
        }
    }

    /** Resource IDs are case-insensitive in Azure: one vault is one identity however the definition spells it. */
    static String vault(AzureTarget a) {
        String endpoint = a.endpoint() == null ? "https://management.azure.com/" : a.endpoint();
        String host = java.net.URI.create(endpoint.trim()).getAuthority();
        return ("azure " + host + "/subscriptions/" + a.subscription() + "/resourceGroups/" + a.resourceGroup()
                + "/providers/Microsoft.RecoveryServices/vaults/" + a.vault()).toLowerCase(Locale.ROOT);
    }
}
