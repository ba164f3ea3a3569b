package siteplan.providers.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import siteplan.executor.apply.Credentials;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;
import siteplan.executor.secrets.Secrets;
import siteplan.model.AzureTarget;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.ResourceType;
import siteplan.planner.state.AzureSubscription;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.PolicyForm;
import siteplan.planner.state.RecoveryPlanInfo;
import siteplan.planner.state.RecoveryVault;
import siteplan.planner.state.RecoveryVault.Fabric;
import siteplan.planner.state.RecoveryVault.Mapping;
import siteplan.planner.state.RecoveryVault.RegisteredServer;

/**
 * The steps that build the estate around its machines: vault, storage accounts and networks, sites and their
 * servers, policies, mappings and recovery plans. Each makes its part of the state match the declared state
 * ({@code want}). Called by {@link SimulatedChanges} holding the state's lock.
 */
final class InfrastructureChanges {
    /** Seed 000: a vault registration key is valid for 5 days. */
    static final int REGISTRATION_KEY_DAYS = 5;

    private final SimulatedState state;
    private final Credentials credentials;

    InfrastructureChanges(SimulatedState state, Credentials credentials) {
        this.state = state;
        this.credentials = credentials;
    }

    StepResult vault(Step s, DiscoveredState want) {
        DiscoveredState have = state.now();
        if (have.vault(s.name()).isPresent()) return StepResult.already("vault exists");
        RecoveryVault w = want.vault(s.name()).orElseThrow(() -> new OperationFailed("no vault is declared for " + s.name()));
        List<RecoveryVault> vaults = new ArrayList<>(have.vaults());
        vaults.add(new RecoveryVault(w.target(), w.name(), w.region(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        state.replace(new DiscoveredState(have.vcenters(), have.vmms(), have.azure(), vaults));
        return StepResult.changed("created Recovery Services vault " + w.name());
    }

    StepResult storageAccount(Step s, DiscoveredState want) {
        String account = s.name().substring(s.name().indexOf('/') + 1);
        AzureSubscription.AzureStorageAccount w = want.azure(s.site()).flatMap(a -> a.storageAccounts().stream().filter(x -> x.name().equals(account)).findFirst())
                .orElseThrow(() -> new OperationFailed("storage account " + account + " is not declared"));
        return subscription(s.site(), want, sub -> {
            List<AzureSubscription.AzureStorageAccount> l = new ArrayList<>(sub.storageAccounts());
            if (l.contains(w)) return null;
            l.removeIf(x -> x.name().equals(account));
            l.add(w);
            return new AzureSubscription(sub.target(), sub.subscription(), sub.region(), sub.networks(), l);
        }, "storage account " + account + " (" + w.sku() + ")");
    }

    StepResult network(Step s, DiscoveredState want) {
        String net = s.name().substring(s.name().indexOf('/') + 1);
        AzureSubscription.AzureNetwork w = want.azure(s.site()).flatMap(a -> a.networks().stream().filter(x -> x.name().equals(net)).findFirst())
                .orElseThrow(() -> new OperationFailed("virtual network " + net + " is not declared"));
        return subscription(s.site(), want, sub -> {
            List<AzureSubscription.AzureNetwork> l = new ArrayList<>(sub.networks());
            if (l.contains(w)) return null;
            l.removeIf(x -> x.name().equals(net));
            l.add(w);
            return new AzureSubscription(sub.target(), sub.subscription(), sub.region(), l, sub.storageAccounts());
        }, "virtual network " + net);
    }

    private StepResult subscription(String target, DiscoveredState want, UnaryOperator<AzureSubscription> change, String what) {
        DiscoveredState have = state.now();
        List<AzureSubscription> subs = new ArrayList<>(have.azure());
        AzureSubscription sub = have.azure(target).orElseGet(() -> want.azure(target)
                .map(a -> new AzureSubscription(a.target(), a.subscription(), a.region(), List.of(), List.of()))
                .orElseThrow(() -> new OperationFailed("no Azure target " + target)));
        AzureSubscription changed = change.apply(sub);
        if (changed == null) return StepResult.already(what + " is as declared");
        subs.removeIf(a -> a.target().equals(target));
        subs.add(changed);
        state.replace(new DiscoveredState(have.vcenters(), have.vmms(), subs, have.vaults()));
        return StepResult.changed(what);
    }

    StepResult site(Step s, DiscoveredState want) {
        Fabric w = fabricWanted(want, s.name());
        return fabric(s.name(), want, f -> Objects.equals(f.replicationMechanism(), w.replicationMechanism()) ? null
                : new Fabric(f.site(), f.type(), w.replicationMechanism(), f.servers(), f.protectionContainers()),
                "replication mechanism " + w.replicationMechanism());
    }

    StepResult server(Step s, DiscoveredState want, Secrets secrets) {
        String site = s.site();
        String name = s.name().substring(s.name().indexOf('/') + 1);
        String role = switch (s.type()) {
            case VCENTER -> "vcenter";
            case CONFIGURATION_SERVER -> "configuration-server";
            case PROCESS_SERVER -> "process-server";
            case APPLIANCE -> siteplan.planner.state.ServerForm.APPLIANCE_ROLE;
            default -> "master-target";
        };
        // The vault whose fabric declares the server: a site with classic servers and appliances has them in two vaults.
        RecoveryVault holder = want.vaults().stream().filter(v -> v.fabric(site).flatMap(f -> f.server(role, name)).isPresent()).findFirst()
                .orElseThrow(() -> new OperationFailed(role + " " + name + " is not declared for site " + site));
        RegisteredServer ws = holder.fabric(site).flatMap(f -> f.server(role, name)).orElseThrow();
        // The credential is resolved only now, and only to prove it is there: a registration needs it.
        credentials.forStep(s).forEach(c -> secrets.resolve(c.ref(), c.purpose()));
        String detail = s.type() == ResourceType.CONFIGURATION_SERVER ? registrationKey(site, want) : role.replace('-', ' ') + " " + name + " registered";
        return fabric(holder.target(), site, want, f -> {
            Optional<RegisteredServer> have = f.server(role, name);
            if (have.isPresent() && have.get().properties().equals(ws.properties())) return null;
            List<RegisteredServer> servers = new ArrayList<>(f.servers());
            servers.removeIf(x -> x.role().equals(role) && x.name().equals(name));
            servers.add(ws);
            return new Fabric(f.site(), f.type(), f.replicationMechanism(), servers, f.protectionContainers());
        }, detail);
    }

    /** CS-REG-KEY: the configuration server registers with the vault's registration key, which is valid 5 days. */
    private String registrationKey(String site, DiscoveredState want) {
        // The key is the vault's that holds the configuration server (the classic one, where a site also has appliances).
        String target = want.vaults().stream().filter(v -> v.fabric(site).map(f -> f.servers().stream().anyMatch(x -> x.role().equals("configuration-server"))).orElse(false))
                .map(RecoveryVault::target).findFirst()
                .orElseGet(() -> want.vaults().stream().filter(v -> v.fabric(site).isPresent()).map(RecoveryVault::target).findFirst().orElse(null));
        AzureTarget t = state.estate().azure().stream().filter(a -> a.name().equals(target)).findFirst().orElse(null);
        if (t == null || t.registrationKeyIssued() == null) return "registered with the vault's registration key (CS-REG-KEY)";
        java.time.LocalDate issued;
        try {
            issued = java.time.LocalDate.parse(t.registrationKeyIssued());
        } catch (java.time.format.DateTimeParseException e) {
            throw new OperationFailed("registrationKeyIssued '" + t.registrationKeyIssued() + "' of " + t.name() + " is not a date (YYYY-MM-DD); the configuration server cannot register (CS-REG-KEY)");
        }
        long age = java.time.temporal.ChronoUnit.DAYS.between(issued, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        if (age > REGISTRATION_KEY_DAYS) {
            throw new OperationFailed("the registration key of vault " + t.vault() + " was downloaded " + age + " days ago and has expired (keys are valid "
                    + REGISTRATION_KEY_DAYS + " days, CS-REG-KEY): download a new one from the vault, set registrationKeyIssued, and plan and apply again");
        }
        return "registered with vault " + t.vault() + "'s registration key of " + issued + " (" + age + " of " + REGISTRATION_KEY_DAYS + " days, CS-REG-KEY)";
    }

    private static Fabric fabricWanted(DiscoveredState want, String site) {
        return want.vaults().stream().map(v -> v.fabric(site).orElse(null)).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new OperationFailed("site " + site + " is not part of any vault in the definition"));
    }

    private StepResult fabric(String site, DiscoveredState want, UnaryOperator<Fabric> change, String what) {
        String target = want.vaults().stream().filter(v -> v.fabric(site).isPresent()).map(RecoveryVault::target).findFirst()
                .orElseThrow(() -> new OperationFailed("site " + site + " is not part of any vault in the definition"));
        return fabric(target, site, want, change, what);
    }

    private StepResult fabric(String target, String site, DiscoveredState want, UnaryOperator<Fabric> change, String what) {
        RecoveryVault v = state.now().vault(target).orElseThrow(() -> new OperationFailed("vault of " + target + " does not exist yet"));
        Fabric f = v.fabric(site).orElseGet(() -> {
            Fabric w = want.vault(target).flatMap(x -> x.fabric(site)).orElseGet(() -> fabricWanted(want, site));
            return new Fabric(site, w.type(), w.replicationMechanism(), List.of(), w.protectionContainers());
        });
        Fabric changed = change.apply(f);
        if (changed == null) return StepResult.already(what + ": already so");
        List<Fabric> fabrics = new ArrayList<>(v.fabrics());
        fabrics.removeIf(x -> x.site().equals(site));
        fabrics.add(changed);
        state.replaceVault(new RecoveryVault(v.target(), v.name(), v.region(), fabrics, v.policies(), v.networkMappings(), v.storageMappings(), v.protectedItems(), v.recoveryPlans(), v.jobs()));
        return StepResult.changed(what);
    }

    StepResult policy(Step s, DiscoveredState want) {
        RecoveryVault v = state.vaultFor(s.site());
        List<RecoveryVault.Policy> policies = new ArrayList<>(v.policies());
        if (s.action() == Action.DELETE) {
            if (!policies.removeIf(p -> p.name().equals(s.name()))) return StepResult.already("policy " + s.name() + " is gone");
            policies.removeIf(p -> p.name().equals(s.name() + "-failback"));
            state.replaceVault(withPolicies(v, policies));
            return StepResult.changed("deleted policy " + s.name() + " and its failback policy");
        }
        RecoveryVault.Policy w = want.vaults().stream().flatMap(x -> x.policies().stream()).filter(p -> p.name().equals(s.name())).findFirst()
                .orElseThrow(() -> new OperationFailed("policy " + s.name() + " is not declared"));
        if (policies.contains(w)) return StepResult.already("policy " + s.name() + " is as declared");
        // Not in the vault but its copy is (machines moved in under it, MOVE-POLICY): the copy takes the declared settings.
        var to = state.estate().azure().stream().filter(t -> t.name().equals(v.target())).findFirst();
        var copy = policies.stream().filter(p -> to.isPresent() && p.name().equals(siteplan.planner.state.PolicyForm.moveCopy(s.name(), to.get()))).findFirst();
        if (policies.stream().noneMatch(p -> p.name().equals(s.name())) && copy.isPresent()) {
            RecoveryVault.Policy updated = new RecoveryVault.Policy(copy.get().name(), copy.get().kind(), w.settings(), copy.get().managed());
            if (updated.equals(copy.get())) return StepResult.already("policy " + s.name() + " (its copy '" + copy.get().name() + "') is as declared");
            policies.remove(copy.get());
            policies.add(updated);
            state.replaceVault(withPolicies(v, policies));
            return StepResult.changed("updated '" + copy.get().name() + "', Site Recovery's copy of policy " + s.name() + " (MOVE-POLICY)");
        }
        policies.removeIf(p -> p.name().equals(s.name()));
        policies.add(w);
        // FB-POLICY: Site Recovery makes a failback policy beside every VMware-to-Azure policy; it is not
        // editable and not siteplan's (managed false), so a later plan never deletes it.
        if (w.kind().equals(PolicyForm.VMWARE_TO_AZURE) && policies.stream().noneMatch(p -> p.name().equals(s.name() + "-failback"))) {
            policies.add(new RecoveryVault.Policy(s.name() + "-failback", PolicyForm.FAILBACK,
                    Map.of(PolicyForm.RPO_THRESHOLD, "15m", PolicyForm.RETENTION, "24h", PolicyForm.APP_CONSISTENT_FREQUENCY, "60m"), false));
        }
        state.replaceVault(withPolicies(v, policies));
        return StepResult.changed(s.action() == Action.CREATE ? "created policy " + s.name() + " (and its failback policy, FB-POLICY)" : "updated policy " + s.name());
    }

    /** The vault with these policies in place of its own. */
    static RecoveryVault withPolicies(RecoveryVault v, List<RecoveryVault.Policy> policies) {
        return new RecoveryVault(v.target(), v.name(), v.region(), v.fabrics(), policies, v.networkMappings(), v.storageMappings(), v.protectedItems(), v.recoveryPlans(), v.jobs());
    }

    StepResult mapping(Step s, DiscoveredState want) {
        boolean network = s.type() == ResourceType.NETWORK_MAPPING;
        List<RecoveryVault> vaults = state.now().vaults();
        RecoveryVault v = vaults.stream().filter(x -> (network ? x.networkMappings() : x.storageMappings()).stream().anyMatch(m -> m.source().equals(s.name())))
                .findFirst().orElseGet(() -> vaults.isEmpty() ? null : vaults.get(0));
        if (v == null) throw new OperationFailed("no vault exists for " + s.address());
        List<Mapping> l = new ArrayList<>(network ? v.networkMappings() : v.storageMappings());
        if (s.action() == Action.DELETE) {
            if (!l.removeIf(m -> m.source().equals(s.name()))) return StepResult.already(s.address() + " is gone");
        } else {
            Mapping w = want.vaults().stream().flatMap(x -> (network ? x.networkMappings() : x.storageMappings()).stream())
                    .filter(m -> m.source().equals(s.name())).findFirst().orElseThrow(() -> new OperationFailed(s.address() + " is not declared"));
            if (l.contains(w)) return StepResult.already(s.address() + " is as declared");
            l.removeIf(m -> m.source().equals(s.name()));
            l.add(w);
        }
        state.replaceVault(new RecoveryVault(v.target(), v.name(), v.region(), v.fabrics(), v.policies(), network ? l : v.networkMappings(), network ? v.storageMappings() : l,
                v.protectedItems(), v.recoveryPlans(), v.jobs()));
        return StepResult.changed((s.action() == Action.DELETE ? "removed " : "mapped ") + s.name());
    }

    StepResult recoveryPlan(Step s, DiscoveredState want) {
        DiscoveredState have = state.now();
        // A declared plan is saved in its target's vault (one of the same name left in a vault its machines moved from
        // stays there, MOVE-PLANS); a plan no longer declared is deleted where it is.
        java.util.Optional<RecoveryVault> declared = state.estate().recoveryPlans().stream().filter(p -> p.name().equals(s.name())).findFirst().flatMap(p -> have.vault(p.target()));
        RecoveryVault v = (s.action() == Action.DELETE ? java.util.Optional.<RecoveryVault>empty() : declared)
                .or(() -> have.vaults().stream().filter(x -> x.recoveryPlans().stream().anyMatch(p -> p.name().equals(s.name()))).findFirst())
                .or(() -> declared)
                .orElseThrow(() -> new OperationFailed("no vault exists for recovery plan " + s.name()));
        List<RecoveryPlanInfo> plans = new ArrayList<>(v.recoveryPlans());
        if (s.action() == Action.DELETE) {
            if (!plans.removeIf(p -> p.name().equals(s.name()))) return StepResult.already("recovery plan " + s.name() + " is gone");
        } else {
            RecoveryPlanInfo w = want.vaults().stream().flatMap(x -> x.recoveryPlans().stream()).filter(p -> p.name().equals(s.name())).findFirst()
                    .orElseThrow(() -> new OperationFailed("recovery plan " + s.name() + " is not declared"));
            if (plans.contains(w)) return StepResult.already("recovery plan " + s.name() + " is as declared");
            plans.removeIf(p -> p.name().equals(s.name()));
            plans.add(w);
        }
        state.replaceVault(new RecoveryVault(v.target(), v.name(), v.region(), v.fabrics(), v.policies(), v.networkMappings(), v.storageMappings(), v.protectedItems(), plans, v.jobs()));
        return StepResult.changed((s.action() == Action.DELETE ? "deleted" : "saved") + " recovery plan " + s.name());
    }
}
