package siteplan.cli;

import java.util.List;
import siteplan.planner.provider.Provider;
import siteplan.planner.rules.Profile;
import siteplan.planner.state.DiscoveredState;
import siteplan.dsl.load.DefinitionLoader;

/** What the commands read before they plan or run: the profile, the model cache, the provider and what it discovers (after the trust check), with errors a user can act on. */
final class PlanningInputs {
    private PlanningInputs() {}

    static Profile profile(String nameOrFile) {
        try {
            return Profile.load(nameOrFile);
        } catch (IllegalArgumentException e) {
            throw new Siteplan.UserError(e.getMessage());
        }
    }

    /** Who serves the estate whose simulated part is in stateDir: discovery, operations and their clock. */
    static siteplan.providers.Providers providers(java.nio.file.Path stateDir) {
        return siteplan.providers.Providers.of(stateDir, Siteplan.env());
    }

    /** What the estate declares, site by site: a real vCenter or Azure where it says so, else the simulated estate in stateDir. */
    static Provider provider(java.nio.file.Path stateDir) {
        return providers(stateDir).discovery();
    }

    /** Who carries out the estate's operations: its real Azure vault, or the simulated estate in stateDir. */
    static siteplan.executor.provider.Operations operations(java.nio.file.Path stateDir, siteplan.model.Estate estate) {
        try {
            return providers(stateDir).operations(estate);
        } catch (Provider.DiscoveryException | IllegalArgumentException e) {
            throw new Siteplan.UserError(e.getMessage());
        }
    }

    /** The estate's operations for reading only: closing them writes nothing (a command that changes nothing leaves the state folder as it was). */
    static siteplan.executor.provider.Operations readOnlyOperations(java.nio.file.Path stateDir, siteplan.model.Estate estate) {
        try {
            return providers(stateDir).readOnly(estate);
        } catch (Provider.DiscoveryException | IllegalArgumentException e) {
            throw new Siteplan.UserError(e.getMessage());
        }
    }

    /** The model cache of this definition, in the user's cache folder (never the checkout); null, meaning none, when that folder is unsafe. */
    static siteplan.dsl.load.ModelCache cache(java.util.List<String> paths) {
        return siteplan.dsl.load.ModelCache.open(siteplan.dsl.load.ModelCache.defaultBase(Siteplan.env()), paths);
    }

    static DiscoveredState discover(Provider provider, DefinitionLoader.Loaded loaded) {
        // Every command that reaches a real provider discovers first: this is where a definition that
        // would send a credential to a destination the runner does not trust is stopped, before any
        // secret is read or connection opened, with where the definition names it.
        List<String> untrusted = untrusted(loaded);
        if (!untrusted.isEmpty()) throw new Siteplan.UserError(String.join("\n", untrusted));
        try {
            return provider.discover(loaded.estate());
        } catch (siteplan.providers.TrustedEndpoints.Untrusted e) {
            throw new Siteplan.UserError(located(loaded, e));
        } catch (Provider.DiscoveryException e) {
            throw new Siteplan.UserError(e.getMessage());
        }
    }

    /** Each real vCenter or Azure endpoint of the definition the runner's SITEPLAN_TRUSTED_ENDPOINTS does not trust, with its file and line. */
    static List<String> untrusted(DefinitionLoader.Loaded loaded) {
        return siteplan.providers.TrustedEndpoints.from(Siteplan.env()).check(loaded.estate()).stream().map(u -> located(loaded, u)).toList();
    }

    private static String located(DefinitionLoader.Loaded loaded, siteplan.providers.TrustedEndpoints.Untrusted u) {
        String where = loaded.sources().at(u.key()).toString();
        return where.isEmpty() ? u.getMessage() : where + " " + u.getMessage();
    }
}
