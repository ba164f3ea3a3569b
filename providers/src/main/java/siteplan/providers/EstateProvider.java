package siteplan.providers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import siteplan.executor.secrets.Secrets;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;
import siteplan.model.ProviderKind;
import siteplan.model.VmwareSite;
import siteplan.planner.provider.Provider;
import siteplan.planner.state.AzureSubscription;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.RecoveryVault;
import siteplan.planner.state.VcenterInventory;
import siteplan.providers.azure.AzureConnection;
import siteplan.providers.azure.AzureDiscovery;
import siteplan.providers.vsphere.VsphereDiscovery;
import siteplan.providers.vsphere.VsphereSession;

/**
 * The provider an estate declares, site by site: each vCenter with {@code provider 'vsphere'} is read
 * through its API, each Azure target with {@code provider 'azure'} through Resource Manager, everything
 * else from the simulated estate's state folder. The parts are discovered
 * at once and merged into one {@link DiscoveredState}, so the planner never knows where a fact came from.
 * An estate with nothing real is exactly the simulated provider (same fingerprint, same messages).
 */
public final class EstateProvider implements Provider {
    private final Provider simulated;
    private final java.nio.file.Path stateDir;
    private final Secrets secrets;
    private final TrustedEndpoints trusted;
    private Estate lastScope;

    EstateProvider(Provider simulated, java.nio.file.Path stateDir, Map<String, String> env) {
        this.simulated = simulated;
        this.stateDir = stateDir;
        this.secrets = new Secrets(env);
        this.trusted = TrustedEndpoints.from(env);
    }

    /** The vCenters the estate reads through vSphere, in declaration order. */
    static List<VmwareSite> vsphereSites(Estate e) {
        return e.vmwareSites().stream().filter(s -> s.vcenter() != null && s.vcenter().provider() == ProviderKind.VSPHERE).toList();
    }

    /** The Azure targets the estate reads through Resource Manager. */
    public static List<AzureTarget> azureTargets(Estate e) {
        return e.azure().stream().filter(a -> a.provider() == ProviderKind.AZURE).toList();
    }

    static boolean anythingReal(Estate e) {
        return !vsphereSites(e).isEmpty() || !azureTargets(e).isEmpty();
    }

    /** Whether the estate needs the state folder: some site or target is still simulated. */
    static boolean needsSimulated(Estate e) {
        boolean simulatedSite = e.vmwareSites().stream().anyMatch(s -> s.vcenter() != null && s.vcenter().provider() != ProviderKind.VSPHERE);
        boolean simulatedTarget = e.azure().stream().anyMatch(a -> a.provider() != ProviderKind.AZURE);
        return simulatedSite || simulatedTarget || !e.vmmSites().isEmpty();
    }

    @Override public String describe() {
        if (lastScope == null || !anythingReal(lastScope)) return simulated.describe();
        List<String> parts = new ArrayList<>();
        vsphereSites(lastScope).forEach(s -> parts.add("vCenter " + s.vcenter().address()));
        azureTargets(lastScope).forEach(a -> parts.add("Azure " + a.subscription() + "/" + a.resourceGroup() + (a.endpoint() == null ? "" : " at " + a.endpoint())));
        if (needsSimulated(lastScope)) parts.add(simulated.describe());
        return String.join(", ", parts);
    }

    @Override public void prefetch() {
        simulated.prefetch();
    }

    @Override public DiscoveredState discover(Estate scope) {
        lastScope = scope;
        if (!anythingReal(scope)) return simulated.discover(scope);
        // Every destination is checked before any secret is read or any connection opened, so one
        // untrusted endpoint stops the run while nothing has been sent anywhere.
        List<TrustedEndpoints.Untrusted> untrusted = trusted.check(scope);
        if (!untrusted.isEmpty()) throw untrusted.get(0);
        Map<String, CompletableFuture<VcenterInventory>> vcenters = new LinkedHashMap<>();
        for (VmwareSite s : vsphereSites(scope)) {
            var vc = s.vcenter();
            TrustedEndpoints.Destination destination = trusted.vcenter(s);
            String password = resolve(vc.credential(), "discover vCenter " + vc.address());
            vcenters.put(s.name(), CompletableFuture.supplyAsync(() -> {
                try (VsphereSession session = VsphereSession.open(destination, vc.user(), password)) {
                    return new VsphereDiscovery(session).discover(s.name(), vc.address());
                }
            }));
        }
        Map<String, CompletableFuture<AzureParts>> azure = new LinkedHashMap<>();
        for (AzureTarget a : azureTargets(scope)) {
            AzureConnection connection = connect(a, secrets, trusted);
            azure.put(a.name(), CompletableFuture.supplyAsync(() -> {
                try {
                    AzureDiscovery d = new AzureDiscovery(connection, scope);
                    return new AzureParts(d.subscription(), d.vault());
                } catch (AzureConnection.AzureException e) {
                    throw new DiscoveryException(e.getMessage());
                } catch (RuntimeException e) {
                    throw new DiscoveryException("discovery of Azure target " + a.name() + " failed: " + Causes.root(e));
                }
            }));
        }
        DiscoveredState base = needsSimulated(scope) && java.nio.file.Files.isRegularFile(stateDir.resolve(siteplan.planner.state.StateFiles.STATE_FILE))
                ? simulated.discover(scope) : DiscoveredState.empty();
        List<VcenterInventory> merged = new ArrayList<>(base.vcenters().stream().filter(v -> !vcenters.containsKey(v.site())).toList());
        for (var f : vcenters.values()) merged.add(join(f));
        List<AzureSubscription> subscriptions = new ArrayList<>(base.azure().stream().filter(s -> !azure.containsKey(s.target())).toList());
        List<RecoveryVault> vaults = new ArrayList<>(base.vaults().stream().filter(v -> !azure.containsKey(v.target())).toList());
        for (var f : azure.values()) {
            AzureParts parts = join(f);
            subscriptions.add(parts.subscription());
            if (parts.vault() != null) vaults.add(parts.vault());
        }
        return new DiscoveredState(merged, base.vmms(), subscriptions, vaults);
    }

    private record AzureParts(AzureSubscription subscription, RecoveryVault vault) {}

    /**
     * Real discovery has no single file to hash: the fingerprint is of what was discovered, without the
     * vault's jobs, which are history (a routine job elsewhere in the vault does not make a plan stale).
     */
    @Override public String fingerprint(DiscoveredState state) {
        if (lastScope == null || !anythingReal(lastScope)) return simulated.fingerprint(state);
        List<RecoveryVault> vaults = state.vaults().stream().map(v -> v.withItems(v.protectedItems(), List.of())).toList();
        return Provider.super.fingerprint(new DiscoveredState(state.vcenters(), state.vmms(), state.azure(), vaults));
    }

    /** A connection to a real Azure target, its token resolved from the target's reference, or what is wrong with either. */
    static AzureConnection connect(AzureTarget a, Secrets secrets, TrustedEndpoints trusted) {
        trusted.azure(a); // refused before the token is even resolved
        try {
            return AzureConnection.open(a, a.token() == null ? null : secrets.resolve(a.token(), "sign in to Azure for target " + a.name()), trusted);
        } catch (Secrets.MissingSecret | AzureConnection.AzureException e) {
            throw new DiscoveryException(e.getMessage());
        }
    }

    private String resolve(siteplan.model.SecretRef ref, String neededFor) {
        try {
            return secrets.resolve(ref, neededFor);
        } catch (Secrets.MissingSecret e) {
            throw new DiscoveryException(e.getMessage());
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DiscoveryException d) throw d;
            throw new DiscoveryException(e.getCause() == null ? e.getMessage() : e.getCause().toString());
        }
    }
}
