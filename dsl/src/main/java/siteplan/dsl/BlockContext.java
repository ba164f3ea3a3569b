package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.MissingPropertyException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import siteplan.diag.Location;
import siteplan.model.Address;
import siteplan.model.SecretRef;

/**
 * One block of the DSL. Each public method declared by a subclass is a word of that block and sets one
 * of the subclass's typed {@link Slot}s; this base class converts and checks the values, holds numbers
 * waiting for a unit, and reports what is missing. Helpers stay non-public: a public method is a word.
 * Values are checked as they are set, so every mistake in a file is reported, not just the first.
 */
public abstract class BlockContext {
    private static final Map<Class<?>, Set<String>> WORDS = new ConcurrentHashMap<>();

    /** How the block is named in messages: "machine 'erp-db01'". */
    protected final String label;
    /** The block's address, its source-map key: machine:erp-db01, or machine:erp-db01/mobility for an unnamed part. */
    protected final Address key;
    /** Where the block starts. */
    protected final Location location;
    /** Numbers waiting for their unit, by slot, in the order they were written; made when first needed. */
    private Map<Slot<?>, PendingUnit> pending;
    /** Where each slot was last written, so a value that cannot be is reported at its own line. */
    private Map<Slot<?>, Location> written;

    /** A block with its own address, or none (null) for blocks that only group others. */
    protected BlockContext(String label, Address key) {
        this.label = label;
        this.key = key;
        Evaluation ev = Evaluation.current();
        this.location = ev.here();
        if (key != null) ev.sources.add(key, location);
    }

    // --- words common to every block: references, usable anywhere ---

    @Doc(value = "A reference to an entry of the secret store; its value never enters the model, plans or history.",
            example = "secret('vcenter-admin')")
    public SecretRef secret(String name) { return SecretRef.secret(name); }

    @Doc(value = "A reference to an environment variable, read when a command needs it; its value never enters the model.",
            example = "env('VCENTER_PASSWORD')")
    public SecretRef env(String name) { return SecretRef.env(name); }

    // --- setting values ---

    /**
     * Sets a slot from what the definition wrote. A bare number for a word that takes a unit is held as
     * pending: Groovy reads {@code churn (x).GB} as {@code churn(x).GB}, so the unit may arrive on the
     * returned holder. A unit that never arrives is reported when the block ends.
     */
    Object set(Slot<?> slot, Object raw) {
        slot.attempt();
        if (pending != null) pending.remove(slot);
        if (raw instanceof Unresolved) return null; // already reported where the name was read
        if (raw instanceof Number n && slot.type.takesUnit()) {
            PendingUnit p = new PendingUnit(this, slot, n, Evaluation.current().here());
            if (pending == null) pending = new LinkedHashMap<>();
            pending.put(slot, p);
            wrote(slot);
            return p;
        }
        try {
            slot.accept(slot.type.convert(raw));
            wrote(slot);
        } catch (IllegalArgumentException e) {
            Evaluation.current().error(slot.word + " in " + label + " " + e.getMessage());
        }
        return null;
    }

    /** The slot's value now comes from this line; a write that was refused leaves the line of the value it kept. */
    private void wrote(Slot<?> slot) {
        if (written == null) written = new java.util.HashMap<>();
        written.put(slot, Evaluation.current().here());
    }

    /** Records where a word of this block was written, under the part it sets, for messages about that word alone. */
    void mark(Address.Kind part) {
        if (key != null) Evaluation.current().sources.add(key.child(part), Evaluation.current().here());
    }

    /** Called when the block's closure has run: numbers still waiting for a unit are reported. */
    void finish() {
        if (pending == null) return;
        for (PendingUnit p : pending.values()) {
            try {
                p.slot.type.convert(p.number);
            } catch (IllegalArgumentException e) {
                Evaluation.current().error(p.where, p.slot.word + " in " + label + " " + e.getMessage());
            }
        }
        pending.clear();
    }

    /** Adds what a listing word was given; values are flattened, so lists and several arguments read the same. */
    void add(ListSlot<?> slot, Object[] raws) {
        slot.open();
        for (Object raw : flatten(raws)) {
            if (raw instanceof Unresolved) continue;
            try {
                slot.accept(slot.type.convert(raw));
            } catch (IllegalArgumentException e) {
                Evaluation.current().error(slot.word + " in " + label + " " + e.getMessage());
            }
        }
    }

    private static List<Object> flatten(Object[] raws) {
        List<Object> out = new ArrayList<>();
        for (Object r : raws) {
            if (r instanceof Iterable<?> it) it.forEach(out::add);
            else if (r instanceof Object[] arr) out.addAll(List.of(arr));
            else out.add(r);
        }
        return out;
    }

    /** Reports each required value never written, at the start of the block, with what to write. */
    void require(Slot<?>... slots) {
        for (Slot<?> slot : slots) {
            if (slot.isMissing()) {
                Evaluation.current().error(location, label + " has no " + slot.word + " — add: " + slot.word + " " + slot.example);
            }
        }
    }

    /** Where the slot was written, or the block's start when it was not. */
    Location at(Slot<?> slot) {
        Location l = written == null ? null : written.get(slot);
        return l != null ? l : location;
    }

    /**
     * A recovery objective as written (rto, rpo): more than no time and at most ten years, the longest any failover, data
     * loss or drill cadence is planned for. One that is not is reported at its line and left out of the model (null), so
     * the validator, which checks the same for YAML and JSON, does not say it again at the block's.
     */
    java.time.Duration objective(Slot<java.time.Duration> slot, String example) {
        java.time.Duration d = slot.get();
        if (d == null) return null;
        if (d.isZero() || d.isNegative()) {
            Evaluation.current().error(at(slot), slot.word + " of " + label + " must be longer than no time, e.g. " + slot.word + " " + example);
            return null;
        }
        if (d.toDays() > siteplan.validate.EstateValidator.MAX_CADENCE_DAYS) {
            Evaluation.current().error(at(slot), slot.word + " of " + label + " is longer than " + siteplan.validate.EstateValidator.MAX_CADENCE_DAYS
                    + " days, which no failover or data loss is planned for — write e.g. " + slot.word + " " + example);
            return null;
        }
        return d;
    }

    /**
     * The {@code mandatory:} option of a drill cadence ({@code every 90.days, mandatory: true}), as a plan's drill block
     * and the estate's objectives both write it: null when not given, so a second {@code every} keeps the first's.
     */
    Boolean mandatoryOption(java.util.Map<String, ?> options) {
        return NamedOption.read(options, "mandatory", ValueType.BOOL, "every in " + label);
    }

    void problem(String message) {
        Evaluation.current().error(location, message);
    }

    // --- Groovy hooks ---

    /** `churn = 20.GB` works like `churn 20.GB`; an unknown name is reported instead of becoming a script variable. */
    public void propertyMissing(String name, Object value) {
        if (words(getClass()).contains(name)) {
            org.codehaus.groovy.runtime.InvokerHelper.invokeMethod(this, name, new Object[] {value});
        } else {
            reportUnknownWord(Evaluation.current(), name);
        }
    }

    /** Reading an unknown name falls through to the script, which knows its variables and functions. */
    public Object propertyMissing(String name) {
        throw new MissingPropertyException(name, getClass());
    }

    void reportUnknownWord(Evaluation ev, String name) {
        ev.errorIn(label, "unknown property '" + name + "' in ", siteplan.dsl.Suggestions.didYouMean(name, words(getClass())));
    }

    /** The words of a block: public methods its class declares, below this base. */
    static Set<String> words(Class<?> type) {
        return WORDS.computeIfAbsent(type, t -> {
            Set<String> names = new TreeSet<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.getName().equals("propertyMissing")) {
                        names.add(m.getName());
                    }
                }
            }
            return names;
        });
    }

    /** How a word is written, from its method signatures: "disk(name) { … }", "size value". */
    static String usage(Class<?> type, String word) {
        List<String> forms = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!m.getName().equals(word) || !Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) continue;
                forms.add(render(m));
            }
        }
        return forms.stream().distinct().sorted().collect(Collectors.joining(" or "));
    }

    private static String render(Method m) {
        List<String> named = new ArrayList<>();
        String block = "";
        String mapPart = null;
        for (Parameter p : m.getParameters()) {
            if (Closure.class.isAssignableFrom(p.getType())) block = " { … }";
            else if (Map.class.isAssignableFrom(p.getType())) mapPart = p.getName() + ": …";
            else if (p.isVarArgs()) named.add(p.getName() + "…");
            // "rto value", not "rto rto": a setter's parameter is often named for the word it sets.
            else named.add(p.getName().equals(m.getName()) ? "value" : p.getName());
        }
        if (mapPart != null) named.add(mapPart);
        if (!block.isEmpty()) return m.getName() + (named.isEmpty() ? "" : "(" + String.join(", ", named) + ")") + block;
        return m.getName() + (named.isEmpty() ? "()" : " " + String.join(", ", named));
    }

    /** Marker returned for a name that could not be resolved; the error was already reported. */
    static final class Unresolved {
        static final Unresolved INSTANCE = new Unresolved();
        @Override public String toString() { return "<unresolved>"; }
    }
}
