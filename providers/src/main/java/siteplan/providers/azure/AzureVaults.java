package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import siteplan.executor.provider.ExecutionClock;
import siteplan.executor.provider.ChangeOperations;
import siteplan.executor.provider.FailoverType;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.PortBundle;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;
import siteplan.executor.secrets.Secrets;
import siteplan.model.Architecture;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;
import siteplan.model.Machine;
import siteplan.model.Membership;
import siteplan.model.ProtectionGroup;
import siteplan.model.RecoveryPlan;
import siteplan.planner.diff.Action;
import siteplan.planner.state.ProtectedItem;

/**
 * The operations of an estate with more than one real Recovery Services vault, such as a classic vault whose
 * machines move to a modernized one: each step, machine and recovery plan goes to the vault that holds it or is
 * declared to, and a machine's move (switch provider) is asked of the vault it leaves, naming the one it joins.
 * Each job is followed through the vault that started it.
 */
public final class AzureVaults extends PortBundle {
    private final String described;

    private AzureVaults(Routes routes) {
        super(new Changes(routes), new Recovery(routes), new Jobs(routes));
        this.described = "Azure vaults " + String.join(", ", routes.vaults.values().stream().map(v -> v.target().vault()).toList());
    }

    /** Operations over the vaults of these connections, one per declared Azure target. */
    public static AzureVaults of(List<AzureConnection> connections, Estate estate, Map<String, String> env) {
        Map<String, AzureVault> vaults = new LinkedHashMap<>();
        for (AzureConnection az : connections) vaults.put(az.target().name(), new AzureVault(az, estate, new AzureJobs(az, env)));
        return new AzureVaults(new Routes(estate, vaults));
    }

    @Override public String describe() {
        return described;
    }

    /** Which vault serves what, and the per-vault operations. */
    static final class Routes {
        final Estate estate;
        final Membership membership;
        final Map<String, AzureVault> vaults;
        final Map<String, AzureChanges> changes = new LinkedHashMap<>();
        final Map<String, AzureRecovery> recovery = new LinkedHashMap<>();
        /** The vault each job was started in, by the job's id: a job is polled through that vault's connection. */
        final Map<String, String> jobOwners = new ConcurrentHashMap<>();

        Routes(Estate estate, Map<String, AzureVault> vaults) {
            this.estate = estate;
            this.membership = Membership.of(estate);
            this.vaults = vaults;
            vaults.forEach((t, v) -> {
                changes.put(t, new AzureChanges(v));
                recovery.put(t, new AzureRecovery(v));
            });
        }

        String first() {
            return vaults.keySet().iterator().next();
        }

        /** The vault a machine's group targets; else the first that holds the machine. */
        String ofMachine(String machine) {
            Optional<String> declared = membership.groupOf(machine).map(ProtectionGroup::target).filter(vaults::containsKey);
            if (declared.isPresent()) return declared.get();
            return vaults.entrySet().stream().filter(e -> e.getValue().itemNode(machine).isPresent()).map(Map.Entry::getKey).findFirst().orElse(first());
        }

        /**
         * The vault a step changes. Azure resources, policies and protection name their target (the plan's site of
         * such a change is its target); a site's classic servers are the classic vault's, its appliances the
         * modernized vault's; a recovery plan is its declared target's. A deletion of something no longer declared
         * has no declared vault: it is asked of each (null).
         */
        String ofStep(Step s) {
            switch (s.type()) {
                case VAULT, STORAGE_ACCOUNT, AZURE_NETWORK, POLICY -> {
                    return vaults.containsKey(s.site()) ? s.site() : null;
                }
                case PROTECTION, MOBILITY -> {
                    if (s.action() == Action.DELETE) return null;
                    return ofMachine(s.name());
                }
                case RECOVERY_PLAN -> {
                    if (s.action() == Action.DELETE) return null;
                    return estate.recoveryPlans().stream().filter(p -> p.name().equals(s.name())).map(RecoveryPlan::target).filter(vaults::containsKey).findFirst().orElse(null);
                }
                case APPLIANCE -> {
                    return ofSite(s.site(), Architecture.MODERNIZED);
                }
                case VCENTER -> {
                    boolean classic = estate.vmwareSites().stream().anyMatch(x -> x.name().equals(s.site()) && x.configurationServer() != null);
                    return ofSite(s.site(), classic ? Architecture.CLASSIC : Architecture.MODERNIZED);
                }
                default -> {
                    // SITE, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET, NETWORK_MAPPING, STORAGE_MAPPING: the classic
                    // design's (and Hyper-V's) objects.
                    return ofSite(s.site(), Architecture.CLASSIC);
                }
            }
        }

        /** The vault of this architecture a site's groups replicate to; else the first vault of that architecture. */
        private String ofSite(String site, Architecture architecture) {
            List<String> of = estate.azure().stream().filter(t -> vaults.containsKey(t.name()) && Architecture.of(t) == architecture).map(AzureTarget::name).toList();
            return estate.protectionGroups().stream().filter(g -> g.source().equals(site)).map(ProtectionGroup::target).filter(of::contains).findFirst()
                    .orElse(of.isEmpty() ? null : of.get(0));
        }

        String ofPlan(String plan) {
            return estate.recoveryPlans().stream().filter(p -> p.name().equals(plan)).map(RecoveryPlan::target).filter(vaults::containsKey).findFirst().orElseGet(this::first);
        }

        String owned(String target, String job) {
            if (job != null) jobOwners.put(job, target);
            return job;
        }
    }

    /** Changes: each step to its vault; a move to the vault it leaves; a deletion asked of each vault until one had it. */
    static final class Changes implements ChangeOperations {
        private final Routes r;

        Changes(Routes r) {
            this.r = r;
        }

        @Override public StepResult apply(Step step, Secrets secrets) {
            if (step.type() == siteplan.planner.diff.ResourceType.PROTECTION && step.action() == Action.MOVE) return move(step, secrets);
            String target = r.ofStep(step);
            if (target != null) return owned(target, r.changes.get(target).apply(step, secrets));
            StepResult last = null;
            for (Map.Entry<String, AzureChanges> e : r.changes.entrySet()) {
                StepResult one = e.getValue().apply(step, secrets);
                if (one.outcome() != StepResult.Outcome.ALREADY) return owned(e.getKey(), one);
                last = one;
            }
            return last;
        }

        @Override public Optional<String> pendingJob(String machine) {
            String target = r.ofMachine(machine);
            return r.changes.get(target).pendingJob(machine).map(j -> r.owned(target, j));
        }

        private StepResult owned(String target, StepResult s) {
            r.owned(target, s.jobId());
            return s;
        }

        /**
         * The machine leaves the vault that holds it for its group's (switch provider, MOVE-*). Site Recovery moves it with
         * the classic item's resources (target resource group, network, VM size): once the move is done, the moved item is
         * given the declared ones, as an update of its protection would.
         */
        private StepResult move(Step step, Secrets secrets) {
            Machine m = r.estate.machine(step.name()).orElseThrow(() -> new OperationFailed("machine " + step.name() + " is not declared"));
            ProtectionGroup g = r.membership.groupOf(m.name()).orElseThrow(() -> new OperationFailed(m.name() + " is in no protection group"));
            AzureVault to = r.vaults.get(g.target());
            if (to == null) throw new OperationFailed(m.name() + " moves to target " + g.target() + ", which is not a real vault of this estate (provider 'azure')");
            if (to.itemNode(m.name()).filter(i -> AzureVault.provider(i).startsWith("InMageRcm")).isPresent()) {
                return StepResult.already(m.name() + " is protected in vault " + to.target().vault());
            }
            for (Map.Entry<String, AzureVault> e : r.vaults.entrySet()) {
                if (e.getValue() == to) continue;
                Optional<JsonNode> item = e.getValue().itemNode(m.name());
                if (item.isPresent()) {
                    String moved = new SwitchProvider(e.getValue(), to).move(m, g, item.get());
                    StepResult settled = r.changes.get(g.target()).apply(new Step(step.address(), step.type(), step.site(), step.name(), Action.UPDATE), secrets);
                    return owned(g.target(), new StepResult(StepResult.Outcome.CHANGED, settled.jobId(),
                            moved + (settled.outcome() == StepResult.Outcome.ALREADY ? "" : "; " + settled.detail())));
                }
            }
            throw new OperationFailed(m.name() + " is protected in no vault of this estate: nothing to move; plan again");
        }
    }

    /** Recovery: each machine through its vault, each runbook through its recovery plan's. */
    static final class Recovery implements RecoveryOperations {
        private final Routes r;

        Recovery(Routes r) {
            this.r = r;
        }

        private RecoveryOperations of(String machine) {
            return r.recovery.get(r.ofMachine(machine));
        }

        private String owned(String machine, Function<RecoveryOperations, String> call) {
            String target = r.ofMachine(machine);
            return r.owned(target, call.apply(r.recovery.get(target)));
        }

        @Override public String testFailover(String machine, String network, RecoveryPointChoice point) {
            return owned(machine, o -> o.testFailover(machine, network, point));
        }

        @Override public String cleanupTestFailover(String machine) {
            return owned(machine, o -> o.cleanupTestFailover(machine));
        }

        @Override public String failover(String machine, FailoverType type, RecoveryPointChoice point) {
            return owned(machine, o -> o.failover(machine, type, point));
        }

        @Override public String commit(String machine) {
            return owned(machine, o -> o.commit(machine));
        }

        @Override public String reprotect(String machine) {
            return owned(machine, o -> o.reprotect(machine));
        }

        @Override public Duration recoveryPointAge(String machine, RecoveryPointChoice point) {
            return of(machine).recoveryPointAge(machine, point);
        }

        @Override public String runbook(String name, String recoveryPlan) {
            String target = r.ofPlan(recoveryPlan);
            return r.owned(target, r.recovery.get(target).runbook(name, recoveryPlan));
        }

        @Override public InetSocketAddress endpoint(String machine, int port) {
            return of(machine).endpoint(machine, port);
        }

        @Override public ProtectedItem item(String machine) {
            return of(machine).item(machine);
        }
    }

    /** Jobs: each through the vault that started it (the first vault's for one it did not see start). */
    static final class Jobs implements JobOperations {
        private final Routes r;
        private final List<AzureJobs> all = new ArrayList<>();

        Jobs(Routes r) {
            this.r = r;
            r.vaults.values().forEach(v -> all.add(v.jobs()));
        }

        @Override public ExecutionClock clock() {
            return all.get(0).clock();
        }

        @Override public JobStatus job(String id) {
            String owner = r.jobOwners.get(id);
            return (owner == null ? all.get(0) : r.vaults.get(owner).jobs()).job(id);
        }
    }
}
