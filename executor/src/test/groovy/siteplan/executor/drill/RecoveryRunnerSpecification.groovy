package siteplan.executor.drill

import java.time.Duration
import java.time.Instant
import siteplan.executor.provider.ExecutionClock
import siteplan.executor.provider.JobOperations
import siteplan.executor.provider.JobStatus
import siteplan.executor.provider.Operations
import siteplan.executor.provider.RecoveryOperations
import siteplan.executor.provider.RecoveryPointChoice
import siteplan.executor.secrets.Secrets
import siteplan.model.Drill
import siteplan.model.PlanMachine
import siteplan.model.RecoveryGroup
import siteplan.model.RecoveryPlan
import siteplan.model.SmokeCheck
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A provider stubbed at the ports: every job has ended when first asked, having taken the seconds
 * {@code took} gives its machine (60 unless told), or failed when the machine is in {@code failing}
 * (its failover) or {@code cleanupFailing} (the removal of its test VM).
 */
abstract class RecoveryRunnerSpecification extends Specification {
    static final Instant T0 = Instant.parse('2026-01-01T00:00:00Z')

    @TempDir
    java.nio.file.Path runDir

    Instant now = T0
    def clock = Stub(ExecutionClock) {
        now() >> { now }
        sleep(_) >> { Duration d -> now = now + d }
    }
    Map<String, Long> took = [:]
    Set<String> failing = []
    Set<String> cleanupFailing = []
    boolean nothingToClean
    List<String> failedOver = [].asSynchronized()
    List<String> cleaned = [].asSynchronized()
    List<String> log = [].asSynchronized()

    def recovery = Stub(RecoveryOperations) {
        recoveryPointAge(_, _) >> Duration.ofMinutes(5)
        testFailover(_, _, _) >> { String m, n, p -> failedOver << m; "failover-$m".toString() }
        failover(_, _, _) >> { String m, t, p -> failedOver << m; "failover-$m".toString() }
        endpoint(_, _) >> { String m, int port -> new InetSocketAddress(InetAddress.loopbackAddress, port) }
        cleanupTestFailover(_) >> { String m -> cleaned << m; nothingToClean ? null : "cleanup-$m".toString() }
        item(_) >> null
    }
    def jobs = Stub(JobOperations) {
        clock() >> clock
        job(_) >> { String id -> status(id) }
    }
    def ops = Stub(Operations) {
        describe() >> 'stub provider'
        recovery() >> recovery
        jobs() >> jobs
    }

    JobStatus status(String id) {
        String machine = id.substring(id.indexOf('-') + 1)
        boolean fails = machine in (id.startsWith('failover-') ? failing : cleanupFailing)
        new JobStatus(id, fails ? JobStatus.State.FAILED : JobStatus.State.SUCCEEDED, 1, T0, T0.plusSeconds(took.getOrDefault(machine, 60L)),
                fails ? "$id failed".toString() : null)
    }

    static PlanMachine machine(String name, List<String> dependsOn = []) {
        new PlanMachine(name, dependsOn)
    }

    static RecoveryGroup group(PlanMachine... machines) {
        new RecoveryGroup(machines as List, [], [])
    }

    static RecoveryPlan plan(List<RecoveryGroup> groups, List<SmokeCheck> checks = []) {
        new RecoveryPlan('rp-web', 'paris', 'paris-dr', groups, new Drill('drill-net', null, checks))
    }

    RecoveryRunner runner(RecoveryPlan plan, RecoveryRunner.Mode mode = RecoveryRunner.Mode.TEST) {
        new RecoveryRunner(plan, ops, new RecoveryRunner.Options(mode, RecoveryPointChoice.LATEST, 'drill-net', true, null, runDir, [:],
                Duration.ofMinutes(1), 4, runDir), { log << it }, new Secrets([:]))
    }
}
