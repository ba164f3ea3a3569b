package siteplan.providers.sim;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import siteplan.executor.provider.FailoverType;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.model.Machine;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.ProtectedItem.ActiveLocation;
import siteplan.planner.state.ProtectedItem.ReplicationState;

/**
 * The recovery lifecycle in the simulated estate: test failovers and their cleanup, failover, commit and
 * reprotect, as jobs on the modelled {@link SimClock} (a test failover takes a few minutes per machine).
 * Each writes state.json whole, which others watch, and records itself in operations.log.
 */
final class SimulatedRecovery implements RecoveryOperations {
    /** Seed 000: crash-consistent recovery points every 5 minutes. */
    static final Duration CRASH_CONSISTENT_EVERY = Duration.ofMinutes(5);

    private final SimulatedState state;
    private final GuestEndpoints endpoints;

    SimulatedRecovery(SimulatedState state, GuestEndpoints endpoints) {
        this.state = state;
        this.endpoints = endpoints;
    }

    @Override public String testFailover(String machine, String network, RecoveryPointChoice point) {
        synchronized (state) {
            state.advance();
            ProtectedItem p = protectedForFailover(machine);
            if (p.activeLocation() == ActiveLocation.RECOVERY) {
                throw new OperationFailed(machine + " runs at the recovery site: a test failover runs from the primary site only; fail it back first (FB-STAGES)");
            }
            if (p.testFailover() != null) return state.runningJob(machine, "test-failover").orElseGet(() -> state.startJob(machine, "test-failover", Duration.ofSeconds(30), null));
            String failure = state.faults().testFailover().get(machine);
            String job = state.startJob(machine, "test-failover", failoverTime(machine), failure);
            state.putItem(p.withTestFailover(network));
            state.save("test-failover " + machine + " into " + network);
            return job;
        }
    }

    @Override public String cleanupTestFailover(String machine) {
        synchronized (state) {
            state.advance();
            ProtectedItem p = state.protectedItem(machine).orElse(null);
            if (p == null || p.testFailover() == null) return null;
            String job = state.startJob(machine, "test-failover-cleanup", Duration.ofMinutes(3), null);
            state.putItem(p.withTestFailover(null));
            state.save("test-failover-cleanup " + machine);
            return job;
        }
    }

    @Override public String failover(String machine, FailoverType type, RecoveryPointChoice point) {
        synchronized (state) {
            state.advance();
            ProtectedItem p = state.protectedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected"));
            ActiveLocation to;
            if (p.state() == ReplicationState.PROTECTED && p.activeLocation() == ActiveLocation.PRIMARY) to = ActiveLocation.RECOVERY;
            else if (p.state() == ReplicationState.REPROTECTED) to = p.activeLocation() == ActiveLocation.RECOVERY ? ActiveLocation.PRIMARY : ActiveLocation.RECOVERY;
            else if (p.state() == ReplicationState.FAILED_OVER) return state.runningJob(machine, "failover").orElse(state.startJob(machine, "failover", Duration.ofSeconds(1), null));
            else throw new OperationFailed(machine + " cannot fail over while " + p.state().token() + (p.state() == ReplicationState.INITIAL_REPLICATION ? ": wait until initial replication completes" : ""));
            // A planned failover shuts the source down and replicates the last changes first (no data loss).
            Duration d = failoverTime(machine).plus(type == FailoverType.PLANNED ? Duration.ofMinutes(4) : Duration.ZERO);
            String job = state.startJob(machine, type.token() + "-failover", d, null);
            state.putItem(p.with(ReplicationState.FAILED_OVER, to));
            state.save(type.token() + "-failover " + machine + " to " + (to == ActiveLocation.RECOVERY ? "recovery" : "primary"));
            return job;
        }
    }

    @Override public String commit(String machine) {
        synchronized (state) {
            state.advance();
            ProtectedItem p = state.protectedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected"));
            if (p.state() == ReplicationState.FAILOVER_COMMITTED) return null;
            if (p.state() != ReplicationState.FAILED_OVER) throw new OperationFailed(machine + " has no failover to commit (it is " + p.state().token() + ")");
            String job = state.startJob(machine, "commit", Duration.ofMinutes(2), null);
            state.putItem(p.with(ReplicationState.FAILOVER_COMMITTED, p.activeLocation()));
            state.save("commit " + machine);
            return job;
        }
    }

    @Override public String reprotect(String machine) {
        synchronized (state) {
            state.advance();
            ProtectedItem p = state.protectedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected"));
            if (p.state() == ReplicationState.REPROTECTED || (p.state() == ReplicationState.PROTECTED && p.activeLocation() == ActiveLocation.PRIMARY)) {
                return state.runningJob(machine, "reprotect").orElse(null);
            }
            if (p.state() != ReplicationState.FAILOVER_COMMITTED) throw new OperationFailed(machine + " must be failed over and committed before reprotect (it is " + p.state().token() + ")");
            String job = state.startReprotect(p);
            state.save("reprotect " + machine);
            return job;
        }
    }

    private ProtectedItem protectedForFailover(String machine) {
        ProtectedItem p = state.protectedItem(machine).orElseThrow(() -> new OperationFailed(machine + " is not protected: apply the plan that protects it first"));
        if (p.state() != ReplicationState.PROTECTED && p.state() != ReplicationState.REPROTECTED) {
            throw new OperationFailed(machine + " cannot be test-failed-over while " + p.state().token());
        }
        return p;
    }

    /** A few minutes to create and boot the VM, a minute more per 100 GB of disk. */
    private Duration failoverTime(String machine) {
        long gb = state.machine(machine).map(m -> (long) m.totalSize().gigabytes()).orElse(0L);
        return Duration.ofMinutes(4).plusSeconds(gb * 60 / 100).plusSeconds(Math.floorMod(machine.hashCode(), 90))
                .plusSeconds(Math.max(0, state.faults().slowFailover().getOrDefault(machine, 0)));
    }

    @Override public Duration recoveryPointAge(String machine, RecoveryPointChoice point) {
        synchronized (state) {
            Instant now = state.clock().now();
            return switch (point.kind()) {
                case TIME -> Duration.between(point.time(), now).isNegative() ? Duration.ZERO : Duration.between(point.time(), now);
                case LATEST -> {
                    Integer behind = state.faults().replicationLag().get(machine);
                    if (behind != null) yield Duration.ofSeconds(Math.max(0, behind));
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
    }

    /** Only a machine that replicates has a latest recovery point. */
    @Override public Optional<Duration> replicationLag(String machine) {
        synchronized (state) {
            var p = state.protectedItem(machine).orElse(null);
            if (p == null || p.state() == siteplan.planner.state.ProtectedItem.ReplicationState.INITIAL_REPLICATION
                    || p.state() == siteplan.planner.state.ProtectedItem.ReplicationState.FAILED_OVER
                    || p.state() == siteplan.planner.state.ProtectedItem.ReplicationState.FAILOVER_COMMITTED) return Optional.empty();
        }
        return Optional.of(recoveryPointAge(machine, RecoveryPointChoice.LATEST));
    }

    /** A duration setting of the policy that protects the machine, as the vault holds it. */
    private Optional<Duration> policySetting(String machine, String setting) {
        return state.protectedItem(machine).flatMap(p -> state.now().vaults().stream().flatMap(v -> v.policies().stream())
                .filter(x -> x.name().equals(p.policy())).findFirst()).map(x -> x.settings().get(setting))
                .filter(Objects::nonNull).map(siteplan.units.Durations::parse);
    }

    /** A runbook runs in Azure Automation; the simulation gives it a minute and records it on the first machine's vault. */
    @Override public String runbook(String name, String recoveryPlan) {
        synchronized (state) {
            state.advance();
            String machine = state.estate().recoveryPlans().stream().filter(p -> p.name().equals(recoveryPlan)).flatMap(p -> p.groups().stream())
                    .flatMap(g -> g.machines().stream()).map(siteplan.model.PlanMachine::name).findFirst()
                    .orElseThrow(() -> new OperationFailed("recovery plan " + recoveryPlan + " has no machines"));
            String job = state.startJob(machine, "runbook " + name, Duration.ofMinutes(1), state.faults().fail().get("runbook." + name));
            state.save("runbook " + name + " for " + recoveryPlan);
            return job;
        }
    }

    @Override public InetSocketAddress endpoint(String machine, int port) {
        synchronized (state) {
            int index = state.estate().machines().stream().map(Machine::name).sorted().toList().indexOf(machine);
            Faults faults = state.faults();
            return endpoints.endpoint(Math.max(index, 0), machine, port, faults.closedPorts().contains(machine + ":" + port), faults.httpStatus().getOrDefault(machine, 200),
                    faults.slowPorts().getOrDefault(machine + ":" + port, 0));
        }
    }

    @Override public ProtectedItem item(String machine) {
        synchronized (state) {
            state.advance();
            return state.protectedItem(machine).orElse(null);
        }
    }
}
