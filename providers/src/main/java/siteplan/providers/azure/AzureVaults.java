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
import siteplan.executor.provider.TransientFault;
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

        /** Each vault's protected machines, read once and again after a step that changes protection. */
        private Map<String, java.util.Set<String>> held;

        synchronized java.util.Set<String> holding(String machine) {
            if (held == null) {
                held = new LinkedHashMap<>();
                vaults.forEach((t, v) -> held.put(t, v.protectedMachines()));
            }
            java.util.Set<String> out = new java.util.LinkedHashSet<>();
            held.forEach((t, machines) -> { if (machines.contains(machine)) out.add(t); });
            return out;
        }

        synchronized void forgetHolders() {
            held = null;
        }

        /**
         * The vault a machine is protected in: its group's when that vault holds it, else the one that does (a machine
         * whose group was retargeted replicates, fails over and is upgraded in its old vault until it moves), else its
         * group's (to be protected there).
         */
        String ofMachine(String machine) {
            Optional<String> declared = membership.groupOf(machine).map(ProtectionGroup::target).filter(vaults::containsKey);
            java.util.Set<String> holding = holding(machine);
            if (declared.isPresent() && (holding.isEmpty() || holding.contains(declared.get()))) return declared.get();
            return holding.isEmpty() ? first() : holding.iterator().next();
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
            if (step.type() != siteplan.planner.diff.ResourceType.PROTECTION) return routed(step, secrets);
            try {
                if (step.action() == Action.MOVE) return move(step, secrets);
                if (step.action() == Action.REPLACE || step.action() == Action.RE_REPLICATE) {
                    StepResult across = acrossVaults(step, secrets);
                    if (across != null) return across;
                }
                return routed(step, secrets);
            } finally {
                r.forgetHolders();
            }
        }

        /**
         * A machine protected anew in another vault (a change of vault Site Recovery cannot switch): disabled in the vault
         * that holds it, then enabled in its group's. Null when it is in its group's vault already.
         */
        private StepResult acrossVaults(Step step, Secrets secrets) {
            Optional<String> declared = r.membership.groupOf(step.name()).map(ProtectionGroup::target).filter(r.vaults::containsKey);
            java.util.Set<String> holding = r.holding(step.name());
            if (declared.isEmpty() || holding.isEmpty() || holding.contains(declared.get())) return null;
            String from = holding.iterator().next();
            StepResult disabled = r.changes.get(from).apply(new Step(step.address(), step.type(), step.site(), step.name(), Action.DELETE), secrets);
            if (disabled.jobId() != null) {
                try {
                    JobStatus done = siteplan.executor.provider.Jobs.await(r.vaults.get(from).jobs(), disabled.jobId(), () -> false);
                    if (done.state() == JobStatus.State.FAILED) throw new OperationFailed("disabling protection of " + step.name() + " in vault " + r.vaults.get(from).target().vault() + " failed: " + done.error());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OperationFailed("disabling protection of " + step.name() + " was interrupted");
                }
            }
            r.forgetHolders();
            StepResult enabled = r.changes.get(declared.get()).apply(new Step(step.address(), step.type(), step.site(), step.name(), Action.CREATE), secrets);
            return owned(declared.get(), new StepResult(StepResult.Outcome.CHANGED, enabled.jobId(), "disabled in vault " + r.vaults.get(from).target().vault() + "; " + enabled.detail()));
        }

        private StepResult routed(Step step, Secrets secrets) {
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
         * the classic item's resources (target resource group, network, VM size): once the move's job is done (the executor
         * waits for it), the moved item is given the declared ones, as an update of its protection would. A machine whose
         * classic item runs a job (a move an earlier, stopped apply asked for) waits for that job first, then is looked at
         * again: a move is never asked twice.
         */
        private StepResult move(Step step, Secrets secrets) {
            return move(step, secrets, null);
        }

        /** {@code waited}: the job this step has just waited for, never waited for twice (an item may name a finished job a while). */
        /** @param waited the job on the classic item this step already waited for (never waited for twice), or null */
        private StepResult move(Step step, Secrets secrets, SwitchProvider.Running waited) {
            Machine m = r.estate.machine(step.name()).orElseThrow(() -> new OperationFailed("machine " + step.name() + " is not declared"));
            ProtectionGroup g = r.membership.groupOf(m.name()).orElseThrow(() -> new OperationFailed(m.name() + " is in no protection group"));
            AzureVault to = r.vaults.get(g.target());
            if (to == null) throw new OperationFailed(m.name() + " moves to target " + g.target() + ", which is not a real vault of this estate (provider 'azure')");
            java.util.Set<String> holding = r.holding(m.name());
            // A job on the item in the vault it leaves (the move an earlier apply asked for) is waited for before anything else.
            for (String from : holding) {
                if (from.equals(g.target())) continue;
                AzureVault classic = r.vaults.get(from);
                Optional<JsonNode> item = classic.itemNode(m.name());
                SwitchProvider.Running running = item.map(i -> SwitchProvider.runningJob(classic, i)).orElse(null);
                if (running != null && !running.url().equals(waited == null ? null : waited.url())) {
                    return StepResult.job(r.owned(from, running.url()), m.name() + " waited for the Site Recovery job " + (running.move() ? "moving it" : "an earlier run left running on it")
                                    + " in vault " + classic.target().vault())
                            .then(() -> {
                                r.forgetHolders();
                                return move(step, secrets, running);
                            });
                }
            }
            // Moved already (by an earlier apply's job, or since the plan was made): only its declared settings are left to give it.
            if (holding.contains(g.target())) return settle(step, secrets, g);
            for (String from : holding) {
                AzureVault classic = r.vaults.get(from);
                Optional<JsonNode> item = classic.itemNode(m.name());
                if (item.isEmpty()) continue;
                if ((waited != null && waited.move()) || item.get().path("properties").path("providerSpecificDetails").path("switchProviderDetails").hasNonNull("targetVaultId")) {
                    // Its move is done or asked: Site Recovery lists the moved item in the new vault a little later. Retried, never asked again.
                    throw new TransientFault(m.name() + " was moved from vault " + classic.target().vault() + " to vault " + to.target().vault()
                            + " (switch provider), but vault " + to.target().vault() + " does not list it yet; if this persists, see the move's job among vault "
                            + classic.target().vault() + "'s Site Recovery jobs, then plan again");
                }
                StepResult started = new SwitchProvider(classic, to).start(m, g, item.get());
                return new StepResult(started.outcome(), r.owned(from, started.jobId()), started.detail()).then(() -> settle(step, secrets, g));
            }
            throw new OperationFailed(m.name() + " is protected in no vault of this estate: nothing to move; plan again");
        }

        /**
         * The moved item, given the declared settings Site Recovery's move did not carry over. Only an item the group's vault
         * lists is updated: an update of an item it does not list would protect the machine anew, beside the move.
         */
        private StepResult settle(Step step, Secrets secrets, ProtectionGroup g) {
            r.forgetHolders();
            AzureVault to = r.vaults.get(g.target());
            if (!r.holding(step.name()).contains(g.target())) {
                throw new TransientFault(step.name() + " is moved, but vault " + to.target().vault() + " does not list it yet: its declared settings are set once it does");
            }
            StepResult settled = r.changes.get(g.target()).apply(new Step(step.address(), step.type(), step.site(), step.name(), Action.UPDATE), secrets);
            return owned(g.target(), settled);
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

        @Override public java.util.Optional<Duration> replicationLag(String machine) {
            return of(machine).replicationLag(machine);
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
