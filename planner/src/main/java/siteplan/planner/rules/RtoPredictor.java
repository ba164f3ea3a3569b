package siteplan.planner.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import siteplan.model.ActionKind;
import siteplan.model.CheckKind;
import siteplan.model.PlanAction;
import siteplan.model.PlanMachine;
import siteplan.model.RecoveryGroup;
import siteplan.model.RecoveryPlan;
import siteplan.model.SmokeCheck;

/**
 * Predicts a recovery plan's RTO from the drills and failovers the history recorded (RTO-PREDICTED), the way the
 * executor's timeline adds up: group after group, each its steps before, then its machines in parallel (a machine
 * waiting for those of its group it depends on), then its checks, then its steps after; the drill's own checks last.
 * <ul>
 *   <li>A machine's failover time is a straight line in its disk size, fitted by least squares to every machine time
 *       recorded by drills and unplanned failovers, plus the machine's own mean deviation from that line over its last
 *       {@value #OWN_RUNS} runs (a slow VM stays slow). One size only: the defaults' slope through their mean.</li>
 *   <li>A step or a check takes the median of its recorded times; one never recorded takes the default (a runbook a
 *       minute, anything else nothing) and is named as untimed.</li>
 *   <li>With no recorded machine time the prediction rests on the simulated estate's timing model ({@link #DEFAULT_BASE_SECONDS}
 *       seconds a machine and {@link #DEFAULT_SECONDS_PER_GB} a GB) and says so; it claims no error then.</li>
 *   <li>Its error is measured, not assumed: each earlier passed drill of the plan predicted from the runs before it
 *       only, against what it measured.</li>
 * </ul>
 */
public final class RtoPredictor {
    /** The simulated estate's test failover: four minutes to create and boot the VM, 0-89 s of jitter (mean 45 s). */
    static final double DEFAULT_BASE_SECONDS = 285;
    /** The simulated estate's test failover: a minute more per 100 GB of disk. */
    static final double DEFAULT_SECONDS_PER_GB = 0.6;
    static final int OWN_RUNS = 5;
    /** At most this many of the newest runs are learnt from: an estate's timings drift with its provider. */
    static final int MAX_RUNS = 200;
    /** The error is the mean over at most this many of the plan's newest drills. */
    static final int ERROR_RUNS = 10;

    private RtoPredictor() {}

    /** A plan as the timeline runs it. */
    public record Shape(List<GroupShape> groups, List<String> finalChecks) {
        public Shape {
            groups = List.copyOf(groups);
            finalChecks = List.copyOf(finalChecks);
        }
    }

    public record GroupShape(List<MachineShape> machines, List<String> before, List<String> checks, List<String> after) {
        public GroupShape {
            machines = List.copyOf(machines);
            before = List.copyOf(before);
            checks = List.copyOf(checks);
            after = List.copyOf(after);
        }
    }

    public record MachineShape(String name, long diskGb, List<String> dependsOn) {
        public MachineShape {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }

    /** What the prediction rests on. */
    public enum Basis implements siteplan.model.Token { HISTORY, DEFAULTS }

    /**
     * @param seconds      the predicted RTO
     * @param runs         how many recorded runs it learnt from
     * @param errorSeconds the mean absolute error of this method on the plan's earlier drills; null when fewer than two
     *                     could be predicted from history
     * @param errorRuns    how many drills that error is the mean of
     * @param untimed      steps and checks no run recorded a time for
     * @param groupSeconds when each group is predicted to be done (up, checked, after-steps run), from the run's start, in order
     */
    public record Prediction(long seconds, Basis basis, int runs, Long errorSeconds, int errorRuns, List<String> untimed, List<Long> groupSeconds) {
        public Prediction {
            untimed = List.copyOf(untimed);
            groupSeconds = List.copyOf(groupSeconds);
        }

        /** "41m", to the minute: a prediction claims no more precision than that. */
        public String time() {
            return about(seconds);
        }

        /** What the prediction rests on and how far it is off: "from 6 recorded runs, ±4m: the mean error over 5 earlier drills". */
        public String basisText() {
            if (basis == Basis.DEFAULTS) return "rests on defaults, the simulated estate's timing model: no drill or failover of the estate is recorded yet";
            String err = errorSeconds == null ? "its error not yet measured (fewer than two earlier drills of the plan to predict)"
                    : "±" + about(errorSeconds) + ", the mean error over " + errorRuns + " earlier " + (errorRuns == 1 ? "drill" : "drills");
            return "from " + runs + " recorded " + (runs == 1 ? "run" : "runs") + ", " + err
                    + (untimed.isEmpty() ? "" : "; never timed, so counted at their default: " + String.join(", ", untimed));
        }

        /** A time to the minute ("under a minute" below one). */
        public static String about(long seconds) {
            if (seconds < 30) return seconds == 0 ? "0m" : "under 1m";
            return siteplan.units.Durations.human(Math.round(seconds / 60.0) * 60);
        }
    }

    /** What is learnt from recorded runs; {@link #learn} makes it. */
    public static final class Model {
        final double base;
        final double perGb;
        final Map<String, Double> ownDeviation;
        final Map<String, Long> steps;
        final Map<String, Long> checks;
        final int runs;
        final int machinePoints;

        private Model(double base, double perGb, Map<String, Double> ownDeviation, Map<String, Long> steps, Map<String, Long> checks, int runs, int machinePoints) {
            this.base = base;
            this.perGb = perGb;
            this.ownDeviation = ownDeviation;
            this.steps = steps;
            this.checks = checks;
            this.runs = runs;
            this.machinePoints = machinePoints;
        }

        long machine(MachineShape m) {
            double s = base + perGb * m.diskGb() + ownDeviation.getOrDefault(m.name(), 0.0);
            return Math.max(0, Math.round(s));
        }
    }

    private record Point(String machine, long gb, long seconds) {}

    /** Learns from the runs (any order; the newest {@value #MAX_RUNS} count). */
    public static Model learn(List<RecordedRun> recorded) {
        List<RecordedRun> runs = recorded.stream().sorted(Comparator.comparing(RecordedRun::at)).toList();
        if (runs.size() > MAX_RUNS) runs = runs.subList(runs.size() - MAX_RUNS, runs.size());
        List<Point> points = new ArrayList<>();
        Map<String, List<Long>> steps = new HashMap<>(), checks = new HashMap<>();
        for (RecordedRun r : runs) {
            if (r.kind().likeADrill()) {
                for (GroupShape g : r.shape().groups()) {
                    for (MachineShape m : g.machines()) {
                        Long s = r.machineSeconds().get(m.name());
                        if (s != null) points.add(new Point(m.name(), m.diskGb(), s));
                    }
                }
            }
            r.stepSeconds().forEach((k, v) -> steps.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            r.checkSeconds().forEach((k, v) -> checks.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        double base = DEFAULT_BASE_SECONDS, perGb = DEFAULT_SECONDS_PER_GB;
        if (!points.isEmpty()) {
            double n = points.size(), mx = points.stream().mapToDouble(Point::gb).average().orElse(0), my = points.stream().mapToDouble(Point::seconds).average().orElse(0);
            double sxx = points.stream().mapToDouble(p -> (p.gb() - mx) * (p.gb() - mx)).sum();
            double sxy = points.stream().mapToDouble(p -> (p.gb() - mx) * (p.seconds() - my)).sum();
            // One size only (or sizes too close to tell a slope): keep the defaults' slope through the recorded mean.
            perGb = sxx / n < 1.0 ? DEFAULT_SECONDS_PER_GB : Math.max(0, sxy / sxx);
            base = my - perGb * mx;
        }
        Map<String, List<Double>> deviations = new HashMap<>();
        for (Point p : points) deviations.computeIfAbsent(p.machine(), x -> new ArrayList<>()).add(p.seconds() - (base + perGb * p.gb()));
        Map<String, Double> own = new HashMap<>();
        deviations.forEach((m, d) -> own.put(m, d.subList(Math.max(0, d.size() - OWN_RUNS), d.size()).stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        Map<String, Long> stepMedian = new HashMap<>(), checkMedian = new HashMap<>();
        steps.forEach((k, v) -> stepMedian.put(k, median(v)));
        checks.forEach((k, v) -> checkMedian.put(k, median(v)));
        return new Model(base, perGb, own, stepMedian, checkMedian, runs.size(), points.size());
    }

    /** The plan's predicted RTO from the model, its error measured on {@code ofThePlan}'s recorded drills. */
    public static Prediction predict(Shape shape, List<RecordedRun> history, String recoveryPlan) {
        Model model = learn(history);
        List<String> untimed = new ArrayList<>();
        List<Long> groupEnds = new ArrayList<>();
        long seconds = seconds(shape, model, untimed, groupEnds);
        Basis basis = model.machinePoints == 0 ? Basis.DEFAULTS : Basis.HISTORY;
        List<Backtest> tests = backtest(history, recoveryPlan);
        List<Backtest> fromHistory = tests.stream().filter(t -> t.basis() == Basis.HISTORY).toList();
        fromHistory = fromHistory.subList(Math.max(0, fromHistory.size() - ERROR_RUNS), fromHistory.size());
        Long error = fromHistory.size() < 2 ? null : Math.round(fromHistory.stream().mapToLong(t -> Math.abs(t.predicted() - t.measured())).average().orElse(0));
        return new Prediction(seconds, basis, model.runs, error, fromHistory.size(), untimed.stream().distinct().toList(), groupEnds);
    }

    /** One earlier drill of a plan, predicted from the runs recorded before it only. */
    public record Backtest(RecordedRun run, long predicted, long measured, Basis basis) {}

    /** Each passed drill or unplanned failover of the plan, oldest first, predicted from the runs before it. */
    public static List<Backtest> backtest(List<RecordedRun> history, String recoveryPlan) {
        List<RecordedRun> runs = history.stream().sorted(Comparator.comparing(RecordedRun::at)).toList();
        List<Backtest> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RecordedRun r = runs.get(i);
            if (!r.recoveryPlan().equals(recoveryPlan) || !r.passed() || !r.kind().likeADrill()) continue;
            Model before = learn(runs.subList(0, i));
            out.add(new Backtest(r, seconds(r.shape(), before, new ArrayList<>()), r.rtoSeconds(), before.machinePoints == 0 ? Basis.DEFAULTS : Basis.HISTORY));
        }
        return out;
    }

    static long seconds(Shape shape, Model model, List<String> untimed) {
        return seconds(shape, model, untimed, new ArrayList<>());
    }

    /** The predicted RTO; {@code groupEnds} gets when each group is done, as a run measures a group's end. */
    static long seconds(Shape shape, Model model, List<String> untimed, List<Long> groupEnds) {
        long total = 0;
        for (GroupShape g : shape.groups()) {
            total += steps(g.before(), model, untimed);
            total += criticalPath(g.machines(), model);
            total += checks(g.checks(), model, untimed);
            total += steps(g.after(), model, untimed);
            groupEnds.add(total);
        }
        return total + checks(shape.finalChecks(), model, untimed);
    }

    private static long steps(List<String> keys, Model model, List<String> untimed) {
        long s = 0;
        for (String k : keys) {
            Long t = model.steps.get(k);
            if (t == null) {
                untimed.add(k);
                t = k.startsWith(ActionKind.RUNBOOK.token() + " ") ? 60L : 0L;
            }
            s += t;
        }
        return s;
    }

    private static long checks(List<String> keys, Model model, List<String> untimed) {
        long s = 0;
        for (String k : keys) {
            Long t = model.checks.get(k);
            if (t == null) untimed.add(k + " check");
            else s += t;
        }
        return s;
    }

    /**
     * Machines of a group run in parallel; one that depends on others of its group starts when they are up. Worked out
     * in dependency order without recursion (a recorded run may hold any chain); a cycle, which RP-ORDER refuses, is
     * cut: its machines start with the group.
     */
    private static long criticalPath(List<MachineShape> machines, Model model) {
        Map<String, MachineShape> byName = new HashMap<>();
        machines.forEach(m -> byName.putIfAbsent(m.name(), m));
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> after = new HashMap<>();
        for (MachineShape m : byName.values()) {
            int n = 0;
            for (String d : new java.util.LinkedHashSet<>(m.dependsOn())) {
                if (!byName.containsKey(d) || d.equals(m.name())) continue;
                after.computeIfAbsent(d, x -> new ArrayList<>()).add(m.name());
                n++;
            }
            waiting.put(m.name(), n);
        }
        Map<String, Long> start = new HashMap<>(), done = new HashMap<>();
        java.util.ArrayDeque<String> ready = new java.util.ArrayDeque<>();
        byName.keySet().stream().filter(m -> waiting.get(m) == 0).sorted().forEach(ready::add);
        long end = 0;
        while (done.size() < byName.size()) {
            if (ready.isEmpty()) {
                // A cycle: its first machine not yet done starts when its known predecessors are up.
                String cut = byName.keySet().stream().filter(m -> !done.containsKey(m)).sorted().findFirst().orElseThrow();
                waiting.put(cut, 0);
                ready.add(cut);
            }
            String m = ready.poll();
            if (done.containsKey(m)) continue;
            long f = start.getOrDefault(m, 0L) + model.machine(byName.get(m));
            done.put(m, f);
            end = Math.max(end, f);
            for (String next : after.getOrDefault(m, List.of())) {
                if (done.containsKey(next)) continue;
                start.merge(next, f, Math::max);
                if (waiting.merge(next, -1, Integer::sum) == 0) ready.add(next);
            }
        }
        return end;
    }

    private static long median(List<Long> values) {
        List<Long> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : Math.round((s.get(n / 2 - 1) + s.get(n / 2)) / 2.0);
    }

    public static String stepKey(ActionKind kind, String value) {
        return kind.token() + " " + value;
    }

    public static String checkKey(CheckKind kind, String target) {
        return kind.token() + " " + target;
    }

    /** The plan as the estate declares it, each machine with its declared disks (0 GB for one the estate does not declare). */
    public static Shape of(RecoveryPlan plan, siteplan.model.Estate estate) {
        return of(plan, m -> estate.machine(m).map(x -> (long) x.totalSize().gigabytes()).orElse(0L));
    }

    /** The plan as declared, each machine's disk size as {@code diskGb} gives it. */
    public static Shape of(RecoveryPlan plan, ToLongFunction<String> diskGb) {
        List<GroupShape> groups = new ArrayList<>();
        for (RecoveryGroup g : plan.groups()) {
            List<MachineShape> machines = new ArrayList<>();
            for (PlanMachine m : g.machines()) machines.add(new MachineShape(m.name(), diskGb.applyAsLong(m.name()), m.dependsOn()));
            groups.add(new GroupShape(machines, keys(g.before()), checkKeys(g.checks()), keys(g.after())));
        }
        List<String> last = plan.drill() == null ? List.of() : checkKeys(plan.drill().checks());
        return new Shape(groups, last);
    }

    private static List<String> keys(List<PlanAction> steps) {
        return steps == null ? List.of() : steps.stream().map(a -> stepKey(a.kind(), a.value())).toList();
    }

    private static List<String> checkKeys(List<SmokeCheck> checks) {
        return checks == null ? List.of() : checks.stream().map(c -> checkKey(c.kind(), c.target())).toList();
    }
}
