package siteplan.executor.drill;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import siteplan.executor.Times;
import siteplan.executor.provider.FailoverType;
import siteplan.executor.provider.JobOperations;
import siteplan.executor.provider.JobStatus;
import siteplan.executor.provider.Jobs;
import siteplan.executor.provider.OperationFailed;
import siteplan.executor.provider.RecoveryOperations;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.model.CheckKind;
import siteplan.model.PlanMachine;
import siteplan.model.SmokeCheck;

/**
 * One machine's failover: a test failover (drill) or a real one, from the chosen recovery point, waited
 * for on the provider's clock; then where it answers, for the scripts and smoke checks that follow.
 * Remembers every test failover it started, so cleanup removes them whatever happens next.
 */
final class MachineFailover {
    private final RecoveryOperations recovery;
    private final JobOperations jobs;
    private final RecoveryRunner.Mode mode;
    private final RecoveryPointChoice point;
    private final String network;
    private final List<SmokeCheck> checks;
    private final MachineAddresses addresses;
    private final RunStop stop;
    private final Consumer<String> log;
    private final Set<String> testsStarted = Collections.synchronizedSet(new LinkedHashSet<>());

    MachineFailover(RecoveryOperations recovery, JobOperations jobs, RecoveryRunner.Mode mode, RecoveryPointChoice point, String network,
                    List<SmokeCheck> checks, MachineAddresses addresses, RunStop stop, Consumer<String> log) {
        this.recovery = recovery;
        this.jobs = jobs;
        this.mode = mode;
        this.point = point;
        this.network = network;
        this.checks = List.copyOf(checks);
        this.addresses = addresses;
        this.stop = stop;
        this.log = log;
    }

    /** The machines a test failover was started for. */
    Set<String> testsStarted() {
        synchronized (testsStarted) {
            return Set.copyOf(testsStarted);
        }
    }

    /** Fails the machine over; {@code start} is where it begins on the run's timeline. */
    RunReport.MachineRun run(PlanMachine m, long start) {
        if (stop.cancelled()) return new RunReport.MachineRun(m.name(), m.dependsOn(), MachineOutcome.SKIPPED, "not started: " + stop.reason(), start, 0, null);
        Instant begin = jobs.clock().now();
        try {
            Long rpo = recovery.recoveryPointAge(m.name(), point).toSeconds();
            String job;
            if (mode == RecoveryRunner.Mode.TEST) {
                testsStarted.add(m.name());
                job = recovery.testFailover(m.name(), network, point);
            } else {
                job = recovery.failover(m.name(), mode == RecoveryRunner.Mode.PLANNED ? FailoverType.PLANNED : FailoverType.UNPLANNED, point);
            }
            JobStatus s = Jobs.await(jobs, job, stop::cancelled);
            Instant from = s.started() != null ? s.started() : begin;
            Instant to = s.ended() != null ? s.ended() : jobs.clock().now();
            long took = Math.max(0, Duration.between(from, to).toSeconds());
            if (s.state() == JobStatus.State.FAILED) {
                log.accept("  " + m.name() + ": FAILED — " + s.error());
                return new RunReport.MachineRun(m.name(), m.dependsOn(), MachineOutcome.FAILED, s.error(), start, took, rpo);
            }
            String unknown = null;
            try {
                InetSocketAddress at = recovery.endpoint(m.name(), 0);
                addresses.put(m.name(), at);
                openCheckPorts(m.name());
            } catch (OperationFailed e) {
                // The machine is up; only where it answers is unknown: scripts get no address for it and its checks fail.
                unknown = e.getMessage();
            }
            log.accept("  " + m.name() + ": up after " + Times.human(took) + " from a recovery point " + Times.human(rpo) + " old"
                    + (unknown == null ? "" : " (its address is unknown: " + unknown + ")"));
            return new RunReport.MachineRun(m.name(), m.dependsOn(), MachineOutcome.UP, null, start, took, rpo);
        } catch (InterruptedException e) {
            return new RunReport.MachineRun(m.name(), m.dependsOn(), MachineOutcome.STOPPED, "stopped while failing over: " + stop.reason(), start, 0, null);
        } catch (RuntimeException e) {
            log.accept("  " + m.name() + ": FAILED — " + e.getMessage());
            return new RunReport.MachineRun(m.name(), m.dependsOn(), MachineOutcome.FAILED, e.getMessage(), start, 0, null);
        }
    }

    /** The failed-over VM serves what the drill will check (the simulated estate listens on those ports). */
    private void openCheckPorts(String machine) {
        for (SmokeCheck c : checks) {
            if (c.kind() == CheckKind.SCRIPT || !machine.equals(c.machine())) continue;
            try {
                int port = c.kind() == CheckKind.TCP ? c.port() : SmokeChecks.httpPort(c.url());
                recovery.endpoint(machine, port);
            } catch (RuntimeException unusable) {
                // A check that cannot be aimed fails when it runs, with its reason; the machine itself is up.
            }
        }
    }
}
