package siteplan.providers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import siteplan.executor.provider.Operations;
import siteplan.executor.secrets.Secrets;
import siteplan.providers.sim.SimClock;
import siteplan.providers.sim.SimulatedOperations;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;
import siteplan.model.ProviderKind;
import siteplan.planner.provider.Provider.DiscoveryException;
import siteplan.providers.azure.AzureOperations;

/**
 * Who carries out an estate's operations: the Recovery Services vault of its Azure target when that
 * target says {@code provider 'azure'} (Site Recovery does the work on both sides; vCenter is only
 * read), else the simulated estate.
 */
public final class EstateOperations {
    private EstateOperations() {}

    public static Operations open(Path stateDir, Estate estate, Map<String, String> env, double simSpeed) {
        List<AzureTarget> real = EstateProvider.azureTargets(estate);
        if (real.isEmpty()) return new SimulatedOperations(stateDir, estate, new SimClock(stateDir, simSpeed));
        if (real.size() > 1 || estate.azure().size() > real.size()) {
            throw new DiscoveryException("operations run on one Azure target per estate for now, and every target must then say provider 'azure' ("
                    + estate.azure().size() + " declared, " + real.size() + " with provider 'azure')");
        }
        return new AzureOperations(EstateProvider.connect(real.get(0), new Secrets(env), TrustedEndpoints.from(env)), estate);
    }

    /** True when the operations run on the simulated estate's accelerated clock. */
    public static boolean simulated(Operations ops) {
        return ops instanceof SimulatedOperations;
    }
}
