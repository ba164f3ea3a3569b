package siteplan.providers.sim;

import java.io.IOException;
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
import siteplan.executor.provider.OperationFailed;
import siteplan.model.Estate;
import siteplan.model.Machine;
import siteplan.model.Membership;
import siteplan.model.ProcessServer;
import siteplan.model.ProtectionGroup;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.ProtectedItem.ActiveLocation;
import siteplan.planner.state.ProtectedItem.ReplicationState;
import siteplan.planner.state.RecoveryVault;
import siteplan.planner.state.RecoveryVault.Job;
import siteplan.planner.state.StateFiles;
import siteplan.planner.state.StateFolder;
import siteplan.units.DataSize;

/**
 * The simulated estate as it stands, shared by the changes, recovery and jobs of one {@link SimulatedOperations}:
 * the state with its indexes, the jobs and the queue of their simulated ends, and how it reaches the disk (the
 * {@link StateJournal}, state.json, operations.log). Its own monitor is the one lock of the simulated state:
 * every caller holds it ({@code synchronized (state)}) around whatever it reads or changes here, so the three
 * ports see one estate, one step at a time.
 */
final class SimulatedState {
    private static final int JOBS_KEPT = StateJournal.JOBS_KEPT;

    private final Path stateDir;
    private final Estate estate;
    private final SimClock clock;
    private final Faults faults;
    private final Membership membership;
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
    /** The jobs in progress by their simulated end: advancing the clock finishes the due ones without reading every job. */
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::ends));

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

    private record Due(Instant ends, String vault) {}

    /** A job in progress and its vault: of two on one machine, the first in the state's order (vault, then id) counts. */
    private record Running(String vault, Job job) {
        static final Comparator<Running> ORDER = Comparator.comparing(Running::vault).thenComparing(r -> r.job().id());
    }

    SimulatedState(Path stateDir, Estate estate, SimClock clock) {
        this.stateDir = stateDir;
        this.estate = estate;
        this.clock = clock;
        this.faults = Faults.read(stateDir);
        this.membership = Membership.of(estate);
        try {
            byte[] journal = StateJournal.read(stateDir);
            this.state = StateJournal.replay(StateFiles.read(StateFolder.read(stateDir, StateFiles.STATE_FILE)), journal);
            this.journaled = state;
            this.snapshotted = journal == null ? state : null; // a journal left by a killed run is folded into state.json at close
        } catch (IOException e) {
            throw new OperationFailed("cannot read the simulated estate in " + stateDir + ": "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? "it " + StateFolder.where(j) : e.getClass().getSimpleName()));
        }
        this.jobCounter = state.vaults().stream().mapToInt(v -> v.jobs().size()).sum();
        estate.machines().forEach(m -> machines.putIfAbsent(m.name(), m));
        for (RecoveryVault v : state.vaults()) {
            for (Job j : v.jobs()) if (j.state().equals("InProgress")) due.add(new Due(Instant.parse(j.ended()), v.target()));
        }
    }

    Path stateDir() {
        return stateDir;
    }

    Estate estate() {
        return estate;
    }

    SimClock clock() {
        return clock;
    }

    Faults faults() {
        return faults;
    }

    Membership membership() {
        return membership;
    }

    /** The state as it is now; {@link #advance()} first for the jobs finished by the simulated time. */
    DiscoveredState now() {
        return state;
    }

    /** Replaces the state whole; the index is rebuilt on the next look-up. */
    void replace(DiscoveredState changed) {
        state = changed;
    }

    /** Drops the index, for a change that may leave a machine held by another vault. */
    void forgetIndex() {
        indexed = null;
    }

    Optional<Machine> machine(String name) {
        return Optional.ofNullable(machines.get(name));
    }

    /** The machine's protected item, in whichever vault holds it. */
    Optional<ProtectedItem> protectedItem(String machine) {
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

    // ------------------------------------------------------------------ jobs

    /** The job with this id, in any vault; null when none has it. */
    Job job(String id) {
        index();
        return jobs.get(id);
    }

    Optional<String> runningJob(String machine, String operation) {
        index();
        return running.getOrDefault(machine, List.of()).stream().filter(r -> r.job().operation().equals(operation)).min(Running.ORDER).map(r -> r.job().id());
    }

    String startJob(String machine, String operation, Duration duration, String failure) {
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
    void advance() {
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
                    if (!failed && p != null && (j.operation().equals("enable-protection") || j.operation().equals("switch-provider")) && p.state() == ReplicationState.INITIAL_REPLICATION) {
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

    /**
     * Starts a reprotect, both the step an apply plans (FB-STAGES) and the recovery operation: back at the
     * primary it means normal protection again; at the recovery site it replicates back.
     */
    String startReprotect(ProtectedItem p) {
        Machine m = machine(p.machine()).orElseThrow();
        ProtectionGroup g = membership.groupOf(p.machine()).orElseThrow();
        // Reprotect resynchronises only the changed blocks: about a tenth of the data.
        String job = startJob(p.machine(), "reprotect", replicationTime(m, g, new DataSize(m.totalSize().bytes() / 10)), null);
        putItem(p.activeLocation() == ActiveLocation.PRIMARY ? p.with(ReplicationState.PROTECTED, ActiveLocation.PRIMARY) : p.with(ReplicationState.REPROTECTED, ActiveLocation.RECOVERY));
        return job;
    }

    /** Replication time: the planner's computation, so apply takes what the plan said. */
    Duration replicationTime(Machine m, ProtectionGroup g, DataSize data) {
        return siteplan.planner.diff.Replication.time(estate, m, g, data);
    }

    // ------------------------------------------------------------------ vaults and items

    RecoveryVault vaultFor(String target) {
        return state.vault(target).or(() -> state.vaults().stream().findFirst()).orElseThrow(() -> new OperationFailed("no vault exists yet for " + target));
    }

    RecoveryVault vaultOf(String machine) {
        index();
        String holder = holders.get(machine);
        if (holder != null) return state.vault(holder).orElseThrow();
        String target = membership.groupOf(machine).map(ProtectionGroup::target).orElse(null);
        return state.vault(target).orElseThrow(() -> new OperationFailed("the vault for " + machine + " (" + target + ") does not exist yet"));
    }

    void putItem(ProtectedItem item) {
        RecoveryVault v = vaultOf(item.machine());
        List<ProtectedItem> items = new ArrayList<>(v.protectedItems());
        items.removeIf(p -> p.machine().equals(item.machine()));
        items.add(item);
        replaceVault(v.withItems(items, v.jobs()));
        this.items.put(item.machine(), item);
        holders.put(item.machine(), v.target());
    }

    /** Puts the vault in place of the one with its target; the index stays current, so callers that change items update it. */
    void replaceVault(RecoveryVault v) {
        index();
        List<RecoveryVault> vaults = new ArrayList<>(state.vaults());
        vaults.removeIf(x -> x.target().equals(v.target()));
        vaults.add(v);
        state = new DiscoveredState(state.vcenters(), state.vmms(), state.azure(), vaults);
        indexed = state.vaults();
    }

    // ------------------------------------------------------------------ disk

    /**
     * Takes what a step changed into the journal's pending entries, with its operations.log line; returns
     * the version that {@link #flush(long)} makes durable.
     */
    long journal(String operation) {
        pending.addAll(StateJournal.changes(journaled, state));
        journaled = state;
        pendingLog.add(operation);
        return ++version;
    }

    /**
     * Puts a step's change on disk, called without the state's lock: concurrent steps share one append and
     * one sync (group commit), and the first to flush writes everything changed so far.
     */
    void flush(long mine) {
        synchronized (flushLock) {
            if (durable >= mine) return;
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

    /** Writes the state atomically, then records the operation: a kill between the two loses a log line, never a change. */
    void save(String operation) {
        write();
        if (operation != null) log(List.of(operation));
    }

    /**
     * Writes the whole state file atomically and drops the journal it now holds (a recovery operation,
     * which others watch in state.json, and the close of an apply). Called holding the state's lock.
     */
    private void write() {
        generation++;
        pending.clear();
        journaled = state;
        synchronized (journalLock) {
            try {
                StateFiles.write(StateFolder.entry(stateDir, StateFiles.STATE_FILE), state);
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
            Files.writeString(StateFolder.entry(stateDir, "operations.log"), lines, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new OperationFailed("cannot write the simulated estate's operations log in " + stateDir + ": " + e.getMessage());
        }
    }

    /** Writes state.json whole when it is behind (finished jobs, a journal), and saves the clock. */
    void save() {
        synchronized (this) {
            if (unsaved || state != snapshotted) write();
        }
        clock.save();
    }
}
