package siteplan.providers.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.UnaryOperator;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.ChangeOperations;
import siteplan.executor.provider.ExecutionClock;
import siteplan.executor.provider.FailoverType;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.Operations;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;
import siteplan.executor.provider.TransientFault;
import siteplan.executor.secrets.Secrets;
import siteplan.model.Estate;
import siteplan.model.InstallMethod;
import siteplan.model.Machine;
import siteplan.model.Membership;
import siteplan.model.ProcessServer;
import siteplan.model.ProtectionGroup;
import siteplan.planner.state.AzureSubscription;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.PolicyForm;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.diff.ResourceType;
import siteplan.planner.state.ProtectedItem.ActiveLocation;
import siteplan.planner.state.ProtectedItem.ReplicationState;
import siteplan.planner.state.RecoveryPlanInfo;
import siteplan.planner.state.RecoveryVault.Fabric;
import siteplan.planner.state.RecoveryVault.Job;
import siteplan.planner.state.RecoveryVault.Mapping;
import siteplan.planner.state.RecoveryVault.RegisteredServer;
import siteplan.planner.state.RecoveryVault;
import siteplan.planner.state.StateFiles;
import siteplan.units.DataSize;

/**
 * The simulated estate as a cloud that carries out operations: each step makes the part of the state
 * it addresses match the definition (the same "everything as declared" state that
 * {@code sim init --from-model} writes), records what it changed in the {@link StateJournal} (the
 * state file is written whole only by recovery operations and at close), and appends one line to
 * operations.log, the simulator's own record of every effective change (tests read it to prove no
 * operation ran twice). Long operations are jobs on the accelerated {@link SimClock}: initial
 * replication takes the machine's data over its process server's uplink (30% compression, as the
 * planner estimates it), a test failover a few minutes per machine.
 */
public final class SimulatedOperations implements Operations, ChangeOperations, RecoveryOperations, JobOperations {
    @Override public ChangeOperations changes() {
        return this;
    }

    @Override public RecoveryOperations recovery() {
        return this;
    }

    @Override public JobOperations jobs() {
        return this;
    }

    /** Seed 000: crash-consistent recovery points every 5 minutes. */
    static final Duration CRASH_CONSISTENT_EVERY = Duration.ofMinutes(5);
    private static final double COMPRESSION = 0.3;
    private static final int JOBS_KEPT = StateJournal.JOBS_KEPT;
    /** Seed 000: a vault registration key is valid for 5 days. */
    static final int REGISTRATION_KEY_DAYS = 5;

    private final Path stateDir;
    private final Estate estate;
    private final SimClock clock;
    private final Faults faults;
    private final Membership membership;
    private final siteplan.executor.apply.Credentials credentials;
    private final GuestEndpoints endpoints = new GuestEndpoints();
    private DiscoveredState desired;
    private DiscoveredState state;
    private int jobCounter;
    /** The declared machines by name: steps and jobs look their machine up, at 10,000 machines a scan each time. */
    private final Map<String, Machine> machines = new HashMap<>();
    /**
     * Each machine's protected item and the vault holding it, for the vaults as {@code indexed} has them
     * (the first vault in order holding the machine, as {@link DiscoveredState#protectedItem} finds it).
     * Changes of items keep it current; any other replacement of the vaults rebuilds it on the next look-up.
     */
    private final Map<String, ProtectedItem> items = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();
    /** The jobs by id, and the jobs in progress by their machine with the vault holding them, for the same vaults. */
    private final Map<String, Job> jobs = new HashMap<>();
    private final Map<String, List<Running>> running = new HashMap<>();
    private List<RecoveryVault> indexed;
    /** The declared protected items by machine, once the desired state is made. */
    private Map<String, ProtectedItem> wanted;
    /** The jobs in progress by their simulated end: advancing the clock finishes the due ones without reading every job. */
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::ends));

    private record Due(Instant ends, String vault) {}

    /** A job in progress and its vault: of two on one machine, the first in the state's order (vault, then id) counts. */
    private record Running(String vault, Job job) {
        static final Comparator<Running> ORDER = Comparator.comparing(Running::vault).thenComparing(r -> r.job().id());
    }

    public SimulatedOperations(Path stateDir, Estate estate, SimClock clock) {
        this.stateDir = stateDir;
        this.estate = estate;
        this.clock = clock;
        this.faults = Faults.read(stateDir);
        this.membership = Membership.of(estate);
        this.credentials = new siteplan.executor.apply.Credentials(estate);
        try {
            byte[] journal = StateJournal.read(stateDir);
            this.state = StateJournal.replay(StateFiles.read(siteplan.planner.state.StateFolder.read(stateDir, StateFiles.STATE_FILE)), journal);
            this.journaled = state;
            this.snapshotted = journal == null ? state : null; // a journal left by a killed run is folded into state.json at close
        } catch (IOException e) {
            throw new OperationFailed("cannot read the simulated estate in " + stateDir + ": "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? "it " + siteplan.planner.state.StateFolder.where(j) : e.getClass().getSimpleName()));
        }
        this.jobCounter = state.vaults().stream().mapToInt(v -> v.jobs().size()).sum();
        estate.machines().forEach(m -> machines.putIfAbsent(m.name(), m));
        for (RecoveryVault v : state.vaults()) {
            for (Job j : v.jobs()) if (j.state().equals("InProgress")) due.add(new Due(Instant.parse(j.ended()), v.target()));
        }
    }

    private Optional<Machine> machine(String name) {
        return Optional.ofNullable(machines.get(name));
    }

    /** The machine's protected item, in whichever vault holds it. */
    private Optional<ProtectedItem> protectedItem(String machine) {
        index();
        return Optional.ofNullable(items.get(machine));
    }

    private void index() {
        if (indexed == state.vaults()) return;
        items.clear();
        holders.clear();
        jobs.clear();
        running.clear();
        for (RecoveryVault v : state.vaults()) {
            for (ProtectedItem p : v.protectedItems()) {
                if (items.putIfAbsent(p.machine(), p) == null) holders.put(p.machine(), v.target());
            }
            for (Job j : v.jobs()) {
                jobs.putIfAbsent(j.id(), j);
                if (j.state().equals("InProgress")) running.computeIfAbsent(j.target(), m -> new ArrayList<>()).add(new Running(v.target(), j));
            }
        }
        indexed = state.vaults();
    }

    @Override public String describe() {
        return "simulated estate in " + stateDir;
    }

    @Override public SimClock clock() {
        return clock;
    }

    /** The state as it is now (jobs advanced to the simulated time). */
    public synchronized DiscoveredState state() {
        advance();
        return state;
    }

    // ------------------------------------------------------------------ apply

    private long version;
    private long durable;
    private boolean unsaved;
    /** The state as the journal (with state.json) has it, and as state.json alone has it. */
    private DiscoveredState journaled;
    private DiscoveredState snapshotted;
    private final List<StateJournal.Entry> pending = new ArrayList<>();
    private final List<String> pendingLog = new ArrayList<>();
    /** Counts full writes of state.json: journal entries taken before one are in it, and are not appended after it. */
    private volatile long generation;
    private final Object flushLock = new Object();
    private final Object journalLock = new Object();

    /**
     * Carries out a step; the change is on disk before this returns. The step appends what it changed
     * to the journal rather than rewriting the state file, and concurrent steps share one append and
     * one sync (group commit): the first to flush writes everything changed so far.
     */
    @Override public StepResult apply(Step step, Secrets secrets) {
        StepResult r;
        long mine;
        synchronized (this) {
            r = applyInMemory(step, secrets);
            if (r.outcome() != StepResult.Outcome.CHANGED) return r;
            pending.addAll(StateJournal.changes(journaled, state));
            journaled = state;
            pendingLog.add(step.action().token() + " " + step.address());
            mine = ++version;
        }
        synchronized (flushLock) {
            if (durable < mine) {
                List<StateJournal.Entry> entries;
                List<String> lines;
                long flushed;
                long taken;
                synchronized (this) {
                    entries = List.copyOf(pending);
                    pending.clear();
                    lines = List.copyOf(pendingLog);
                    pendingLog.clear();
                    flushed = version;
                    taken = generation;
                }
                synchronized (journalLock) {
                    try {
                        if (taken == generation) StateJournal.append(stateDir, entries);
                        clock.save();
                    } catch (IOException e) {
                        throw new OperationFailed("cannot save the simulated estate in " + stateDir + ": " + e.getMessage());
                    }
                }
                log(lines);
                durable = flushed;
            }
        }
        return r;
    }

    private StepResult applyInMemory(Step step, Secrets secrets) {
        advance();
        if (faults.throttle(step.address())) throw new TransientFault("429 Too Many Requests (simulated throttling of " + step.address() + "; Retry-After: 1)");
        String failure = faults.fail().get(step.address());
        if (failure != null) throw new OperationFailed(step.address() + ": " + failure);
        DiscoveredState want = desired();
        StepResult r = switch (step.type()) {
            case VAULT -> vault(step, want);
            case STORAGE_ACCOUNT -> storageAccount(step, want);
            case AZURE_NETWORK -> network(step, want);
            case SITE -> site(step, want);
            case VCENTER, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET -> server(step, want, secrets);
            case POLICY -> policy(step, want);
            case NETWORK_MAPPING, STORAGE_MAPPING -> mapping(step, want);
            case PROTECTION -> protection(step, want, secrets);
            case MOBILITY -> mobility(step, secrets);
            case RECOVERY_PLAN -> recoveryPlan(step, want);
        };
        return r;
    }

    private DiscoveredState desired() {
        if (desired == null) {
            desired = SimulatedEstate.create(estate, true, null);
            wanted = new HashMap<>();
            desired.vaults().forEach(v -> v.protectedItems().forEach(p -> wanted.putIfAbsent(p.machine(), p)));
        }
        return desired;
    }

    private Optional<ProtectedItem> wantedItem(String machine) {
        desired();
        return Optional.ofNullable(wanted.get(machine));
    }

    private StepResult vault(Step s, DiscoveredState want) {
        if (state.vault(s.name()).isPresent()) return StepResult.already("vault exists");
        RecoveryVault w = want.vault(s.name()).orElseThrow(() -> new OperationFailed("no vault is declared for " + s.name()));
        List<RecoveryVault> vaults = new ArrayList<>(state.vaults());
        vaults.add(new RecoveryVault(w.target(), w.name(), w.region(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        state = new DiscoveredState(state.vcenters(), state.vmms(), state.azure(), vaults);
        return StepResult.changed("created Recovery Services vault " + w.name());
    }

    private StepResult storageAccount(Step s, DiscoveredState want) {
        String account = s.name().substring(s.name().indexOf('/') + 1);
        AzureSubscription.AzureStorageAccount w = want.azure(s.site()).flatMap(a -> a.storageAccounts().stream().filter(x -> x.name().equals(account)).findFirst())
                .orElseThrow(() -> new OperationFailed("storage account " + account + " is not declared"));
        return subscription(s.site(), sub -> {
            List<AzureSubscription.AzureStorageAccount> l = new ArrayList<>(sub.storageAccounts());
            if (l.contains(w)) return null;
            l.removeIf(x -> x.name().equals(account));
            l.add(w);
            return new AzureSubscription(sub.target(), sub.subscription(), sub.region(), sub.networks(), l);
        }, "storage account " + account + " (" + w.sku() + ")");
    }

    private StepResult network(Step s, DiscoveredState want) {
        String net = s.name().substring(s.name().indexOf('/') + 1);
        AzureSubscription.AzureNetwork w = want.azure(s.site()).flatMap(a -> a.networks().stream().filter(x -> x.name().equals(net)).findFirst())
                .orElseThrow(() -> new OperationFailed("virtual network " + net + " is not declared"));
        return subscription(s.site(), sub -> {
            List<AzureSubscription.AzureNetwork> l = new ArrayList<>(sub.networks());
            if (l.contains(w)) return null;
            l.removeIf(x -> x.name().equals(net));
            l.add(w);
            return new AzureSubscription(sub.target(), sub.subscription(), sub.region(), l, sub.storageAccounts());
        }, "virtual network " + net);
    }

    private StepResult subscription(String target, UnaryOperator<AzureSubscription> change, String what) {
        List<AzureSubscription> subs = new ArrayList<>(state.azure());
        AzureSubscription sub = state.azure(target).orElseGet(() -> desired().azure(target)
                .map(a -> new AzureSubscription(a.target(), a.subscription(), a.region(), List.of(), List.of()))
                .orElseThrow(() -> new OperationFailed("no Azure target " + target)));
        AzureSubscription changed = change.apply(sub);
        if (changed == null) return StepResult.already(what + " is as declared");
        subs.removeIf(a -> a.target().equals(target));
        subs.add(changed);
        state = new DiscoveredState(state.vcenters(), state.vmms(), subs, state.vaults());
        return StepResult.changed(what);
    }

    private StepResult site(Step s, DiscoveredState want) {
        Fabric w = fabricWanted(want, s.name());
        return fabric(s.name(), f -> Objects.equals(f.replicationMechanism(), w.replicationMechanism()) ? null
                : new Fabric(f.site(), f.type(), w.replicationMechanism(), f.servers(), f.protectionContainers()),
                "replication mechanism " + w.replicationMechanism());
    }

    private StepResult server(Step s, DiscoveredState want, Secrets secrets) {
        String site = s.site();
        String name = s.name().substring(s.name().indexOf('/') + 1);
        String role = switch (s.type()) {
            case VCENTER -> "vcenter";
            case CONFIGURATION_SERVER -> "configuration-server";
            case PROCESS_SERVER -> "process-server";
            default -> "master-target";
        };
        Fabric w = fabricWanted(want, site);
        RegisteredServer ws = w.server(role, name).orElseThrow(() -> new OperationFailed(role + " " + name + " is not declared for site " + site));
        // The credential is resolved only now, and only to prove it is there: a registration needs it.
        credentials.forStep(s).forEach(c -> secrets.resolve(c.ref(), c.purpose()));
        String detail = s.type() == ResourceType.CONFIGURATION_SERVER ? registrationKey(site) : role.replace('-', ' ') + " " + name + " registered";
        return fabric(site, f -> {
            Optional<RegisteredServer> have = f.server(role, name);
            if (have.isPresent() && have.get().properties().equals(ws.properties())) return null;
            List<RegisteredServer> servers = new ArrayList<>(f.servers());
            servers.removeIf(x -> x.role().equals(role) && x.name().equals(name));
            servers.add(ws);
            return new Fabric(f.site(), f.type(), f.replicationMechanism(), servers, f.protectionContainers());
        }, detail);
    }

    /** CS-REG-KEY: the configuration server registers with the vault's registration key, which is valid 5 days. */
    private String registrationKey(String site) {
        String target = desired().vaults().stream().filter(v -> v.fabric(site).isPresent()).map(RecoveryVault::target).findFirst().orElse(null);
        siteplan.model.AzureTarget t = estate.azure().stream().filter(a -> a.name().equals(target)).findFirst().orElse(null);
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

    private Fabric fabricWanted(DiscoveredState want, String site) {
        return want.vaults().stream().map(v -> v.fabric(site).orElse(null)).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new OperationFailed("site " + site + " is not part of any vault in the definition"));
    }

    private StepResult fabric(String site, UnaryOperator<Fabric> change, String what) {
        String target = desired().vaults().stream().filter(v -> v.fabric(site).isPresent()).map(RecoveryVault::target).findFirst()
                .orElseThrow(() -> new OperationFailed("site " + site + " is not part of any vault in the definition"));
        RecoveryVault v = state.vault(target).orElseThrow(() -> new OperationFailed("vault of " + target + " does not exist yet"));
        Fabric f = v.fabric(site).orElseGet(() -> {
            Fabric w = fabricWanted(desired(), site);
            return new Fabric(site, w.type(), w.replicationMechanism(), List.of(), w.protectionContainers());
        });
        Fabric changed = change.apply(f);
        if (changed == null) return StepResult.already(what + ": already so");
        List<Fabric> fabrics = new ArrayList<>(v.fabrics());
        fabrics.removeIf(x -> x.site().equals(site));
        fabrics.add(changed);
        replaceVault(new RecoveryVault(v.target(), v.name(), v.region(), fabrics, v.policies(), v.networkMappings(), v.storageMappings(), v.protectedItems(), v.recoveryPlans(), v.jobs()));
        return StepResult.changed(what);
    }

    private StepResult policy(Step s, DiscoveredState want) {
        RecoveryVault v = vaultFor(s.site());
        List<RecoveryVault.Policy> policies = new ArrayList<>(v.policies());
        if (s.action() == siteplan.planner.diff.Action.DELETE) {
            if (!policies.removeIf(p -> p.name().equals(s.name()))) return StepResult.already("policy " + s.name() + " is gone");
            policies.removeIf(p -> p.name().equals(s.name() + "-failback"));
            replaceVault(withPolicies(v, policies));
            return StepResult.changed("deleted policy " + s.name() + " and its failback policy");
        }
        RecoveryVault.Policy w = want.vaults().stream().flatMap(x -> x.policies().stream()).filter(p -> p.name().equals(s.name())).findFirst()
                .orElseThrow(() -> new OperationFailed("policy " + s.name() + " is not declared"));
        if (policies.contains(w)) return StepResult.already("policy " + s.name() + " is as declared");
        policies.removeIf(p -> p.name().equals(s.name()));
        policies.add(w);
        // FB-POLICY: Site Recovery makes a failback policy beside every VMware-to-Azure policy; it is not
        // editable and not siteplan's (managed false), so a later plan never deletes it.
        if (w.kind().equals(PolicyForm.VMWARE_TO_AZURE) && policies.stream().noneMatch(p -> p.name().equals(s.name() + "-failback"))) {
            policies.add(new RecoveryVault.Policy(s.name() + "-failback", PolicyForm.FAILBACK,
                    Map.of(PolicyForm.RPO_THRESHOLD, "15m", PolicyForm.RETENTION, "24h", PolicyForm.APP_CONSISTENT_FREQUENCY, "60m"), false));
        }
        replaceVault(withPolicies(v, policies));
        return StepResult.changed(s.action() == siteplan.planner.diff.Action.CREATE ? "created policy " + s.name() + " (and its failback policy, FB-POLICY)" : "updated policy " + s.name());
    }

    private static RecoveryVault withPolicies(RecoveryVault v, List<RecoveryVault.Policy> policies) {
        return new RecoveryVault(v.target(), v.name(), v.region(), v.fabrics(), policies, v.networkMappings(), v.storageMappings(), v.protectedItems(), v.recoveryPlans(), v.jobs());
    }

    private StepResult mapping(Step s, DiscoveredState want) {
        boolean network = s.type() == ResourceType.NETWORK_MAPPING;
        RecoveryVault v = state.vaults().stream().filter(x -> (network ? x.networkMappings() : x.storageMappings()).stream().anyMatch(m -> m.source().equals(s.name())))
                .findFirst().orElseGet(() -> state.vaults().isEmpty() ? null : state.vaults().get(0));
        if (v == null) throw new OperationFailed("no vault exists for " + s.address());
        List<Mapping> l = new ArrayList<>(network ? v.networkMappings() : v.storageMappings());
        if (s.action() == siteplan.planner.diff.Action.DELETE) {
            if (!l.removeIf(m -> m.source().equals(s.name()))) return StepResult.already(s.address() + " is gone");
        } else {
            Mapping w = want.vaults().stream().flatMap(x -> (network ? x.networkMappings() : x.storageMappings()).stream())
                    .filter(m -> m.source().equals(s.name())).findFirst().orElseThrow(() -> new OperationFailed(s.address() + " is not declared"));
            if (l.contains(w)) return StepResult.already(s.address() + " is as declared");
            l.removeIf(m -> m.source().equals(s.name()));
            l.add(w);
        }
        replaceVault(new RecoveryVault(v.target(), v.name(), v.region(), v.fabrics(), v.policies(), network ? l : v.networkMappings(), network ? v.storageMappings() : l,
                v.protectedItems(), v.recoveryPlans(), v.jobs()));
        return StepResult.changed((s.action() == siteplan.planner.diff.Action.DELETE ? "removed " : "mapped ") + s.name());
    }

    private StepResult protection(Step s, DiscoveredState want, Secrets secrets) {
        String machine = s.name();
        Optional<ProtectedItem> have = protectedItem(machine);
        switch (s.action()) {
            case DELETE -> {
                if (have.isEmpty()) return StepResult.already(machine + " is not protected");
                RecoveryVault v = vaultOf(machine);
                List<ProtectedItem> items = new ArrayList<>(v.protectedItems());
                items.removeIf(p -> p.machine().equals(machine));
                replaceVault(v.withItems(items, v.jobs()));
                indexed = null; // the machine may be held by another vault too
                return StepResult.changed("protection of " + machine + " disabled");
            }
            case REPROTECT -> {
                ProtectedItem p = have.orElseThrow(() -> new OperationFailed(machine + " is not protected"));
                if (p.state() != ReplicationState.FAILOVER_COMMITTED) return runningJob(machine, "reprotect").map(j -> StepResult.job(j, "reprotect running"))
                        .orElse(StepResult.already(machine + " is " + p.state().token()));
                return StepResult.job(startReprotect(p), "reprotect of " + machine + " started (FB-STAGES)");
            }
            case UPDATE -> {
                ProtectedItem p = have.orElseThrow(() -> new OperationFailed(machine + " is not protected"));
                ProtectedItem w = declaredItem(machine);
                ProtectedItem updated = new ProtectedItem(p.machine(), p.site(), w.protectionGroup(), w.policy(), w.processServer(), p.masterTarget(), p.storageAccount(),
                        p.state(), p.health(), p.activeLocation(), p.disks(), w.failover(), p.mobility(), p.managed(), p.testFailover());
                if (updated.equals(p)) return StepResult.already(machine + " is as declared");
                putItem(updated);
                return StepResult.changed("protection settings of " + machine + " updated");
            }
            default -> {
                // CREATE, REPLACE, RE_REPLICATE: enable protection (again) and wait for initial replication.
                ProtectedItem w = declaredItem(machine);
                if (have.isPresent() && s.action() == siteplan.planner.diff.Action.CREATE) {
                    return runningJob(machine, "enable-protection").map(j -> StepResult.job(j, "initial replication of " + machine + " already running"))
                            .orElse(StepResult.already(machine + " is protected"));
                }
                if (have.isPresent() && have.get().disks().equals(w.disks()) && Objects.equals(have.get().masterTarget(), w.masterTarget())
                        && Objects.equals(have.get().storageAccount(), w.storageAccount()) && !mechanismChanged(machine)) {
                    return runningJob(machine, "enable-protection").map(j -> StepResult.job(j, "re-replication of " + machine + " already running"))
                            .orElse(StepResult.already(machine + " already replicates as declared"));
                }
                Machine m = machine(machine).orElseThrow();
                ProtectionGroup g = membership.groupOf(machine).orElseThrow(() -> new OperationFailed(machine + " is in no protection group"));
                ProtectedItem.Mobility mobility = null;
                if (m.mobility() != null) {
                    credentials.forStep(s).forEach(c -> secrets.resolve(c.ref(), c.purpose()));
                    mobility = w.mobility();
                }
                ProtectedItem started = new ProtectedItem(w.machine(), w.site(), w.protectionGroup(), w.policy(), w.processServer(), w.masterTarget(), w.storageAccount(),
                        ReplicationState.INITIAL_REPLICATION, "normal", ActiveLocation.PRIMARY, w.disks(), w.failover(), mobility, true, null);
                Duration d = replicationTime(m, g, m.totalSize());
                String job = startJob(machine, "enable-protection", d, null);
                putItem(started);
                return StepResult.job(job, (s.action() == siteplan.planner.diff.Action.CREATE ? "protection enabled" : "protection enabled again")
                        + "; initial replication of " + m.totalSize().human() + " takes about " + siteplan.executor.Times.human(d));
            }
        }
    }

    private boolean mechanismChanged(String machine) {
        ProtectedItem p = protectedItem(machine).orElseThrow();
        String now = state.vaults().stream().map(v -> v.fabric(p.site()).orElse(null)).filter(Objects::nonNull).map(Fabric::replicationMechanism).filter(Objects::nonNull).findFirst().orElse(null);
        String declared = estate.vmwareSites().stream().filter(x -> x.name().equals(p.site())).map(x -> x.replication() == null ? "internet" : x.replication().token()).findFirst().orElse(now);
        return !Objects.equals(now, declared);
    }

    private ProtectedItem declaredItem(String machine) {
        return wantedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not declared as protected"));
    }

    /** Initial replication time: the data over the process server's uplink, compressed by 30%. */
    private Duration replicationTime(Machine m, ProtectionGroup g, DataSize data) {
        var uplink = estate.vmwareSites().stream().filter(s -> s.name().equals(m.site())).flatMap(s -> s.processServers().stream())
                .filter(p -> p.name().equals(g.processServer())).map(ProcessServer::uplink).filter(Objects::nonNull).findFirst().orElse(null);
        double bps = uplink != null && uplink.bitsPerSecond() > 0 ? uplink.bitsPerSecond() : 1e9; // Hyper-V sites: a 1 Gbps replica network
        long seconds = (long) Math.ceil(data.bytes() * 8.0 * (1 - COMPRESSION) / bps);
        return Duration.ofSeconds(Math.max(60, seconds));
    }

    private StepResult mobility(Step s, Secrets secrets) {
        String machine = s.name();
        ProtectedItem p = protectedItem(machine).orElseThrow(() -> new OperationFailed("the Mobility service of " + machine + " is managed once protection is enabled; enable protection first"));
        Machine m = machine(machine).orElseThrow(() -> new OperationFailed(machine + " is not declared"));
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
        putItem(p.withMobility(w));
        return StepResult.changed(String.join(", ", did));
    }

    private StepResult recoveryPlan(Step s, DiscoveredState want) {
        RecoveryVault v = state.vaults().stream().filter(x -> x.recoveryPlans().stream().anyMatch(p -> p.name().equals(s.name()))).findFirst()
                .orElseGet(() -> estate.recoveryPlans().stream().filter(p -> p.name().equals(s.name())).findFirst().flatMap(p -> state.vault(p.target()))
                        .orElseThrow(() -> new OperationFailed("no vault exists for recovery plan " + s.name())));
        List<RecoveryPlanInfo> plans = new ArrayList<>(v.recoveryPlans());
        if (s.action() == siteplan.planner.diff.Action.DELETE) {
            if (!plans.removeIf(p -> p.name().equals(s.name()))) return StepResult.already("recovery plan " + s.name() + " is gone");
        } else {
            RecoveryPlanInfo w = want.vaults().stream().flatMap(x -> x.recoveryPlans().stream()).filter(p -> p.name().equals(s.name())).findFirst()
                    .orElseThrow(() -> new OperationFailed("recovery plan " + s.name() + " is not declared"));
            if (plans.contains(w)) return StepResult.already("recovery plan " + s.name() + " is as declared");
            plans.removeIf(p -> p.name().equals(s.name()));
            plans.add(w);
        }
        replaceVault(new RecoveryVault(v.target(), v.name(), v.region(), v.fabrics(), v.policies(), v.networkMappings(), v.storageMappings(), v.protectedItems(), plans, v.jobs()));
        return StepResult.changed((s.action() == siteplan.planner.diff.Action.DELETE ? "deleted" : "saved") + " recovery plan " + s.name());
    }

    // ------------------------------------------------------------------ failover

    @Override public synchronized String testFailover(String machine, String network, RecoveryPointChoice point) {
        advance();
        ProtectedItem p = protectedForFailover(machine);
        if (p.testFailover() != null) return runningJob(machine, "test-failover").orElseGet(() -> startJob(machine, "test-failover", Duration.ofSeconds(30), null));
        String failure = faults.testFailover().get(machine);
        String job = startJob(machine, "test-failover", failoverTime(machine), failure);
        putItem(p.withTestFailover(network));
        save("test-failover " + machine + " into " + network);
        return job;
    }

    @Override public synchronized String cleanupTestFailover(String machine) {
        advance();
        ProtectedItem p = protectedItem(machine).orElse(null);
        if (p == null || p.testFailover() == null) return null;
        String job = startJob(machine, "test-failover-cleanup", Duration.ofMinutes(3), null);
        putItem(p.withTestFailover(null));
        save("test-failover-cleanup " + machine);
        return job;
    }

    @Override public synchronized String failover(String machine, FailoverType type, RecoveryPointChoice point) {
        advance();
        ProtectedItem p = protectedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected"));
        ActiveLocation to;
        if (p.state() == ReplicationState.PROTECTED && p.activeLocation() == ActiveLocation.PRIMARY) to = ActiveLocation.RECOVERY;
        else if (p.state() == ReplicationState.REPROTECTED) to = p.activeLocation() == ActiveLocation.RECOVERY ? ActiveLocation.PRIMARY : ActiveLocation.RECOVERY;
        else if (p.state() == ReplicationState.FAILED_OVER) return runningJob(machine, "failover").orElse(startJob(machine, "failover", Duration.ofSeconds(1), null));
        else throw new OperationFailed(machine + " cannot fail over while " + p.state().token() + (p.state() == ReplicationState.INITIAL_REPLICATION ? ": wait until initial replication completes" : ""));
        // A planned failover shuts the source down and replicates the last changes first (no data loss).
        Duration d = failoverTime(machine).plus(type == FailoverType.PLANNED ? Duration.ofMinutes(4) : Duration.ZERO);
        String job = startJob(machine, type.token() + "-failover", d, null);
        putItem(p.with(ReplicationState.FAILED_OVER, to));
        save(type.token() + "-failover " + machine + " to " + (to == ActiveLocation.RECOVERY ? "recovery" : "primary"));
        return job;
    }

    @Override public synchronized String commit(String machine) {
        advance();
        ProtectedItem p = protectedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected"));
        if (p.state() == ReplicationState.FAILOVER_COMMITTED) return null;
        if (p.state() != ReplicationState.FAILED_OVER) throw new OperationFailed(machine + " has no failover to commit (it is " + p.state().token() + ")");
        String job = startJob(machine, "commit", Duration.ofMinutes(2), null);
        putItem(p.with(ReplicationState.FAILOVER_COMMITTED, p.activeLocation()));
        save("commit " + machine);
        return job;
    }

    @Override public synchronized String reprotect(String machine) {
        advance();
        ProtectedItem p = protectedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected"));
        if (p.state() == ReplicationState.REPROTECTED || (p.state() == ReplicationState.PROTECTED && p.activeLocation() == ActiveLocation.PRIMARY)) {
            return runningJob(machine, "reprotect").orElse(null);
        }
        if (p.state() != ReplicationState.FAILOVER_COMMITTED) throw new OperationFailed(machine + " must be failed over and committed before reprotect (it is " + p.state().token() + ")");
        String job = startReprotect(p);
        save("reprotect " + machine);
        return job;
    }

    private String startReprotect(ProtectedItem p) {
        Machine m = machine(p.machine()).orElseThrow();
        ProtectionGroup g = membership.groupOf(p.machine()).orElseThrow();
        // Reprotect resynchronises only the changed blocks: about a tenth of the data.
        String job = startJob(p.machine(), "reprotect", replicationTime(m, g, new DataSize(m.totalSize().bytes() / 10)), null);
        // Back at the primary, reprotect means normal protection again; at the recovery site it replicates back.
        putItem(p.activeLocation() == ActiveLocation.PRIMARY ? p.with(ReplicationState.PROTECTED, ActiveLocation.PRIMARY) : p.with(ReplicationState.REPROTECTED, ActiveLocation.RECOVERY));
        return job;
    }

    private ProtectedItem protectedForFailover(String machine) {
        ProtectedItem p = protectedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected: apply the plan that protects it first"));
        if (p.state() != ReplicationState.PROTECTED && p.state() != ReplicationState.REPROTECTED) {
            throw new OperationFailed(machine + " cannot be test-failed-over while " + p.state().token());
        }
        return p;
    }

    /** A few minutes to create and boot the VM, a minute more per 100 GB of disk. */
    private Duration failoverTime(String machine) {
        long gb = machine(machine).map(m -> (long) m.totalSize().gigabytes()).orElse(0L);
        return Duration.ofMinutes(4).plusSeconds(gb * 60 / 100).plusSeconds(Math.floorMod(machine.hashCode(), 90));
    }

    @Override public synchronized Duration recoveryPointAge(String machine, RecoveryPointChoice point) {
        Instant now = clock.now();
        return switch (point.kind()) {
            case TIME -> Duration.between(point.time(), now).isNegative() ? Duration.ZERO : Duration.between(point.time(), now);
            case LATEST -> {
                // VMware and physical: crash-consistent points every 5 minutes (seed 000); Hyper-V: the policy's copy frequency (seed 003).
                Duration every = policySetting(machine, "copyFrequency").orElse(CRASH_CONSISTENT_EVERY);
                yield Duration.ofSeconds(now.getEpochSecond() % Math.max(30, every.toSeconds()) + 20 + Math.floorMod(machine.hashCode(), 40));
            }
            case LATEST_APP_CONSISTENT -> {
                Duration every = policySetting(machine, "appConsistentFrequency").orElse(Duration.ofHours(1));
                yield Duration.ofSeconds(now.getEpochSecond() % Math.max(60, every.toSeconds()) + 20);
            }
        };
    }

    /** A duration setting of the policy that protects the machine, as the vault holds it. */
    private Optional<Duration> policySetting(String machine, String setting) {
        return protectedItem(machine).flatMap(p -> state.vaults().stream().flatMap(v -> v.policies().stream())
                .filter(x -> x.name().equals(p.policy())).findFirst()).map(x -> x.settings().get(setting))
                .filter(Objects::nonNull).map(siteplan.units.Durations::parse);
    }

    /** A runbook runs in Azure Automation; the simulation gives it a minute and records it on the first machine's vault. */
    @Override public synchronized String runbook(String name, String recoveryPlan) {
        advance();
        String machine = estate.recoveryPlans().stream().filter(p -> p.name().equals(recoveryPlan)).flatMap(p -> p.groups().stream())
                .flatMap(g -> g.machines().stream()).map(siteplan.model.PlanMachine::name).findFirst()
                .orElseThrow(() -> new OperationFailed("recovery plan " + recoveryPlan + " has no machines"));
        String job = startJob(machine, "runbook " + name, Duration.ofMinutes(1), faults.fail().get("runbook." + name));
        save("runbook " + name + " for " + recoveryPlan);
        return job;
    }

    @Override public synchronized InetSocketAddress endpoint(String machine, int port) {
        int index = estate.machines().stream().map(Machine::name).sorted().toList().indexOf(machine);
        return endpoints.endpoint(Math.max(index, 0), machine, port, faults.closedPorts().contains(machine + ":" + port), faults.httpStatus().getOrDefault(machine, 200));
    }

    @Override public synchronized Optional<String> pendingJob(String machine) {
        advance();
        return runningJob(machine, "enable-protection").or(() -> runningJob(machine, "reprotect"));
    }

    @Override public synchronized ProtectedItem item(String machine) {
        advance();
        return protectedItem(machine).orElse(null);
    }

    // ------------------------------------------------------------------ jobs

    @Override public synchronized JobStatus job(String id) {
        advance();
        index();
        Job j = jobs.get(id);
        if (j == null) throw new OperationFailed("job " + id + " is unknown to the simulated estate");
        Instant started = Instant.parse(j.started());
        Instant ends = Instant.parse(j.ended());
        JobStatus.State st = switch (j.state()) {
            case "Succeeded" -> JobStatus.State.SUCCEEDED;
            case "Failed" -> JobStatus.State.FAILED;
            default -> JobStatus.State.RUNNING;
        };
        double total = Math.max(1, Duration.between(started, ends).toMillis());
        double progress = st == JobStatus.State.RUNNING ? Math.min(0.99, Duration.between(started, clock.now()).toMillis() / total) : 1.0;
        return new JobStatus(id, st, progress, started, st == JobStatus.State.RUNNING ? null : ends, j.error());
    }

    private Optional<String> runningJob(String machine, String operation) {
        index();
        return running.getOrDefault(machine, List.of()).stream().filter(r -> r.job().operation().equals(operation)).min(Running.ORDER).map(r -> r.job().id());
    }

    private String startJob(String machine, String operation, Duration duration, String failure) {
        RecoveryVault v = vaultOf(machine);
        Instant now = clock.now();
        String id = "job-" + (++jobCounter) + "-" + operation + "-" + machine;
        List<Job> jobs = new ArrayList<>(v.jobs());
        Job job = new Job(id, operation, machine, "InProgress", now.toString(), now.plus(duration).toString(), failure);
        jobs.add(job);
        replaceVault(v.withItems(v.protectedItems(), jobs));
        this.jobs.put(id, job);
        running.computeIfAbsent(machine, m -> new ArrayList<>()).add(new Running(v.target(), job));
        due.add(new Due(now.plus(duration), v.target()));
        return id;
    }

    /** Finishes the jobs whose simulated end has passed, with their effect on the protected item. */
    private void advance() {
        Instant now = clock.now();
        if (due.isEmpty() || due.peek().ends().isAfter(now)) return;
        Set<String> vaultsDue = new HashSet<>();
        while (!due.isEmpty() && !due.peek().ends().isAfter(now)) vaultsDue.add(due.poll().vault());
        boolean changed = false;
        List<RecoveryVault> vaults = new ArrayList<>();
        for (RecoveryVault v : state.vaults()) {
            if (!vaultsDue.contains(v.target())) {
                vaults.add(v);
                continue;
            }
            boolean vaultChanged = false;
            List<Job> jobs = new ArrayList<>();
            Map<String, ProtectedItem> itemsNow = new HashMap<>();
            v.protectedItems().forEach(p -> itemsNow.put(p.machine(), p));
            boolean itemsChanged = false;
            for (Job j : v.jobs()) {
                if (j.state().equals("InProgress") && !Instant.parse(j.ended()).isAfter(now)) {
                    boolean failed = j.error() != null;
                    jobs.add(new Job(j.id(), j.operation(), j.target(), failed ? "Failed" : "Succeeded", j.started(), j.ended(), j.error()));
                    ProtectedItem p = itemsNow.get(j.target());
                    if (!failed && p != null && j.operation().equals("enable-protection") && p.state() == ReplicationState.INITIAL_REPLICATION) {
                        itemsNow.put(p.machine(), p.with(ReplicationState.PROTECTED, ActiveLocation.PRIMARY));
                        itemsChanged = true;
                    }
                    if (failed && p != null && j.operation().equals("test-failover")) {
                        itemsNow.put(p.machine(), p.withTestFailover(null));
                        itemsChanged = true;
                    }
                    vaultChanged = true;
                } else {
                    jobs.add(j);
                }
            }
            if (jobs.size() > JOBS_KEPT) jobs = new ArrayList<>(jobs.subList(jobs.size() - JOBS_KEPT, jobs.size()));
            if (vaultChanged) {
                List<ProtectedItem> itemsAfter = itemsChanged ? v.protectedItems().stream().map(p -> itemsNow.get(p.machine())).toList() : v.protectedItems();
                vaults.add(v.withItems(itemsAfter, jobs));
            } else {
                vaults.add(v);
            }
            changed |= vaultChanged;
        }
        if (changed) {
            // Finished jobs follow from the clock, so they need no write of their own: the next
            // operation's write (or close) persists them.
            state = new DiscoveredState(state.vcenters(), state.vmms(), state.azure(), vaults); // the index is rebuilt on the next look-up
            unsaved = true;
        }
    }

    // ------------------------------------------------------------------ state

    private RecoveryVault vaultFor(String target) {
        return state.vault(target).or(() -> state.vaults().stream().findFirst()).orElseThrow(() -> new OperationFailed("no vault exists yet for " + target));
    }

    private RecoveryVault vaultOf(String machine) {
        index();
        String holder = holders.get(machine);
        if (holder != null) return state.vault(holder).orElseThrow();
        String target = membership.groupOf(machine).map(ProtectionGroup::target).orElse(null);
        return state.vault(target).orElseThrow(() -> new OperationFailed("the vault for " + machine + " (" + target + ") does not exist yet"));
    }

    private void putItem(ProtectedItem item) {
        RecoveryVault v = vaultOf(item.machine());
        List<ProtectedItem> items = new ArrayList<>(v.protectedItems());
        items.removeIf(p -> p.machine().equals(item.machine()));
        items.add(item);
        replaceVault(v.withItems(items, v.jobs()));
        this.items.put(item.machine(), item);
        holders.put(item.machine(), v.target());
    }

    /** Puts the vault in place of the one with its target; the index stays current, so callers that change items update it. */
    private void replaceVault(RecoveryVault v) {
        index();
        List<RecoveryVault> vaults = new ArrayList<>(state.vaults());
        vaults.removeIf(x -> x.target().equals(v.target()));
        vaults.add(v);
        state = new DiscoveredState(state.vcenters(), state.vmms(), state.azure(), vaults);
        indexed = state.vaults();
    }

    /** Writes the state atomically, then records the operation: a kill between the two loses a log line, never a change. */
    private void save(String operation) {
        write();
        if (operation != null) log(List.of(operation));
    }

    /**
     * Writes the whole state file atomically and drops the journal it now holds (a recovery operation,
     * which others watch in state.json, and the close of an apply). Called holding this object's lock.
     */
    private void write() {
        generation++;
        pending.clear();
        journaled = state;
        synchronized (journalLock) {
            try {
                StateFiles.write(siteplan.planner.state.StateFolder.entry(stateDir, StateFiles.STATE_FILE), state);
                StateJournal.clear(stateDir);
                clock.save();
            } catch (IOException e) {
                throw new OperationFailed("cannot save the simulated estate in " + stateDir + ": " + e.getMessage());
            }
        }
        snapshotted = state;
        unsaved = false;
    }

    private void log(List<String> operations) {
        if (operations.isEmpty()) return;
        StringBuilder lines = new StringBuilder();
        String now = clock.now().toString();
        for (String operation : operations) lines.append(now).append(' ').append(operation).append('\n');
        try {
            Files.writeString(siteplan.planner.state.StateFolder.entry(stateDir, "operations.log"), lines, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new OperationFailed("cannot write the simulated estate's operations log in " + stateDir + ": " + e.getMessage());
        }
    }

    @Override public void close() {
        endpoints.close();
        synchronized (this) {
            if (unsaved || state != snapshotted) write();
        }
        clock.save();
    }
}
