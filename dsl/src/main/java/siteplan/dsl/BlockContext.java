package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.MissingPropertyException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import siteplan.diag.Location;
import siteplan.model.SecretRef;
import siteplan.model.Token;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

/**
 * One block of the DSL. Each public method declared by a subclass is a word of that block; this base
 * class holds the values set so far, converts and checks them, and reports what is missing.
 * Values are checked as they are set, so every mistake in a file is reported, not just the first.
 */
public abstract class BlockContext {
    private static final Map<Class<?>, Set<String>> WORDS = new ConcurrentHashMap<>();

    /** How the block is named in messages: "machine 'erp-db01'". */
    protected final String label;
    /** Source-map key: "machine:erp-db01". */
    protected final String key;
    /** Where the block starts. */
    protected final Location location;
    private final Map<String, Object> props = new LinkedHashMap<>();
    /** Names given a value, valid or not: a wrong value is reported once, not again as missing. */
    private final Set<String> attempted = new java.util.HashSet<>();
    private final Map<String, PendingUnit> pending = new LinkedHashMap<>();

    protected BlockContext(String label, String key) {
        this.label = label;
        this.key = key;
        Evaluation ev = Evaluation.current();
        this.location = ev.here();
        if (key != null) ev.sources.add(key, location);
    }

    // --- words common to every block: references, usable anywhere ---

    /** A reference to an entry of the secret store; its value never enters the model. */
    public SecretRef secret(String name) { return SecretRef.secret(name); }

    /** A reference to an environment variable read at run time; its value never enters the model. */
    public SecretRef env(String name) { return SecretRef.env(name); }

    // --- setting values ---

    /**
     * Sets a value. A bare number for a property that takes a unit is held as pending: Groovy reads
     * {@code churn (x).GB} as {@code churn(x).GB}, so the unit may arrive on the returned holder.
     * A unit that never arrives is reported when the block ends.
     */
    protected Object set(String name, Object raw, ValueType type) {
        attempted.add(name);
        pending.remove(name);
        if (raw instanceof Unresolved) return null; // already reported where the name was read
        if (raw instanceof Number n && type.takesUnit()) {
            PendingUnit p = new PendingUnit(this, name, n, type, Evaluation.current().here());
            pending.put(name, p);
            return p;
        }
        try {
            props.put(name, type.convert(raw));
        } catch (IllegalArgumentException e) {
            Evaluation.current().error(name + " in " + label + " " + e.getMessage());
        }
        return null;
    }

    /** Records where a word of this block was written, as "KEY/word", for messages about that word alone. */
    protected void mark(String word) {
        if (key != null) Evaluation.current().sources.add(key + "/" + word, Evaluation.current().here());
    }

    /** Called when the block's closure has run: numbers still waiting for a unit are reported. */
    void finish() {
        for (PendingUnit p : pending.values()) {
            try {
                p.type.convert(p.number);
            } catch (IllegalArgumentException e) {
                Evaluation.current().error(p.where, p.name + " in " + label + " " + e.getMessage());
            }
        }
        pending.clear();
    }

    protected void add(String name, Object[] raws, ValueType type) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) props.computeIfAbsent(name, k -> new ArrayList<>());
        for (Object raw : flatten(raws)) {
            if (raw instanceof Unresolved) continue;
            try {
                list.add(type.convert(raw));
            } catch (IllegalArgumentException e) {
                Evaluation.current().error(name + " in " + label + " " + e.getMessage());
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

    protected boolean hasValue(String name) { return props.containsKey(name); }

    protected String textValue(String name) { return (String) props.get(name); }
    protected Integer integerValue(String name) { return (Integer) props.get(name); }
    protected DataSize sizeValue(String name) { return (DataSize) props.get(name); }
    protected DataRate rateValue(String name) { return (DataRate) props.get(name); }
    protected Duration durationValue(String name) { return (Duration) props.get(name); }
    protected SecretRef secretRefValue(String name) { return (SecretRef) props.get(name); }
    protected boolean flagValue(String name) { return Boolean.TRUE.equals(props.get(name)); }
    protected Boolean boolValue(String name) { return (Boolean) props.get(name); }

    @SuppressWarnings("unchecked")
    protected <E extends Enum<E> & Token> E tokenValue(String name, Class<E> type) { return (E) props.get(name); }

    @SuppressWarnings("unchecked")
    protected List<String> textsValue(String name) { return (List<String>) (List<?>) props.getOrDefault(name, List.of()); }

    /** Reports a missing required value at the start of the block, with what to write. */
    protected void require(String... names) {
        for (String name : names) {
            if (!props.containsKey(name) && !attempted.contains(name)) {
                Evaluation.current().error(location, label + " has no " + name + " — add: " + name + " " + exampleFor(name));
            }
        }
    }

    /** Overridden where a property's example is not obvious from its type. */
    protected String exampleFor(String name) {
        return "…";
    }

    protected void problem(String message) {
        Evaluation.current().error(location, message);
    }

    // --- Groovy hooks ---

    /** `churn = 20.GB` works like `churn 20.GB`; an unknown name is reported instead of becoming a script variable. */
    public void propertyMissing(String name, Object value) {
        if (words(getClass()).contains(name)) {
            org.codehaus.groovy.runtime.InvokerHelper.invokeMethod(this, name, new Object[] {value});
        } else {
            Evaluation.current().error(unknownWordMessage(name));
        }
    }

    /** Reading an unknown name falls through to the script, which knows its variables and functions. */
    public Object propertyMissing(String name) {
        throw new MissingPropertyException(name, getClass());
    }

    String unknownWordMessage(String name) {
        return "unknown property '" + name + "' in " + label + siteplan.dsl.Suggestions.didYouMean(name, words(getClass()));
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
            else named.add(p.getName());
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
