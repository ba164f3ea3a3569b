package siteplan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a declared thing lives in the estate: a path of (kind, name) steps, such as
 * {@code site:amsterdam/masterTarget:mt01} or {@code recoveryPlan:erp/group:2/script:scripts/check.sh}.
 * An unnamed part of a thing (its failover settings, a plan's drill, an Azure target's endpoint) is a step
 * too, written as its token alone: {@code machine:db01/failover}.
 *
 * <p>The one way addresses are built. The definition readers record each thing's file and line under its
 * address (SourceMap), and the rules, the differ and the executor look them up with the same value: an
 * address assembled by hand with a typo would silently lose the file and line of a finding, a typed one
 * cannot. The text form is what the source map and the model cache store, so it never changes.
 */
public record Address(List<Step> steps) implements Comparable<Address> {

    /**
     * The kinds of things an address names, with the token its text form uses. A part kind lists the kinds
     * it belongs to and takes no name: a thing has one of each of its parts.
     */
    public enum Kind {
        AZURE("azure"), SITE("site"), MACHINE("machine"), POLICY("policy"), PROTECTION_GROUP("protectionGroup"),
        RECOVERY_PLAN("recoveryPlan"), NETWORK_MAPPING("networkMapping"), STORAGE_MAPPING("storageMapping"),
        VCENTER("vcenter"), CONFIGURATION_SERVER("configurationServer"), PROCESS_SERVER("processServer"),
        MASTER_TARGET("masterTarget"), HOST("host"), DATASTORE("datastore"), CLOUD("cloud"),
        LOGICAL_NETWORK("logicalNetwork"), VM_NETWORK("vmNetwork"), NETWORK("network"), SUBNET("subnet"),
        STORAGE_ACCOUNT("storageAccount"), DISK("disk"), NIC("nic"), GROUP("group"), SCRIPT("script"),
        VMM_SERVER("vmmServer"), HYPERV_HOST("hyperVHost"), STORAGE_CLASSIFICATION("storageClassification"), APPLIANCE("replicationAppliance"),
        /** The estate-wide recovery objectives, one per estate (named "estate"). */
        OBJECTIVES("objectives"),
        // Parts, after the kinds they belong to (an enum constant can only name the ones declared before it).
        MOBILITY("mobility", MACHINE), FAILOVER("failover", MACHINE), DRILL("drill", RECOVERY_PLAN),
        RETENTION("retention", MASTER_TARGET), INITIAL_REPLICATION("initialReplication", POLICY),
        ENDPOINT("endpoint", AZURE), THUMBPRINT("thumbprint", AZURE, VCENTER);

        private final String token;
        private final List<Kind> partOf;

        Kind(String token, Kind... partOf) {
            this.token = token;
            this.partOf = List.of(partOf);
        }

        public String token() { return token; }

        /** True for a part (failover, drill, …), which is written without a name. */
        public boolean isPart() { return !partOf.isEmpty(); }

        static Kind of(String token) {
            for (Kind k : values()) if (k.token.equals(token)) return k;
            throw new IllegalArgumentException("no address kind '" + token + "'");
        }
    }

    /**
     * One step: a kind and the thing's name (names may contain '/', e.g. a script path, only in the last
     * step), or a part's kind alone, its name absent (null).
     */
    public record Step(Kind kind, String name) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            if (kind.isPart() && name != null) throw new IllegalArgumentException("a " + kind.token + " part has no name");
            if (!kind.isPart()) Objects.requireNonNull(name, "name");
        }

        /** The step of an unnamed part, e.g. {@code part(FAILOVER)}. */
        public static Step part(Kind kind) { return new Step(kind, null); }

        @Override public String toString() { return name == null ? kind.token : kind.token + ":" + name; }
    }

    public Address {
        if (steps.isEmpty()) throw new IllegalArgumentException("an address has at least one step");
        steps = List.copyOf(steps);
        for (int i = 0; i < steps.size(); i++) {
            Kind k = steps.get(i).kind();
            if (k.isPart() && (i == 0 || !k.partOf.contains(steps.get(i - 1).kind()))) {
                throw new IllegalArgumentException("a " + k.token + " part belongs to " + owners(k) + ", not to '"
                        + (i == 0 ? "" : steps.get(i - 1)) + "'");
            }
        }
    }

    private static String owners(Kind part) {
        return part.partOf.stream().map(Kind::token).collect(Collectors.joining(" or "));
    }

    public static Address of(Kind kind, String name) {
        return new Address(List.of(new Step(kind, name)));
    }

    public static Address site(String name) { return of(Kind.SITE, name); }

    public static Address machine(String name) { return of(Kind.MACHINE, name); }

    public static Address azure(String name) { return of(Kind.AZURE, name); }

    public static Address policy(String name) { return of(Kind.POLICY, name); }

    public static Address protectionGroup(String name) { return of(Kind.PROTECTION_GROUP, name); }

    public static Address recoveryPlan(String name) { return of(Kind.RECOVERY_PLAN, name); }

    /** Where the estate's own recovery objectives are declared: there is one such block, so it has one fixed name. */
    public static Address objectives() { return of(Kind.OBJECTIVES, "estate"); }

    /** The address of a thing inside this one, e.g. {@code site(s).child(MASTER_TARGET, m)}. */
    public Address child(Kind kind, String name) {
        return then(new Step(kind, name));
    }

    /** The address of an unnamed part of this thing, e.g. {@code machine(m).child(FAILOVER)}. */
    public Address child(Kind part) {
        return then(Step.part(part));
    }

    private Address then(Step step) {
        List<Step> more = new ArrayList<>(steps.size() + 1);
        more.addAll(steps);
        more.add(step);
        return new Address(more);
    }

    /** The enclosing thing's address, or null at the top. */
    public Address parent() {
        return steps.size() == 1 ? null : new Address(steps.subList(0, steps.size() - 1));
    }

    public Step last() { return steps.get(steps.size() - 1); }

    /**
     * Reads the text form back; a name in the last step keeps any '/' it has. A part is read as one only
     * after a kind it belongs to, so a script named {@code checks/failover} stays one name.
     */
    public static Address parse(String text) {
        List<Step> steps = new ArrayList<>();
        String rest = text;
        while (true) {
            int colon = rest.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("not an address: '" + text + "'");
            Kind kind = Kind.of(rest.substring(0, colon));
            String after = rest.substring(colon + 1);
            int next = nextStep(kind, after);
            if (next < 0) {
                steps.add(new Step(kind, after));
                return new Address(steps);
            }
            steps.add(new Step(kind, after.substring(0, next)));
            rest = after.substring(next + 1);
            // Parts take no name, so they are read here; a named step may follow them.
            while (true) {
                int end = rest.indexOf('/');
                String token = end < 0 ? rest : rest.substring(0, end);
                Kind part = partOf(steps.get(steps.size() - 1).kind(), token);
                if (part == null) break;
                steps.add(Step.part(part));
                if (end < 0) return new Address(steps);
                rest = rest.substring(end + 1);
            }
        }
    }

    /** The '/' that starts the next step ("/kind:" or a part of {@code owner}), or -1: names such as script paths contain '/' too. */
    private static int nextStep(Kind owner, String s) {
        for (int i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) {
            int end = s.indexOf('/', i + 1);
            if (partOf(owner, s.substring(i + 1, end < 0 ? s.length() : end)) != null) return i;
            int colon = s.indexOf(':', i);
            if (colon < 0) continue;
            String token = s.substring(i + 1, colon);
            for (Kind k : Kind.values()) if (!k.isPart() && k.token.equals(token)) return i;
        }
        return -1;
    }

    /** The part of a thing of kind {@code owner} written as {@code token}, or null. */
    private static Kind partOf(Kind owner, String token) {
        for (Kind k : Kind.values()) if (k.partOf.contains(owner) && k.token.equals(token)) return k;
        return null;
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) {
            if (b.length() > 0) b.append('/');
            b.append(s);
        }
        return b.toString();
    }

    @Override public int compareTo(Address o) { return toString().compareTo(o.toString()); }
}
