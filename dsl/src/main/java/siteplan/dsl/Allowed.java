package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.Range;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.codehaus.groovy.runtime.MethodClosure;
import siteplan.model.SecretRef;

/**
 * What a definition may hold and do: the allow-list the sandbox decides by. A value belongs to a
 * family; each family lists the methods a definition may call on it. Anything not listed is refused,
 * whatever Groovy or the JDK would make of it (deny by default). Methods that only read or build plain
 * values are listed; nothing that reaches files, processes, threads, classes or the metaclass is.
 */
final class Allowed {
    private Allowed() {}

    enum Family { TEXT, NUMBER, BOOLEAN, LIST, SET, MAP, ENTRY, RANGE, CLOSURE, DURATION, UNIT, CONTEXT, SCRIPT, REFERENCE, PENDING, MATCHER }

    /** The family of a value, or null when a definition may not hold it. */
    static Family family(Object v) {
        if (v instanceof String || v instanceof GString || v instanceof StringBuilder || v instanceof Character) return Family.TEXT;
        if (v instanceof Integer || v instanceof Long || v instanceof BigDecimal || v instanceof Double || v instanceof BigInteger
                || v instanceof Float || v instanceof Short || v instanceof Byte) return Family.NUMBER;
        if (v instanceof Boolean) return Family.BOOLEAN;
        if (v instanceof BlockContext) return Family.CONTEXT;
        if (v instanceof EstateScript) return Family.SCRIPT;
        if (v instanceof Closure<?>) return v instanceof MethodClosure ? null : Family.CLOSURE;
        if (v instanceof Range<?>) return plain(v) ? Family.RANGE : null;
        if (v instanceof List<?>) return plain(v) ? Family.LIST : null;
        if (v instanceof Set<?>) return plain(v) ? Family.SET : null;
        if (v instanceof Map<?, ?>) return plain(v) ? Family.MAP : null;
        if (v instanceof Map.Entry<?, ?>) return plain(v) ? Family.ENTRY : null;
        if (v instanceof java.time.Duration) return Family.DURATION;
        if (v instanceof siteplan.units.DataSize || v instanceof siteplan.units.DataRate) return Family.UNIT;
        if (v instanceof SecretRef) return Family.REFERENCE;
        if (v instanceof PendingUnit) return Family.PENDING;
        if (v instanceof Matcher) return Family.MATCHER;
        return null;
    }

    /** Collections of the JDK and Groovy only (a definition cannot declare classes of its own). */
    private static boolean plain(Object v) {
        String n = v.getClass().getName();
        return n.startsWith("java.util.") || n.startsWith("groovy.lang.") || n.startsWith("org.codehaus.groovy.runtime.");
    }

    static String describe(Object v) {
        Family f = family(v);
        if (f == null) return "a " + v.getClass().getName() + " value";
        return switch (f) {
            case TEXT -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case LIST -> "a list";
            case SET -> "a set";
            case MAP -> "a map";
            case ENTRY -> "a map entry";
            case RANGE -> "a range";
            case CLOSURE -> "a closure";
            case DURATION -> "a duration";
            case UNIT -> "an amount";
            case CONTEXT -> ((BlockContext) v).label;
            case SCRIPT -> "the definition";
            case REFERENCE -> "a reference";
            case PENDING -> "a number waiting for its unit";
            case MATCHER -> "a regular-expression match";
        };
    }

    private static Set<String> names(String... groups) {
        Set<String> s = new TreeSet<>();
        for (String g : groups) s.addAll(List.of(g.trim().split("\\s+")));
        return Set.copyOf(s);
    }

    private static final String ANY = "toString equals hashCode compareTo asBoolean isCase is";
    private static final String ITERATE = "each eachWithIndex collect collectMany collectEntries find findAll findResult findResults findIndexOf "
            + "findIndexValues findLastIndexOf any every count countBy groupBy inject sum max min sort toSorted unique toUnique join "
            + "take drop takeWhile dropWhile first last head tail init reverse reverseEach withIndex indexed toList toSet size isEmpty "
            + "contains containsAll grep split collate flatten intersect disjoint plus minus multiply average asImmutable asUnmodifiable "
            + "getAt get indexOf lastIndexOf subList equals";

    static final Set<String> TEXT = names(ANY, "size length isEmpty charAt substring subSequence toUpperCase toLowerCase trim strip stripLeading "
            + "stripTrailing startsWith endsWith contains indexOf lastIndexOf replace tokenize padLeft padRight center capitalize uncapitalize "
            + "toInteger toLong toBigDecimal toBigInteger toDouble toFloat toBoolean isNumber isInteger isLong isBigDecimal isBigInteger "
            + "isDouble isFloat isBlank isAllWhitespace plus minus multiply next previous reverse getAt take drop takeWhile dropWhile "
            + "each eachWithIndex collect findAll any every count concat equalsIgnoreCase compareToIgnoreCase stripIndent stripMargin "
            + "normalize denormalize readLines toList toSet leftShift append insert deleteCharAt codePointAt matches replaceAll "
            + "replaceFirst split isUpperCase isLowerCase isLetter isDigit isWhitespace isLetterOrDigit intern");
    static final Set<String> REGEX_METHODS = Set.of("matches", "replaceAll", "replaceFirst", "split");
    static final Set<String> NUMBER = names(ANY, "plus minus multiply div intdiv mod power remainder negative positive abs round floor ceil "
            + "toInteger toLong toDouble toFloat toBigDecimal toBigInteger intValue longValue doubleValue floatValue shortValue byteValue "
            + "times upto downto step max min next previous and or xor leftShift rightShift rightShiftUnsigned bitwiseNegate isNaN "
            + "isInfinite setScale scale precision stripTrailingZeros toPlainString signum");
    static final Set<String> BOOLEAN = names(ANY, "and or xor implies booleanValue");
    static final Set<String> LIST = names(ANY, ITERATE, "add addAll remove removeAll retainAll clear set putAt leftShift push pop isCase");
    static final Set<String> MAP = names(ANY, "size isEmpty get getAt getOrDefault containsKey containsValue keySet values entrySet put putAll "
            + "putAt remove each eachWithIndex collect collectEntries collectMany find findAll findResult any every count countBy groupBy "
            + "inject sort subMap plus minus asImmutable asUnmodifiable leftShift clear max min withDefault");
    static final Set<String> ENTRY = names(ANY, "getKey getValue");
    static final Set<String> RANGE = names(ANY, ITERATE, "getFrom getTo isReverse step containsWithinBounds");
    static final Set<String> CLOSURE = names("call curry rcurry ncurry memoize getMaximumNumberOfParameters");
    static final Set<String> DURATION = names(ANY, "plus minus multipliedBy dividedBy negated abs toMinutes toHours toDays toSeconds toMillis "
            + "getSeconds isZero isNegative plusMinutes plusHours plusDays plusSeconds minusMinutes minusHours minusDays minusSeconds");
    static final Set<String> MATCHER = names("find matches group groupCount getCount size getAt hasGroup asBoolean toString");
    /** Collection-building methods, refused on ranges too large to build. */
    static final Set<String> BUILDS_COLLECTION = names("collect collectMany collectEntries findAll toList toSet grep toSorted sort unique "
            + "reverse withIndex indexed plus minus multiply flatten split collate countBy groupBy sum");
    /** Names a definition may neither call nor set without a receiver, though the script class has them. */
    static final Set<String> SCRIPT_DENIED = names("run main evaluate getBinding setBinding binding printf sprintf sleep use with tap "
            + "identity addShutdownHook getProperty setProperty invokeMethod methodMissing propertyMissing print println out");

    static boolean allows(Family f, String name) {
        Set<String> s = switch (f) {
            case TEXT -> TEXT;
            case NUMBER -> NUMBER;
            case BOOLEAN -> BOOLEAN;
            case LIST, SET -> LIST;
            case MAP -> MAP;
            case ENTRY -> ENTRY;
            case RANGE -> RANGE;
            case CLOSURE -> CLOSURE;
            case DURATION -> DURATION;
            case MATCHER -> MATCHER;
            case UNIT, REFERENCE, PENDING -> Set.of("toString", "equals", "hashCode", "compareTo", "plus", "minus", "multiply", "div");
            case CONTEXT, SCRIPT -> Set.of();
        };
        return s.contains(name);
    }

    private static final Map<Class<?>, Set<String>> PROPERTIES = new ConcurrentHashMap<>();

    /**
     * Properties of numbers (the unit words 900.GB, 15.minutes), numbers waiting for their unit, and
     * siteplan's own amounts: their getters, and nothing inherited from Object.
     */
    static Set<String> properties(Family f, Class<?> type) {
        return switch (f) {
            case NUMBER -> PROPERTIES.computeIfAbsent(UnitExtensions.class, c -> getters(c, true));
            case PENDING, UNIT -> PROPERTIES.computeIfAbsent(type, c -> getters(c, false));
            default -> Set.of();
        };
    }

    private static Set<String> getters(Class<?> c, boolean statics) {
        Set<String> names = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) != statics || m.isSynthetic()) continue;
            if (m.getParameterCount() != (statics ? 1 : 0) || !m.getName().startsWith("get") || m.getName().length() < 4) continue;
            String p = m.getName().substring(3);
            names.add(p.length() > 1 && Character.isUpperCase(p.charAt(1)) ? p : Character.toLowerCase(p.charAt(0)) + p.substring(1));
            names.add(p); // KB, Mbps keep their capitals
        }
        names.removeIf(Sandbox::isDenied);
        return Set.copyOf(names);
    }
}
