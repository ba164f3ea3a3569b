package siteplan.executor.drill;

import java.util.List;
import siteplan.model.ActionKind;
import siteplan.model.CheckKind;

/**
 * What a drill or failover of a recovery plan did, on one timeline: seconds from the start of the
 * run in the provider's time (modelled for the simulated estate), so the timeline reads the same
 * whatever the clock speed. Measured RTO is the time from the start to the end of the last group;
 * achieved RPO is the age of the oldest recovery point any machine came up from.
 */
public record RunReport(
        RunKind kind, String recoveryPlan, String estate, String network, String recoveryPoint, RunStatus status, String reason,
        String startedAt, String provider, long rtoSeconds, Long rpoSeconds,
        List<Group> groups, List<Check> checks, List<Cleanup> cleanup, List<String> notes) {

    public RunReport {
        notes = notes == null ? List.of() : List.copyOf(notes);
        // Read back from report.json too, where empty lists are left out.
        groups = groups == null ? List.of() : List.copyOf(groups);
        checks = checks == null ? List.of() : List.copyOf(checks);
        cleanup = cleanup == null ? List.of() : List.copyOf(cleanup);
    }

    /** The same report with other kind, status or notes: failback adds its stages, failover its warnings. */
    public RunReport with(RunKind newKind, RunStatus newStatus, String newReason, List<String> newNotes) {
        return new RunReport(newKind, recoveryPlan, estate, network, recoveryPoint, newStatus, newReason, startedAt, provider, rtoSeconds, rpoSeconds,
                groups, checks, cleanup, newNotes);
    }

    /** The report as data, for tools and for the run's report.json; people read it through the CLI's views. */
    public String json() {
        try {
            return siteplan.model.json.ModelJson.JSON.writeValueAsString(this) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean passed() {
        return status.ok();
    }

    /** A group: when it began and ended on the timeline, its actions, machines and checks (run when its machines were up). */
    public record Group(int number, long startSeconds, long endSeconds, List<Action> actions, List<MachineRun> machines, List<Check> checks) {
        public Group {
            actions = actions == null ? List.of() : List.copyOf(actions);
            machines = machines == null ? List.of() : List.copyOf(machines);
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        /** A group without checks. */
        public Group(int number, long startSeconds, long endSeconds, List<Action> actions, List<MachineRun> machines) {
            this(number, startSeconds, endSeconds, actions, machines, List.of());
        }

        /** The oldest recovery point a machine of the group came up from, in seconds; null when none came up. */
        public Long rpoSeconds() {
            return machines.stream().map(MachineRun::recoveryPointAgeSeconds).filter(java.util.Objects::nonNull).max(Long::compare).orElse(null);
        }
    }

    /** A before/after step: manual, script or runbook. */
    public record Action(ActionPhase when, ActionKind kind, String value, ActionOutcome outcome, String detail, long startSeconds, long durationSeconds) {
        public boolean done() {
            return outcome == ActionOutcome.DONE;
        }
    }

    /** One machine's failover: when it started and came up, from which recovery point, and how it went. */
    public record MachineRun(String name, List<String> dependsOn, MachineOutcome outcome, String detail, long startSeconds, long durationSeconds, Long recoveryPointAgeSeconds) {
        public MachineRun {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }

        public boolean up() {
            return outcome == MachineOutcome.UP;
        }
    }

    /** A check against failed-over machines: how it ended, after how many tries, and how long they took (waits between them included). */
    public record Check(CheckKind kind, String machine, String target, CheckOutcome outcome, String detail, int tries, long seconds) {
        /** A check tried once, in no measured time. */
        public Check(CheckKind kind, String machine, String target, CheckOutcome outcome, String detail) {
            this(kind, machine, target, outcome, detail, 1, 0);
        }

        public boolean passed() {
            return outcome == CheckOutcome.PASSED;
        }
    }

    /** Removal of a machine's test failover VM, which always runs. */
    public record Cleanup(String machine, CleanupOutcome outcome, String detail) {
        public boolean failed() {
            return outcome == CleanupOutcome.FAILED;
        }
    }
}
