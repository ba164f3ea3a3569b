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
        // An objective of no time cannot be met nor judged, one of over ten years is none: refused where it is written.
        return new RecoveryPlan(name, source.get(), target.get(), groups, drill, objective(rto, rto.example), objective(rpo, rpo.example));
    }

    /** {@code group { machine 'erp-app01', dependsOn: ['erp-db01']; before { manual 'Stop batch jobs' } }} */
    public static class GroupContext extends BlockContext {
        private final String plan;
        private final Address address;
        private final List<PlanMachine> machines = new ArrayList<>();
        private final List<PlanAction> before = new ArrayList<>();
        private final List<PlanAction> after = new ArrayList<>();
        private final List<SmokeCheck> checks = new ArrayList<>();
        private CheckFailure onCheckFailure;
        private final Slot<Duration> rto = Slot.duration("rto", "20.minutes");

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
            // Read as a map of anything: a script may write a key that is not a string ("${'depends'}On", [(1): 2]).
            for (Map.Entry<?, ?> e : ((Map<?, ?>) options).entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!key.equals("dependsOn")) {
                    Evaluation.current().error("unknown option '" + key + "' of machine '" + name + "' in " + label
                            + siteplan.dsl.Suggestions.didYouMean(key, List.of("dependsOn")));
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

        @Doc(value = "The group's own RTO: the longest from the run's start until this group is up, checked and its after-steps"
                + " done. Judged in each drill and failover as the plan's rto is, and against its predicted RTO. At most the"
                + " plan's rto, which holds every group already.",
                example = "rto 20.minutes")
        public Object rto(Object rto) { return set(this.rto, rto); }

        public void before(@DelegatesTo(value = ActionsContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
            before.addAll(Evaluation.current().configure(new ActionsContext("steps before " + label, address), body).actions);
        }

        public void after(@DelegatesTo(value = ActionsContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
            after.addAll(Evaluation.current().configure(new ActionsContext("steps after " + label, address), body).actions);
        }

        @Doc(value = "Checks run when the group's machines are up, before its after-steps. A failing check stops the later groups"
                + " of a drill; a real failover asks on a terminal and otherwise goes on and reports, unless onFailure says.")
        public void checks(@DelegatesTo(value = GroupChecksContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
            GroupChecksContext c = Evaluation.current().configure(new GroupChecksContext(label, address), body);
            checks.addAll(c.checks);
            if (c.onFailure.get() != null) onCheckFailure = c.onFailure.get();
        }

        RecoveryGroup build() {
            if (machines.isEmpty()) problem(label + " has no machines — add: machines 'name', …");
            return new RecoveryGroup(machines, before, after, checks, onCheckFailure, objective(rto, "20.minutes"));
        }
    }

    /**
     * The check words a drill and a group share: {@code tcp}, {@code http} and {@code script}, each tried once or, with a
     * {@code timeout}, every {@code retryEvery} (10s unless written) until it passes or the timeout is spent.
     */
    public abstract static class CheckWords extends BlockContext {
        private static final Map<String, ValueType> WAITING = Map.of("timeout", ValueType.DURATION, "retryEvery", ValueType.DURATION);
        /** The most tries a check may have: one every 10 seconds for an hour. */
        static final long MAX_TRIES = 360;
        final List<SmokeCheck> checks = new ArrayList<>();
        /** Where a script check is registered in the source map, so a missing or outside script is reported at its line. */
        private final Address scripts;

        CheckWords(String label, Address key, Address scripts) {
            super(label, key);
            this.scripts = scripts;
        }

        @Doc(value = "The machine's TCP port answers.", example = {"tcp 'erp-db01', 1433", "tcp 'erp-db01', 1433, timeout: 5.minutes, retryEvery: 15.seconds"})
        public void tcp(String machine, Object port) { tcp(Map.of(), machine, port); }
        public void tcp(Map<String, ?> options, String machine, Object port) {
            String what = "tcp check in " + label;
            Map<String, Object> o = waiting(NamedOption.read(options, WAITING, what), what);
            Integer p = port(port, what);
            if (machine(machine, what) && p != null) {
                checks.add(new SmokeCheck(CheckKind.TCP, machine, p, null, null, null, (Duration) o.get("timeout"), (Duration) o.get("retryEvery")));
            }
        }

        @Doc(value = "The URL answers with the expected status (200 unless given).",
                example = {"http 'web01', 'http://web01/health'", "http 'web01', 'http://web01/health', status: 204, timeout: 2.minutes"})
        public void http(String machine, String url) { http(Map.of(), machine, url); }
        public void http(Map<String, ?> options, String machine, String url) {
            String what = "http check in " + label;
            Map<String, ValueType> known = new java.util.HashMap<>(WAITING);
            known.put("status", ValueType.INT);
            Map<String, Object> o = waiting(NamedOption.read(options, known, what), what);
            Integer status = (Integer) o.get("status");
            if (status != null && (status < 100 || status > 599)) {
                Evaluation.current().error("status of " + what + " is " + status + ", which no HTTP server answers — write one from 100 to 599, e.g. status: 204");
                return;
            }
            if (machine(machine, what) && url(url, what)) {
                checks.add(new SmokeCheck(CheckKind.HTTP, machine, null, url, status, null, (Duration) o.get("timeout"), (Duration) o.get("retryEvery")));
            }
        }

        @Doc(value = "A script on the machine running siteplan passes when it exits 0; it gets the failed-over machines' addresses as"
                + " a script step does. The path is relative to the definition and must lie inside its folder.",
                example = {"script 'scripts/check-orders.sh'", "script 'scripts/check-orders.sh', timeout: 10.minutes"})
        public void script(String path) { script(Map.of(), path); }
        public void script(Map<String, ?> options, String path) {
            String what = "script check in " + label;
            Map<String, Object> o = waiting(NamedOption.read(options, WAITING, what), what);
            if (path == null || path.isBlank() || path.length() > MAX_TEXT) {
                Evaluation.current().error(what + " needs the path of a script in the definition folder, e.g. script 'scripts/check-orders.sh'");
                return;
            }
            Evaluation.current().sources.add(scripts.child(Kind.SCRIPT, path), Evaluation.current().here());
            checks.add(new SmokeCheck(CheckKind.SCRIPT, null, null, null, null, path, (Duration) o.get("timeout"), (Duration) o.get("retryEvery")));
        }

        /** The longest machine name, URL or path a check takes: far above any real one, far below what a message can repeat. */
        private static final int MAX_TEXT = 2048;

        private static boolean machine(String machine, String what) {
            if (machine != null && !machine.isBlank() && machine.length() <= MAX_TEXT) return true;
            Evaluation.current().error(what + " needs the name of a machine of the plan, e.g. tcp 'erp-db01', 1433");
            return false;
        }

        /** A TCP port: a whole number from 1 to 65535 (never a number wrapped round into one). */
        private static Integer port(Object raw, String what) {
            try {
                Integer p = (Integer) ValueType.INT.convert(raw);
                if (p >= 1 && p <= 65_535) return p;
            } catch (IllegalArgumentException notWhole) {
                // said below
            }
            Evaluation.current().error("the port of " + what + " must be a whole number from 1 to 65535 — got " + ValueType.describe(raw));
            return null;
        }

        /** An http or https URL with a host: the check goes to the failed-over machine's address, on the URL's port and path. */
        private static boolean url(String url, String what) {
            String problem = null;
            if (url == null || url.isBlank()) problem = "needs a URL such as 'http://web01/health'";
            else if (url.length() > MAX_TEXT) problem = "has a URL of " + url.length() + " characters; a health check's is far shorter";
            else {
                try {
                    java.net.URI u = new java.net.URI(url);
                    if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())) problem = "takes an http or https URL — got " + ValueType.describe(url);
                    else if (u.getHost() == null) problem = "needs a URL with a host, such as 'http://web01/health' — got " + ValueType.describe(url);
                    else if (u.getPort() > 65_535) problem = "has a URL whose port is past 65535";
                } catch (java.net.URISyntaxException e) {
                    problem = "has a URL that is not one (" + siteplan.text.Printable.of(e.getReason()) + ") — got " + ValueType.describe(url);
                }
            }
            if (problem == null) return true;
            Evaluation.current().error(what + " " + problem);
            return false;
        }

        /** A check's wait must be some time, and a retry interval needs a timeout to retry within. */
        private static Map<String, Object> waiting(Map<String, Object> o, String what) {
            for (String k : List.of("timeout", "retryEvery")) {
                Duration d = (Duration) o.get(k);
                if (d != null && (d.isZero() || d.isNegative())) {
                    Evaluation.current().error(k + " of " + what + " must be longer than no time, e.g. " + k + ": " + (k.equals("timeout") ? "5.minutes" : "15.seconds"));
                    o.remove(k);
                } else if (d != null && d.compareTo(Duration.ofDays(1)) > 0) {
                    // A check waits for a service to come up during a recovery run, which an operator is watching.
                    Evaluation.current().error(k + " of " + what + " is more than a day — a check waits for a service to come up, e.g. " + k + ": "
                            + (k.equals("timeout") ? "30.minutes" : "30.seconds"));
                    o.remove(k);
                }
            }
            Duration timeout = (Duration) o.get("timeout");
            Duration retry = (Duration) o.get("retryEvery");
            if (retry != null && timeout == null) {
                Evaluation.current().error("retryEvery of " + what + " needs a timeout to retry within — add: timeout: 5.minutes");
            } else if (retry != null && retry.compareTo(timeout) > 0) {
                Evaluation.current().error("retryEvery of " + what + " is longer than its timeout, so the check would be tried once — make it shorter, e.g. retryEvery: 15.seconds");
            }
            // Each try connects or starts a process (and a script's try leaves a log in history): a bounded number of them.
            Duration every = retry != null ? retry : SmokeCheck.DEFAULT_RETRY;
            if (timeout != null && timeout.toSeconds() / Math.max(1, every.toSeconds()) > MAX_TRIES) {
                Evaluation.current().error(what + " would be tried " + (timeout.toSeconds() / Math.max(1, every.toSeconds())) + " times (timeout over retryEvery); keep it to "
                        + MAX_TRIES + " — try less often, e.g. retryEvery: 30.seconds");
            }
            if (retry != null && retry.toSeconds() < 1) {
                Evaluation.current().error("retryEvery of " + what + " must be at least 1 second");
            }
            return o;
        }
    }

    /** {@code checks { tcp 'erp-db01', 1433, timeout: 5.minutes; onFailure 'continue' }} */
    @Doc("Checks run when the group's machines are up, before its after-steps; each tried once, or with a timeout until it passes.")
    public static class GroupChecksContext extends CheckWords {
        private final Slot<CheckFailure> onFailure = Slot.token("onFailure", CheckFailure.class, "'continue'");

        GroupChecksContext(String group, Address address) {
            super("checks of " + group, null, address);
        }

        @Doc(value = "What a failing check does: 'stop' (the later groups are not started) or 'continue' (they are; the run does not"
                + " pass). Unwritten, a drill stops and a failover asks on a terminal, else continues.",
                example = "onFailure 'continue'")
        public Object onFailure(Object what) { return set(onFailure, what); }
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
    @Doc("How the plan is drilled, and the checks run when all its groups are up (checks of one group go in that group's checks block).")
    public static class DrillContext extends CheckWords {
        private final Slot<String> network = Slot.text("network", "'drill-vnet'");
        private final Slot<Duration> interval = Slot.duration("interval");
        private boolean mandatory;

        DrillContext(String plan) {
            this(plan, Address.recoveryPlan(plan).child(Kind.DRILL));
        }

        private DrillContext(String plan, Address address) {
            super("drill of recovery plan '" + plan + "'", address, address);
        }

        public Object network(Object network) { return set(this.network, network); }
        @Doc(field = "interval", example = {"every 90.days", "every 90.days, mandatory: true"})
        public Object every(Object interval) { return set(this.interval, interval); }

        /** {@code every 90.days, mandatory: true}: an overdue drill is an error that stops apply (DRILL-OVERDUE), not a warning. */
        public Object every(Map<String, ?> options, Object interval) {
            Boolean given = mandatoryOption(options);
            if (given != null) mandatory = given;
            return every(interval);
        }

        Drill build() {
            // A drill without a network is drilled into the one given with drill --network (the estate's cadence gives
            // every plan such a drill): the command says so when neither is there.
            if (mandatory && interval.get() == null) problem(label + " makes its cadence mandatory without one — write: every 90.days, mandatory: true");
            return new Drill(network.get(), interval.get(), checks, mandatory);
        }
    }
}
