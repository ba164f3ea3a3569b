package siteplan.providers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import siteplan.executor.provider.Operations;
import siteplan.executor.secrets.Secrets;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;
import siteplan.planner.provider.Provider;
import siteplan.planner.provider.Provider.DiscoveryException;
import siteplan.providers.azure.AzureOperations;
import siteplan.providers.sim.Simulation;

/**
 * The one place that says who serves an estate: discovery (a real vCenter or Azure where the definition
 * says so, else the simulated estate in the state folder), operations and their clock (the Azure vault
 * when the target says {@code provider 'azure'}, else the simulated estate), and the identity of the
 * estate operations change. Callers never learn which provider they got.
 */
public final class Providers {
    private final Path stateDir;
    private final Map<String, String> env;

    private Providers(Path stateDir, Map<String, String> env) {
        this.stateDir = stateDir;
        this.env = env;
    }

    /** The providers of estates whose simulated part lives in stateDir, with settings and secrets from env. */
    public static Providers of(Path stateDir, Map<String, String> env) {
        return new Providers(stateDir, env);
    }

    /** The simulator's own tools (make a state folder, write a benchmark estate), for the sim command. */
    public static Simulator simulator() {
        return Simulation.INSTANCE;
    }

    /** Discovery of what exists, site by site. */
    public Provider discovery() {
        return new EstateProvider(simulator().discovery(stateDir), stateDir, env);
    }

    /**
     * What stops operations before they start, as a message a user can act on (IllegalArgumentException):
     * a SITEPLAN_SIM_SPEED that is not a number of at least 1.
     */
    public void checkSettings() {
        simulator().checkSettings(env);
    }

    /** A problem with the simulated estate's faults file, said so that it can be fixed, or empty. */
    public Optional<String> faultsProblem() {
        return simulator().faultsProblem(stateDir);
    }

    /**
     * Who carries out the estate's operations: the Recovery Services vault of its Azure target when that
     * target says {@code provider 'azure'} (Site Recovery does the work on both sides; vCenter is only
     * read), else the simulated estate. DiscoveryException when the estate mixes targets; IllegalArgumentException
     * for a bad SITEPLAN_SIM_SPEED.
     */
    public Operations operations(Estate estate) {
        return operations(estate, true);
    }

    /**
     * Operations for reading only, for commands that change nothing (plan, report asking a recovery point's age): the
     * simulated estate then saves nothing when they close, so such a command never writes the state folder.
     */
    public Operations readOnly(Estate estate) {
        return operations(estate, false);
    }

    private Operations operations(Estate estate, boolean saves) {
        List<AzureTarget> real = EstateProvider.azureTargets(estate);
        if (real.isEmpty()) return saves ? simulator().operations(stateDir, estate, env) : simulator().readOnly(stateDir, estate, env);
        if (estate.azure().size() > real.size()) {
            throw new DiscoveryException("operations run on real vaults or on the simulated estate, not both: every Azure target must then say provider 'azure' ("
                    + estate.azure().size() + " declared, " + real.size() + " with provider 'azure')");
        }
        Secrets secrets = new Secrets(env);
        TrustedEndpoints trusted = TrustedEndpoints.from(env);
        if (real.size() == 1) return new AzureOperations(EstateProvider.connect(real.get(0), secrets, trusted), estate, env);
        // Several vaults (a classic one whose machines move to a modernized one): each operation goes to its vault.
        return siteplan.providers.azure.AzureVaults.of(real.stream().map(t -> EstateProvider.connect(t, secrets, trusted)).toList(), estate, env);
    }

    /** The Azure targets whose vault operations change (empty: the simulated estate). */
    public static List<AzureTarget> realTargets(Estate estate) {
        return EstateProvider.azureTargets(estate);
    }

    /** The simulated estate's ID in the state folder (written by `sim init`, made now for an older folder): what its lock is keyed on. */
    public String simulatedEstateId() throws IOException {
        return simulator().id(stateDir);
    }
}
