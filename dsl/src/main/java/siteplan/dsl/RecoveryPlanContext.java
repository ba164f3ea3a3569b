package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import siteplan.model.*;
import siteplan.model.Address.Kind;

/** {@code recoveryPlan('erp') { source 'amsterdam'; target 'contoso-dr'; group { machines 'erp-db01' } }} */
public class RecoveryPlanContext extends BlockContext {
    private final Slot<String> source = Slot.text("source", "'amsterdam'");
    private final Slot<String> target = Slot.text("target", "'contoso-dr'");
    private final Slot<Duration> rto = Slot.duration("rto", "45.minutes");
    private final Slot<Duration> rpo = Slot.duration("rpo", "15.minutes");
    private final String name;
    private final List<RecoveryGroup> groups = new ArrayList<>();
    private Drill drill;

    RecoveryPlanContext(String name) {
        super("recovery plan '" + name + "'", Address.recoveryPlan(name));
        this.name = name;
    }

    public Object source(Object site) { return set(source, site); }
    public Object target(Object target) { return set(this.target, target); }
    public Object rto(Object rto) { return set(this.rto, rto); }
    public Object rpo(Object rpo) { return set(this.rpo, rpo); }

    /** Groups fail over in the order they are written. */
    public void group(@DelegatesTo(value = GroupContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        int number = groups.size() + 1;
        groups.add(Evaluation.current().configure(new GroupContext(name, number), body).build());
    }

    public void drill(@DelegatesTo(value = DrillContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        drill = Evaluation.current().configure(new DrillContext(name), body).build();
    }

    RecoveryPlan build() {
        require(source, target);
        positive(rto);
        positive(rpo);
        return new RecoveryPlan(name, source.get(), target.get(), groups, drill, rto.get(), rpo.get());
    }

    /** An objective of no time cannot be met nor judged: refused where it is written. */
    private void positive(Slot<Duration> slot) {
        if (slot.get() != null && (slot.get().isZero() || slot.get().isNegative())) {
            problem(slot.word + " of " + label + " must be longer than no time, e.g. " + slot.word + " " + slot.example);
        }
    }

    /** {@code group { machine 'erp-app01', dependsOn: ['erp-db01']; before { manual 'Stop batch jobs' } }} */
    public static class GroupContext extends BlockContext {
        private final String plan;
        private final Address address;
        private final List<PlanMachine> machines = new ArrayList<>();
        private final List<PlanAction> before = new ArrayList<>();
        private final List<PlanAction> after = new ArrayList<>();

        GroupContext(String plan, int number) {
            this(plan, number, Address.recoveryPlan(plan).child(Kind.GROUP, String.valueOf(number)));
        }

        private GroupContext(String plan, int number, Address address) {
            super("group " + number + " of recovery plan '" + plan + "'", address);
            this.plan = plan;
            this.address = address;
        }

        @Doc(value = "Machines of the group, by name; each fails over with the others of its group. A group needs at least one"
                + " machine, written with machines or machine.",
                example = "machines 'web01', 'web02'")
        public void machines(String... names) {
            for (String n : names) machine(n);
        }

        @Doc(value = "One machine of the group, optionally with the machines of the group it waits for (dependsOn).",
                example = {"machine 'erp-db01'", "machine 'erp-app01', dependsOn: ['erp-db01']"})
        public void machine(String name) {
            machine(Map.of(), name);
        }

        public void machine(Map<String, ?> options, String name) {
            List<String> deps = new ArrayList<>();
            for (Map.Entry<String, ?> e : options.entrySet()) {
                if (!e.getKey().equals("dependsOn")) {
                    Evaluation.current().error("unknown option '" + e.getKey() + "' of machine '" + name + "' in " + label
                            + siteplan.dsl.Suggestions.didYouMean(e.getKey(), List.of("dependsOn")));
                    continue;
                }
                Object v = e.getValue();
                if (v instanceof Iterable<?> it) it.forEach(x -> deps.add(String.valueOf(x)));
                else if (v instanceof CharSequence s) deps.add(s.toString());
                else Evaluation.current().error("dependsOn of machine '" + name + "' expects machine names, such as ['erp-db01'] — got " + ValueType.describe(v));
            }
            Evaluation.current().sources.add(Address.recoveryPlan(plan).child(Kind.MACHINE, name), Evaluation.current().here());
            machines.add(new PlanMachine(name, deps));
        }

        public void before(@DelegatesTo(value = ActionsContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
            before.addAll(Evaluation.current().configure(new ActionsContext("steps before " + label, address), body).actions);
        }

        public void after(@DelegatesTo(value = ActionsContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
            after.addAll(Evaluation.current().configure(new ActionsContext("steps after " + label, address), body).actions);
        }

        RecoveryGroup build() {
            if (machines.isEmpty()) problem(label + " has no machines — add: machines 'name', …");
            return new RecoveryGroup(machines, before, after);
        }
    }

    /** {@code before { manual 'Confirm the DBA stopped batch jobs'; script 'scripts/check.sh', timeout: 5.minutes; runbook 'Set-DnsRecords' }} */
    @Doc("Steps run before or after the group fails over, in the order written (RP-ORDER).")
    public static class ActionsContext extends BlockContext {
        private final List<PlanAction> actions = new ArrayList<>();

        private final Address group;

        ActionsContext(String label, Address group) {
            super(label, null);
            this.group = group;
        }

        @Doc(value = "An instruction for the operator: the run waits until it is acknowledged at the terminal; without a terminal,"
                + " --ack acknowledges it.",
                example = {"manual 'Drain the load balancer'", "manual 'Confirm the DBA stopped batch jobs', timeout: 30.minutes"})
        public void manual(String instruction) { manual(Map.of(), instruction); }
        public void manual(Map<String, ?> options, String instruction) { action(ActionKind.MANUAL, options, instruction); }
        @Doc(value = "A script run on the machine running siteplan; the path is relative to the definition and must lie inside its"
                + " folder. It is stopped after its timeout.",
                example = {"script 'scripts/check.sh'", "script 'scripts/check.sh', timeout: 5.minutes"})
        public void script(String path) { script(Map.of(), path); }
        public void script(Map<String, ?> options, String path) { action(ActionKind.SCRIPT, options, path); }
        @Doc(value = "An Azure Automation runbook, by name.",
                example = {"runbook 'Set-DnsRecords'", "runbook 'Set-DnsRecords', timeout: 10.minutes"})
        public void runbook(String name) { runbook(Map.of(), name); }
        public void runbook(Map<String, ?> options, String name) { action(ActionKind.RUNBOOK, options, name); }

        private void action(ActionKind kind, Map<String, ?> options, String value) {
            java.time.Duration timeout = NamedOption.read(options, "timeout", ValueType.DURATION, kind.token() + " step in " + label);
            // Where a script step is written, so a missing or outside script is reported at its line.
            if (kind == ActionKind.SCRIPT && group != null) Evaluation.current().sources.add(group.child(Kind.SCRIPT, value), Evaluation.current().here());
            actions.add(new PlanAction(kind, value, timeout));
        }
    }

    /** {@code drill { network 'drill-vnet'; every 90.days; tcp 'erp-db01', 1433; http 'erp-web01', 'http://erp-web01/health' }} */
    public static class DrillContext extends BlockContext {
        private final Slot<String> network = Slot.text("network", "'drill-vnet'");
        private final Slot<Duration> interval = Slot.duration("interval");
        private boolean mandatory;
        private final List<SmokeCheck> checks = new ArrayList<>();

        DrillContext(String plan) {
            super("drill of recovery plan '" + plan + "'", Address.recoveryPlan(plan).child(Kind.DRILL));
        }

        public Object network(Object network) { return set(this.network, network); }
        @Doc(field = "interval", example = {"every 90.days", "every 90.days, mandatory: true"})
        public Object every(Object interval) { return set(this.interval, interval); }

        /** {@code every 90.days, mandatory: true}: an overdue drill is an error that stops apply (DRILL-OVERDUE), not a warning. */
        public Object every(Map<String, ?> options, Object interval) {
            Boolean given = NamedOption.read(options, "mandatory", ValueType.BOOL, "every in " + label);
            if (given != null) mandatory = given;
            return every(interval);
        }

        @Doc(value = "After the test failover, the machine's TCP port answers.", example = "tcp 'erp-db01', 1433")
        public void tcp(String machine, int port) {
            checks.add(new SmokeCheck(CheckKind.TCP, machine, port, null, null));
        }

        @Doc(value = "After the test failover, the URL answers with the expected status (200 unless given).",
                example = {"http 'web01', 'http://web01/health'", "http 'web01', 'http://web01/health', status: 204"})
        public void http(String machine, String url) {
            http(Map.of(), machine, url);
        }

        public void http(Map<String, ?> options, String machine, String url) {
            Integer status = NamedOption.read(options, "status", ValueType.INT, "http check in " + label);
            checks.add(new SmokeCheck(CheckKind.HTTP, machine, null, url, status));
        }

        Drill build() {
            require(network);
            if (mandatory && interval.get() == null) problem(label + " makes its cadence mandatory without one — write: every 90.days, mandatory: true");
            return new Drill(network.get(), interval.get(), checks, mandatory);
        }
    }
}
