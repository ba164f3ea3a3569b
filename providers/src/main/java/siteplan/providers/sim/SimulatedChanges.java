package siteplan.providers.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import siteplan.executor.apply.Credentials;
import siteplan.executor.provider.ChangeOperations;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;
import siteplan.executor.provider.TransientFault;
import siteplan.executor.secrets.Secrets;
import siteplan.model.InstallMethod;
import siteplan.model.Machine;
import siteplan.model.ProtectionGroup;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.Replication;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.ProtectedItem.ActiveLocation;
import siteplan.planner.state.ProtectedItem.ReplicationState;
import siteplan.planner.state.RecoveryVault;
import siteplan.planner.state.RecoveryVault.Fabric;
import siteplan.units.DataSize;

/**
 * The simulated estate's side of `apply`: each step makes the part of the state it addresses match the
 * definition (the same "everything as declared" state that {@code sim init --from-model} writes). The
 * protection of machines is here; the estate around them is in {@link InfrastructureChanges}.
 */
final class SimulatedChanges implements ChangeOperations {
    private final SimulatedState state;
    private final Credentials credentials;
    private final InfrastructureChanges infrastructure;
    private DiscoveredState desired;
    /** The declared protected items by machine, once the desired state is made. */
    private Map<String, ProtectedItem> wanted;

    SimulatedChanges(SimulatedState state) {
        this.state = state;
        this.credentials = new Credentials(state.estate());
        this.infrastructure = new InfrastructureChanges(state, credentials);
    }

    /**
     * Carries out a step; the change is on disk before this returns. The step appends what it changed
     * to the journal rather than rewriting the state file, and concurrent steps share one append and
     * one sync (group commit): the first to flush writes everything changed so far.
     */
    @Override public StepResult apply(Step step, Secrets secrets) {
        StepResult r;
        long mine;
        synchronized (state) {
            r = applyInMemory(step, secrets);
            if (r.outcome() != StepResult.Outcome.CHANGED) return r;
            mine = state.journal(step.action().token() + " " + step.address());
        }
        state.flush(mine);
        return r;
    }

    @Override public Optional<String> pendingJob(String machine) {
        synchronized (state) {
            state.advance();
            return state.runningJob(machine, "enable-protection").or(() -> state.runningJob(machine, "reprotect")).or(() -> state.runningJob(machine, "switch-provider"));
        }
    }

    private StepResult applyInMemory(Step step, Secrets secrets) {
        state.advance();
        Faults faults = state.faults();
        if (faults.throttle(step.address())) throw new TransientFault("429 Too Many Requests (simulated throttling of " + step.address() + "; Retry-After: 1)");
        String failure = faults.fail().get(step.address());
        if (failure != null) throw new OperationFailed(step.address() + ": " + failure);
        DiscoveredState want = desired();
        return switch (step.type()) {
            case VAULT -> infrastructure.vault(step, want);
            case STORAGE_ACCOUNT -> infrastructure.storageAccount(step, want);
            case AZURE_NETWORK -> infrastructure.network(step, want);
            case SITE -> infrastructure.site(step, want);
            case VCENTER, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET, APPLIANCE -> infrastructure.server(step, want, secrets);
            case POLICY -> infrastructure.policy(step, want);
            case NETWORK_MAPPING, STORAGE_MAPPING -> infrastructure.mapping(step, want);
            case PROTECTION -> protection(step, secrets);
            case MOBILITY -> mobility(step, secrets);
            case RECOVERY_PLAN -> infrastructure.recoveryPlan(step, want);
        };
    }

    private DiscoveredState desired() {
        if (desired == null) {
            desired = SimulatedEstate.create(state.estate(), true, null);
            wanted = new HashMap<>();
            desired.vaults().forEach(v -> v.protectedItems().forEach(p -> wanted.putIfAbsent(p.machine(), p)));
        }
        return desired;
    }

    private Optional<ProtectedItem> wantedItem(String machine) {
        desired();
        return Optional.ofNullable(wanted.get(machine));
    }

    private StepResult protection(Step s, Secrets secrets) {
        String machine = s.name();
        Optional<ProtectedItem> have = state.protectedItem(machine);
        switch (s.action()) {
            case DELETE -> {
                if (have.isEmpty()) return StepResult.already(machine + " is not protected");
                removeItem(machine);
                return StepResult.changed("protection of " + machine + " disabled");
            }
            case REPROTECT -> {
                ProtectedItem p = have.orElseThrow(() -> new OperationFailed(machine + " is not protected"));
                if (p.state() != ReplicationState.FAILOVER_COMMITTED) return state.runningJob(machine, "reprotect").map(j -> StepResult.job(j, "reprotect running"))
                        .orElse(StepResult.already(machine + " is " + p.state().token()));
                return StepResult.job(state.startReprotect(p), "reprotect of " + machine + " started (FB-STAGES)");
            }
            case MOVE -> {
                return move(machine, have.orElseThrow(() -> new OperationFailed(machine + " is not protected: nothing to move")));
            }
            case UPDATE -> {
                ProtectedItem p = have.orElseThrow(() -> new OperationFailed(machine + " is not protected"));
                ProtectedItem w = declaredItem(machine);
                // The planner updates disks only where the architecture grows them in place (RCM-RESIZE): the same disks, larger.
                boolean grownInPlace = sameDisks(p.disks(), w.disks());
                // A moved machine stays under the copy of its policy Site Recovery made (MOVE-POLICY): no update changes an item's policy.
                boolean copied = state.estate().azure().stream().anyMatch(t -> p.policy() != null && p.policy().equals(siteplan.planner.state.PolicyForm.moveCopy(w.policy(), t)));
                ProtectedItem updated = new ProtectedItem(p.machine(), p.site(), w.protectionGroup(), copied ? p.policy() : w.policy(), w.processServer(), p.masterTarget(), p.storageAccount(),
                        p.state(), p.health(), p.activeLocation(), grownInPlace ? w.disks() : p.disks(), w.failover(), p.mobility(), p.managed(), p.testFailover(), p.moveReadiness());
                if (updated.equals(p)) return StepResult.already(machine + " is as declared");
                state.putItem(updated);
                return StepResult.changed("protection settings of " + machine + " updated");
            }
            default -> {
                // CREATE, REPLACE, RE_REPLICATE: enable protection (again) and wait for initial replication.
                ProtectedItem w = declaredItem(machine);
                if (have.isPresent() && s.action() == Action.CREATE) {
                    return state.runningJob(machine, "enable-protection").map(j -> StepResult.job(j, "initial replication of " + machine + " already running"))
                            .orElse(StepResult.already(machine + " is protected"));
                }
                // Moving to another vault without switch provider: disabled in the old vault, enabled in the group's.
                boolean otherVault = have.isPresent() && state.membership().groupOf(machine).map(ProtectionGroup::target)
                        .filter(t -> !t.equals(state.vaultOf(machine).target())).isPresent();
                if (have.isPresent() && !otherVault && have.get().disks().equals(w.disks()) && Objects.equals(have.get().masterTarget(), w.masterTarget())
                        && Objects.equals(have.get().storageAccount(), w.storageAccount()) && !mechanismChanged(machine)) {
                    return state.runningJob(machine, "enable-protection").map(j -> StepResult.job(j, "re-replication of " + machine + " already running"))
                            .orElse(StepResult.already(machine + " already replicates as declared"));
                }
                Machine m = state.machine(machine).orElseThrow();
                ProtectionGroup g = state.membership().groupOf(machine).orElseThrow(() -> new OperationFailed(machine + " is in no protection group"));
                ProtectedItem.Mobility mobility = null;
                if (m.mobility() != null) {
                    credentials.forStep(s).forEach(c -> secrets.resolve(c.ref(), c.purpose()));
                    mobility = w.mobility();
                }
                ProtectedItem started = new ProtectedItem(w.machine(), w.site(), w.protectionGroup(), w.policy(), w.processServer(), w.masterTarget(), w.storageAccount(),
                        ReplicationState.INITIAL_REPLICATION, "normal", ActiveLocation.PRIMARY, w.disks(), w.failover(), mobility, true, null);
                DataSize data = !otherVault && resizeOnly(have, w, machine) ? Replication.resizedData(have.get().disks(), m.disks()) : m.totalSize();
                Duration d = state.replicationTime(m, g, data);
                // Everything that can refuse the step is checked (the group's vault exists): only now is the state changed.
                if (otherVault) {
                    state.now().vault(g.target()).orElseThrow(() -> new OperationFailed("the vault of " + g.target() + " does not exist yet: " + machine + " cannot be protected in it"));
                    removeItem(machine);
                }
                String job = state.startJob(machine, "enable-protection", d, null);
                state.putItem(started);
                return StepResult.job(job, (s.action() == Action.CREATE ? "protection enabled" : "protection enabled again")
                        + "; initial replication of " + data.human() + " takes about " + siteplan.executor.Times.human(d));
            }
        }
    }

    /** Takes the machine's item out of the vault holding it. */
    private void removeItem(String machine) {
        RecoveryVault v = state.vaultOf(machine);
        List<ProtectedItem> items = new ArrayList<>(v.protectedItems());
        items.removeIf(p -> p.machine().equals(machine));
        state.replaceVault(v.withItems(items, v.jobs()));
        state.forgetIndex(); // the machine may be held by another vault too
    }

    /**
     * Site Recovery's switch provider (MOVE-*): the item leaves the classic vault and replicates from the group's
     * appliance into the modernized vault, where the move completes with its first recovery point, after the time
     * Microsoft's formula gives (the planner's {@link Replication#moveTime}, so apply takes what the plan said).
     */
    private StepResult move(String machine, ProtectedItem p) {
        ProtectionGroup g = state.membership().groupOf(machine).orElseThrow(() -> new OperationFailed(machine + " is in no protection group"));
        if (state.vaultOf(machine).target().equals(g.target())) {
            return state.runningJob(machine, "switch-provider").map(j -> StepResult.job(j, "move of " + machine + " already running"))
                    .orElse(StepResult.already(machine + " is already protected in the vault of " + g.target()));
        }
        Machine m = state.machine(machine).orElseThrow(() -> new OperationFailed(machine + " is not declared"));
        ProtectedItem w = declaredItem(machine);
        // Refused as Site Recovery refuses it (MOVE-DISKS, MOVE-BLOCKED), before anything changes.
        if (p.moveReadiness() != null && p.moveReadiness().unmanagedDisks()) {
            throw new OperationFailed(machine + " replicates to unmanaged disks: Site Recovery moves only machines replicating to managed disks (MOVE-DISKS); plan again");
        }
        if (p.moveReadiness() != null && !p.moveReadiness().blockers().isEmpty()) {
            throw new OperationFailed(machine + " cannot move now: " + String.join("; ", p.moveReadiness().blockers()) + " (MOVE-BLOCKED)");
        }
        // Refused before anything changes: the vault it moves to must exist.
        state.now().vault(g.target()).orElseThrow(() -> new OperationFailed("the vault of " + g.target() + " does not exist yet: " + machine + " cannot move into it"));
        // Site Recovery first copies the classic policy into the modernized vault, once (MOVE-POLICY), and moves the machine under the copy.
        siteplan.model.AzureTarget to = state.estate().azure().stream().filter(t -> t.name().equals(g.target())).findFirst()
                .orElseThrow(() -> new OperationFailed(g.target() + " is not an Azure target"));
        String copy = p.policy() == null ? w.policy() : siteplan.planner.state.PolicyForm.moveCopy(p.policy(), to);
        RecoveryVault.Policy classic = state.vaultOf(machine).policies().stream().filter(x -> x.name().equals(p.policy())).findFirst().orElse(null);
        removeItem(machine);
        RecoveryVault into = state.now().vault(g.target()).orElseThrow();
        if (classic != null && into.policies().stream().noneMatch(x -> x.name().equals(copy))) {
            List<RecoveryVault.Policy> policies = new ArrayList<>(into.policies());
            // Site Recovery's, not siteplan's: never planned for deletion.
            policies.add(new RecoveryVault.Policy(copy, siteplan.planner.state.PolicyForm.VMWARE_TO_AZURE_MODERNIZED, siteplan.planner.state.PolicyForm.copied(classic.settings()), false));
            state.replaceVault(InfrastructureChanges.withPolicies(into, policies));
        }
        // The move keeps the classic item's log storage account (MOVE-LOG); the declared failover settings are set on the moved item.
        state.putItem(new ProtectedItem(w.machine(), w.site(), w.protectionGroup(), copy, w.processServer(), w.masterTarget(), p.storageAccount(),
                ReplicationState.INITIAL_REPLICATION, p.health(), ActiveLocation.PRIMARY, w.disks(), w.failover(), p.mobility(), true, null));
        Duration d = Replication.moveTime(m, p);
        String job = state.startJob(machine, "switch-provider", d, null);
        return StepResult.job(job, "moving to the vault of " + g.target() + " (switch provider); it completes with the first recovery point there, in about "
                + siteplan.executor.Times.human(d));
    }

    private static boolean sameDisks(List<siteplan.planner.state.VmDisk> have, List<siteplan.planner.state.VmDisk> want) {
        return have.size() == want.size() && have.stream().allMatch(h -> want.stream().anyMatch(w -> w.name().equals(h.name()) && w.size().compareTo(h.size()) >= 0));
    }

    /** SRC-RESIZE alone (same master target, storage account and mechanism): only the resized disks are sent again. */
    private boolean resizeOnly(Optional<ProtectedItem> have, ProtectedItem wanted, String machine) {
        return have.isPresent() && Objects.equals(have.get().masterTarget(), wanted.masterTarget())
                && Objects.equals(have.get().storageAccount(), wanted.storageAccount()) && !mechanismChanged(machine);
    }

    private boolean mechanismChanged(String machine) {
        ProtectedItem p = state.protectedItem(machine).orElseThrow();
        String now = state.now().vaults().stream().map(v -> v.fabric(p.site()).orElse(null)).filter(Objects::nonNull).map(Fabric::replicationMechanism).filter(Objects::nonNull).findFirst().orElse(null);
        String declared = state.estate().vmwareSites().stream().filter(x -> x.name().equals(p.site())).map(x -> x.replication() == null ? "internet" : x.replication().token()).findFirst().orElse(now);
        return !Objects.equals(now, declared);
    }

    private ProtectedItem declaredItem(String machine) {
        return wantedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not declared as protected"));
    }

    private StepResult mobility(Step s, Secrets secrets) {
        String machine = s.name();
        ProtectedItem p = state.protectedItem(machine).orElseThrow(() -> new OperationFailed("the Mobility service of " + machine + " is managed once protection is enabled; enable protection first"));
        Machine m = state.machine(machine).orElseThrow(() -> new OperationFailed(machine + " is not declared"));
        ProtectedItem.Mobility w = wantedItem(machine).map(ProtectedItem::mobility).orElse(null);
        if (w == null || w.equals(p.mobility())) return StepResult.already("Mobility service of " + machine + " is as declared");
        List<String> did = new ArrayList<>();
        boolean install = p.mobility() == null || !Objects.equals(p.mobility().version(), w.version())
                || w.services().keySet().stream().anyMatch(k -> "missing".equals(p.mobility().services().getOrDefault(k, "missing")));
        if (install) credentials.forStep(s).forEach(c -> secrets.resolve(c.ref(), c.purpose()));
        if (install && m.mobility().install() == InstallMethod.MANUAL && p.mobility() == null) {
            throw new OperationFailed("the Mobility service of " + machine + " is installed by hand (install 'manual') and is not there: install it, then apply again");
        }
        Map<String, String> before = p.mobility() == null ? Map.of() : p.mobility().services();
        w.services().forEach((svc, st) -> {
            String was = before.getOrDefault(svc, "missing");
            if (!was.equals(st)) did.add(("missing".equals(was) ? "installed and started " : "started ") + svc);
        });
        if (p.mobility() == null || !Objects.equals(p.mobility().version(), w.version())) did.add(0, "installed Mobility service " + w.version());
        state.putItem(p.withMobility(w));
        return StepResult.changed(String.join(", ", did));
    }
}
