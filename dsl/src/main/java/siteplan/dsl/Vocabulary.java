package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import siteplan.diag.Problem;
import siteplan.model.Address;

/**
 * The words of the DSL as data, read from the classes that implement them, for the reference in
 * docs/dsl.md: a block's words are its public methods (as for the sandbox), a word's value is the typed
 * {@link Slot} it sets, the block a word opens is its {@code @DelegatesTo}, and the words a block
 * requires are the ones its build reports missing when nothing was written. Nothing is listed by hand,
 * so the reference says what the code does.
 */
public final class Vocabulary {
    private Vocabulary() {}

    public enum Kind {
        /** Opens a block: {@code disk('c') { … }}. */
        BLOCK,
        /** Sets one value: {@code size 100.GB}. */
        VALUE,
        /** Adds values to a list, each use adding more: {@code tags 'web', 'erp'}. */
        LIST,
        /** Adds one item or does one thing, each use another: {@code manual 'Stop the batch jobs'}, {@code include 'x.groovy'}. */
        ACTION,
        /** Gives a value to write in another word: {@code secret('name')}, {@code table('inventory.csv')}. */
        FUNCTION
    }

    /**
     * One word of a block. expects says what value it takes ("a data size", "one of 'grs', 'lrs'"; null for
     * blocks and actions); field is the model field named by its {@link Doc}, or null; opens is the context
     * class of a block word.
     */
    public record Word(String name, Kind kind, List<String> forms, String expects, boolean required,
                       String field, String doc, Class<?> opens) {}

    /** A block class's (or the script's) own words, by name. */
    public static List<Word> words(Class<?> context) {
        Map<String, List<Method>> byName = new TreeMap<>();
        for (Class<?> c = context; c != null && c != BlockContext.class && c != groovy.lang.Script.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || HOOKS.contains(m.getName())) continue;
                byName.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
            }
        }
        Slots slots = slots(context);
        List<Word> words = new ArrayList<>();
        byName.forEach((name, methods) -> words.add(word(context, name, methods, slots)));
        return words;
    }

    /** The words every block has: the references {@code secret('name')} and {@code env('NAME')}. */
    public static List<Word> everywhere() {
        List<Word> words = new ArrayList<>();
        for (Method m : BlockContext.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || HOOKS.contains(m.getName())) continue;
            words.add(word(BlockContext.class, m.getName(), new ArrayList<>(List.of(m)), new Slots(Map.of(), Map.of(), Set.of())));
        }
        words.sort(Comparator.comparing(Word::name));
        return words;
    }

    /** The unit words a number takes, by the kind of value they make ("a data size": KB, MB, …), in their order. */
    public static Map<String, List<String>> units() {
        Map<String, List<String>> units = new LinkedHashMap<>();
        for (Unit u : Unit.values()) units.computeIfAbsent(u.type.expects, k -> new ArrayList<>()).add(u.word);
        return units;
    }

    /** Groovy's hooks: public because Groovy calls them, not words a definition writes. */
    private static final Set<String> HOOKS = Set.of("methodMissing", "propertyMissing");

    private static Word word(Class<?> context, String name, List<Method> methods, Slots slots) {
        methods.sort(Comparator.comparing(Method::getParameterCount).thenComparing(Method::toGenericString));
        Doc doc = methods.stream().map(m -> m.getAnnotation(Doc.class)).filter(d -> d != null).findFirst().orElse(null);
        String field = doc == null || doc.field().isEmpty() ? null : doc.field();
        String text = doc == null || doc.value().isEmpty() ? null : doc.value();
        List<String> examples = doc == null ? List.of() : List.of(doc.example());
        String slotWord = field != null ? field : name;

        Class<?> opens = null;
        for (Method m : methods) {
            for (Parameter p : m.getParameters()) {
                DelegatesTo d = p.getAnnotation(DelegatesTo.class);
                if (d != null && Closure.class.isAssignableFrom(p.getType())) opens = d.value();
            }
        }
        if (opens != null) {
            List<String> forms = examples.isEmpty() ? methods.stream().map(Vocabulary::blockForm).distinct().toList() : examples;
            return new Word(name, Kind.BLOCK, forms, null, false, field, text, opens);
        }
        Slot<?> slot = slots.single.get(slotWord);
        if (slot != null) {
            if (examples.isEmpty() && methods.size() > 1) throw undocumented(context, name, "it has several forms: give them as @Doc(example = …)");
            String example = slot.example.equals("…") ? (slot.type == ValueType.TEXT ? "'…'" : slot.type.example) : slot.example;
            List<String> forms = examples.isEmpty() ? List.of(name + " " + example) : examples;
            return new Word(name, Kind.VALUE, forms, slot.type.expects, slots.required.contains(slotWord), field, text, null);
        }
        ListSlot<?> list = slots.lists.get(slotWord);
        if (list != null) {
            List<String> forms = examples.isEmpty() ? List.of(name + " " + list.example) : examples;
            return new Word(name, Kind.LIST, forms, list.type.expects + ", one or more", slots.required.contains(slotWord), field, text, null);
        }
        if (examples.isEmpty()) throw undocumented(context, name, "it sets no typed value: say how it is written with @Doc(example = …)");
        Kind kind = methods.stream().allMatch(m -> m.getReturnType() == void.class) ? Kind.ACTION : Kind.FUNCTION;
        // A build that needs one of several words (machines or machine) says so in their description, not as one required word.
        return new Word(name, kind, examples, null, false, field, text, null);
    }

    private static IllegalStateException undocumented(Class<?> context, String word, String why) {
        return new IllegalStateException("word '" + word + "' of " + context.getSimpleName() + " cannot be documented: " + why);
    }

    /** {@code disk('name') { … }} or {@code mobility { … }}, the name as the method calls its parameter. */
    private static String blockForm(Method m) {
        List<String> named = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            if (!Closure.class.isAssignableFrom(p.getType())) named.add("'" + p.getName() + "'");
        }
        return m.getName() + (named.isEmpty() ? "" : "(" + String.join(", ", named) + ")") + " { … }";
    }

    /** The typed values of a block, by the word in their messages, and those its build requires. */
    private record Slots(Map<String, Slot<?>> single, Map<String, ListSlot<?>> lists, Set<String> required) {}

    private static final Pattern MISSING = Pattern.compile(" has no (\\w+) — add: ");

    /**
     * Makes an empty block in an evaluation of its own and lets it build: its slots say what each word
     * takes, and what the build reports missing is what the block requires.
     */
    private static Slots slots(Class<?> context) {
        if (!BlockContext.class.isAssignableFrom(context)) return new Slots(Map.of(), Map.of(), Set.of());
        Evaluation ev = new Evaluation(null, Evaluation.newScriptTable());
        return ev.activate(() -> {
            Object block = instantiate(context);
            Map<String, Slot<?>> single = new TreeMap<>();
            Map<String, ListSlot<?>> lists = new TreeMap<>();
            for (Field f : context.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                Object v = read(f, block);
                if (v instanceof Slot<?> s) single.put(s.word, s);
                if (v instanceof ListSlot<?> l) lists.put(l.word, l);
            }
            try {
                Method build = context.getDeclaredMethod("build");
                build.setAccessible(true);
                build.invoke(block);
            } catch (NoSuchMethodException e) {
                // A block that only groups others (machines, before/after) builds nothing of its own.
            } catch (InvocationTargetException e) {
                // An empty block need not make a valid model object; its missing words were reported first.
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            Set<String> required = new TreeSet<>();
            for (Problem p : ev.problems) {
                Matcher m = MISSING.matcher(p.message());
                if (m.find()) required.add(m.group(1));
            }
            return new Slots(single, lists, required);
        });
    }

    private static Object read(Field f, Object block) {
        try {
            f.setAccessible(true);
            return f.get(block);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A block of the class with placeholder names: the fewest-argument constructor, each argument a
     * placeholder of its type. A block's address must be one its kind of block can have (a retention
     * volume belongs to a master target), so each address a definition can make is tried in turn.
     */
    private static Object instantiate(Class<?> context) {
        Constructor<?> c = Arrays.stream(context.getDeclaredConstructors())
                .min(Comparator.comparing(Constructor::getParameterCount)).orElseThrow();
        c.setAccessible(true);
        RuntimeException last = null;
        for (Address address : addresses()) {
            Object[] args = new Object[c.getParameterCount()];
            Class<?>[] types = c.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                Class<?> t = types[i];
                if (t == String.class) args[i] = "example";
                else if (t == int.class || t == Integer.class) args[i] = 1;
                else if (t == Address.class) args[i] = address;
                else if (t.isEnum()) args[i] = t.getEnumConstants()[0];
                else throw new IllegalStateException("cannot make an example " + context.getSimpleName() + ": its constructor takes a " + t.getSimpleName());
            }
            try {
                return c.newInstance(args);
            } catch (InvocationTargetException e) {
                last = new IllegalStateException("cannot make an example " + context.getSimpleName(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make an example " + context.getSimpleName(), e);
            }
        }
        throw last;
    }

    /** Every address of a block a definition can write: each top-level kind, and each kind of part below each of them. */
    private static List<Address> addresses() {
        List<Address> tops = new ArrayList<>();
        for (Address.Kind k : Address.Kind.values()) {
            try {
                tops.add(Address.of(k, "example"));
            } catch (IllegalArgumentException e) {
                // not a kind that stands alone
            }
        }
        List<Address> all = new ArrayList<>(tops);
        for (Address top : tops) {
            for (Address.Kind k : Address.Kind.values()) {
                try {
                    all.add(k.isPart() ? top.child(k) : top.child(k, "example"));
                } catch (IllegalArgumentException e) {
                    // not a part of this kind of block
                }
            }
        }
        return all;
    }
}
