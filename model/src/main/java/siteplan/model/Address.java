package siteplan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a declared thing lives in the estate: a path of (kind, name) steps, such as
 * {@code site:amsterdam/masterTarget:mt01} or {@code recoveryPlan:erp/group:2/script:scripts/check.sh}.
 *
 * <p>The one way addresses are built. The definition readers record each thing's file and line under its
 * address (SourceMap), and the rules, the differ and the executor look them up with the same value: an
 * address assembled by hand with a typo would silently lose the file and line of a finding, a typed one
 * cannot. The text form is what the source map and the model cache store, so it never changes.
 */
public record Address(List<Step> steps) implements Comparable<Address> {

    /** The kinds of things an address names, with the token its text form uses. */
    public enum Kind {
        AZURE("azure"), SITE("site"), MACHINE("machine"), POLICY("policy"), PROTECTION_GROUP("protectionGroup"),
        RECOVERY_PLAN("recoveryPlan"), NETWORK_MAPPING("networkMapping"), STORAGE_MAPPING("storageMapping"),
        VCENTER("vcenter"), CONFIGURATION_SERVER("configurationServer"), PROCESS_SERVER("processServer"),
        MASTER_TARGET("masterTarget"), HOST("host"), DATASTORE("datastore"), CLOUD("cloud"),
        LOGICAL_NETWORK("logicalNetwork"), VM_NETWORK("vmNetwork"), NETWORK("network"), SUBNET("subnet"),
        STORAGE_ACCOUNT("storageAccount"), DISK("disk"), NIC("nic"), GROUP("group"), SCRIPT("script"),
        VMM_SERVER("vmmServer"), HYPERV_HOST("hyperVHost"), STORAGE_CLASSIFICATION("storageClassification");

        private final String token;

        Kind(String token) { this.token = token; }

        public String token() { return token; }

        static Kind of(String token) {
            for (Kind k : values()) if (k.token.equals(token)) return k;
            throw new IllegalArgumentException("no address kind '" + token + "'");
        }
    }

    /** One step: a kind and the thing's name (names may contain '/', e.g. a script path, only in the last step). */
    public record Step(Kind kind, String name) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }

        @Override public String toString() { return kind.token + ":" + name; }
    }

    public Address {
        if (steps.isEmpty()) throw new IllegalArgumentException("an address has at least one step");
        steps = List.copyOf(steps);
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

    /** The address of a thing inside this one, e.g. {@code site(s).child(MASTER_TARGET, m)}. */
    public Address child(Kind kind, String name) {
        List<Step> more = new ArrayList<>(steps.size() + 1);
        more.addAll(steps);
        more.add(new Step(kind, name));
        return new Address(more);
    }

    /** The enclosing thing's address, or null at the top. */
    public Address parent() {
        return steps.size() == 1 ? null : new Address(steps.subList(0, steps.size() - 1));
    }

    public Step last() { return steps.get(steps.size() - 1); }

    /** Reads the text form back; a name in the last step keeps any '/' it has. */
    public static Address parse(String text) {
        List<Step> steps = new ArrayList<>();
        String rest = text;
        while (true) {
            int colon = rest.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("not an address: '" + text + "'");
            Kind kind = Kind.of(rest.substring(0, colon));
            String after = rest.substring(colon + 1);
            int next = nextStep(after);
            if (next < 0) {
                steps.add(new Step(kind, after));
                return new Address(steps);
            }
            steps.add(new Step(kind, after.substring(0, next)));
            rest = after.substring(next + 1);
        }
    }

    /** The '/' that starts the next step ("/kind:"), or -1: names such as script paths contain '/' too. */
    private static int nextStep(String s) {
        for (int i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) {
            int colon = s.indexOf(':', i);
            if (colon < 0) return -1;
            String token = s.substring(i + 1, colon);
            for (Kind k : Kind.values()) if (k.token.equals(token)) return i;
        }
        return -1;
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
