package siteplan.dsl;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.MethodClosure;
import org.codehaus.groovy.syntax.Types;

/**
 * The run-time half of the sandbox: the compiler ({@link Interceptor}) turns every call, property,
 * subscript, operator and text of a definition into a call here. Each is decided when the receiver's
 * class is known, against {@link Allowed}: deny by default. What comes back is checked too, so a value
 * the allow-list does not know can never be held by a definition, and text and collections are bounded
 * (a definition that builds a billion-character string is stopped before it allocates it).
 */
public final class SandboxRuntime {
    private SandboxRuntime() {}

    /** The `?=` operator, which Types has no binary form of. */
    static final int ELVIS = -2;

    /** Longest text a definition may build (characters). */
    static final long MAX_TEXT = Long.getLong("siteplan.dsl.maxText", 8_000_000L);
    /** Most elements a definition may put in one list, set, map or range it works on. */
    static final long MAX_ELEMENTS = Long.getLong("siteplan.dsl.maxElements", 2_000_000L);
    /** How long one regular expression may run (catastrophic backtracking is stopped, not waited out). */
    static final long REGEX_NANOS = Long.getLong("siteplan.dsl.regexMillis", 2_000L) * 1_000_000L;
    private static final int MAX_EXPONENT = 10_000;

    /**
     * Inserted by the compiler before every statement of a definition: records where the definition is,
     * so DSL words learn their file and line without walking the stack.
     */
    public static void line(String scriptClass, int line) {
        Evaluation.current().mark(scriptClass, line);
    }

    // --- calls ---

    /** {@code receiver.name(args)}, {@code receiver?.name(args)}, {@code receiver*.name(args)}. */
    public static Object call(Object receiver, String name, List<?> args, boolean safe, boolean spread) {
        if (receiver == null) {
            if (safe || spread) return null;
            throw new NullPointerException("'" + name + "' was called on a missing (null) value");
        }
        if (spread) {
            List<Object> out = new ArrayList<>();
            for (Object e : iterable(receiver, name)) out.add(e == null ? null : call(e, name, args, false, false));
            return out;
        }
        return callOn(receiver, name, args.toArray());
    }

    private static Object callOn(Object receiver, String name, Object[] args) {
        Allowed.Family f = Allowed.family(receiver);
        if (f == Allowed.Family.SCRIPT) return callScript((EstateScript) receiver, name, args);
        if (f == Allowed.Family.CONTEXT) {
            if (!BlockContext.words(receiver.getClass()).contains(name)) {
                throw refuse("'" + name + "' is not a word of " + ((BlockContext) receiver).label);
            }
            for (Object a : args) argument(a, name);
            BlockContext block = (BlockContext) receiver;
            // A block kept in a variable (it) and written to from another block, or after it ended.
            if (block != Evaluation.current().innermost()) return notWrittenHere(name, block);
            return checked(word(block, name, args), name);
        }
        if (f == null) throw refuse("'" + name + "' cannot be used on " + Allowed.describe(receiver) + " in a site definition");
        if (f == Allowed.Family.MAP && !Allowed.allows(f, name) && ((Map<?, ?>) receiver).get(name) instanceof Closure<?> c) {
            return callClosure(c, args); // a function kept in a map: row.check()
        }
        if (!Allowed.allows(f, name)) {
            throw refuse("'" + name + "' is not available on " + Allowed.describe(receiver) + " in a site definition: " + Sandbox.WHY);
        }
        for (Object a : args) argument(a, name);
        if (f == Allowed.Family.TEXT && (Allowed.REGEX_METHODS.contains(name) || takesRegex(name, args))) {
            return checked(regexCall(receiver.toString(), name, args), name);
        }
        if ((f == Allowed.Family.LIST || f == Allowed.Family.SET || f == Allowed.Family.RANGE) && name.equals("grep")
                && args.length == 1 && args[0] instanceof Pattern p) {
            return checked(grep((Iterable<?>) receiver, p), name);
        }
        if (f == Allowed.Family.CLOSURE && name.equals("call")) return callClosure((Closure<?>) receiver, args);
        before(f, receiver, name, args);
        return checked(InvokerHelper.invokeMethod(receiver, name, args), name);
    }

    private static Object callClosure(Closure<?> c, Object[] args) {
        if (c instanceof MethodClosure) throw refuse("method references are not available in a site definition");
        return checked(c.call(args), "call");
    }

    /** A name written without a receiver, in the file's own statements or functions. */
    public static Object callScript(Object self, String name, List<?> args) {
        return callScript((EstateScript) self, name, args.toArray());
    }

    static Object callScript(EstateScript script, String name, Object[] args) {
        for (Object a : args) argument(a, name);
        Binding binding = script.getBinding();
        if (binding.hasVariable(name) && binding.getVariable(name) instanceof Closure<?> c) return callClosure(c, args);
        if (userFunctions(script.getClass()).contains(name) || TopWord.ALL.contains(name)) {
            return checked(InvokerHelper.invokeMethod(script, name, args), name);
        }
        if (name.equals("println") || name.equals("print")) {
            Evaluation.current().print(name.equals("println"), args);
            return null;
        }
        if (Sandbox.isDenied(name) || Allowed.SCRIPT_DENIED.contains(name)) {
            throw refuse("'" + name + "' is not available in a site definition: " + Sandbox.WHY);
        }
        return checked(script.methodMissing(name, args), name);
    }

    /**
     * A name written without a receiver inside a closure. Groovy would look on the closure itself
     * (where Object's methods such as getClass or sleep live), then its delegate and owner; here only
     * the delegate's DSL words and the script's own names are found, in the closure's resolve order.
     */
    public static Object callImplicit(Object self, String name, List<?> args) {
        Object[] a = args.toArray();
        for (Object v : a) argument(v, name);
        Object r = resolveCall((Closure<?>) self, name, a);
        if (r != UNRESOLVED) return r;
        throw new MissingMethodException(name, self.getClass(), a);
    }

    private static final Object UNRESOLVED = new Object();

    private static Object resolveCall(Closure<?> closure, String name, Object[] args) {
        for (Object candidate : order(closure)) {
            if (candidate == null) continue;
            if (candidate instanceof Closure<?> outer && !(candidate instanceof MethodClosure)) {
                Object r = resolveCall(outer, name, args);
                if (r != UNRESOLVED) return r;
            } else if (candidate instanceof BlockContext ctx) {
                if (!BlockContext.words(ctx.getClass()).contains(name)) continue;
                BlockContext inner = Evaluation.current().innermost();
                if (inner != ctx) {
                    // The block where it is written has the word too, and refused these arguments: the script says how it is written.
                    if (inner != null && BlockContext.words(inner.getClass()).contains(name)) continue;
                    // Groovy would find the word on the enclosing block and set it there: rpo written inside a group would
                    // change the plan's RPO, rto inside a group's checks the group's. A word belongs where it is written.
                    return notWrittenHere(name, ctx);
                }
                try {
                    return checked(word(ctx, name, args), name);
                } catch (MissingMethodException e) {
                    // Wrong arguments for the word: the script reports how the word is written.
                    if (!name.equals(e.getMethod()) || e.getType() != ctx.getClass()) throw e;
                }
            } else if (candidate instanceof EstateScript script) {
                return callScript(script, name, args);
            } else {
                throw refuse("'" + name + "' cannot be resolved on " + Allowed.describe(candidate) + " in a site definition");
            }
        }
        return UNRESOLVED;
    }

    /**
     * A word of a block that is not the one being written: it would set an enclosing block, or one already built into the
     * model and never read again. Reported at the line; the word sets nothing.
     */
    private static Object notWrittenHere(String name, BlockContext block) {
        Evaluation ev = Evaluation.current();
        ev.error(ev.stack.contains(block)
                ? "'" + name + "' is a word of " + block.label + ", not of " + ev.innermost().label + ", where it is written — move it out to " + block.label
                : "'" + name + "' is written to " + block.label + " after its block has ended — write it inside that block");
        return null;
    }

    /**
     * A word of a block, called with what the definition wrote. Only the block's own methods answer: Groovy would
     * otherwise choose a method it gives every object when that fits the arguments better, and {@code every { … }}
     * would run DefaultGroovyMethods.every on the block instead of being refused as no cadence.
     */
    static Object word(BlockContext ctx, String name, Object[] args) {
        groovy.lang.MetaMethod chosen = InvokerHelper.getMetaClass(ctx).pickMethod(name, org.codehaus.groovy.runtime.MetaClassHelper.convertToTypeArray(args));
        if (chosen != null && !BlockContext.class.isAssignableFrom(chosen.getDeclaringClass().getTheClass())) {
            throw new MissingMethodException(name, ctx.getClass(), args);
        }
        return InvokerHelper.invokeMethod(ctx, name, args);
    }

    private static Object[] order(Closure<?> c) {
        return switch (c.getResolveStrategy()) {
            case Closure.DELEGATE_FIRST -> new Object[] {c.getDelegate(), c.getOwner()};
            case Closure.DELEGATE_ONLY -> new Object[] {c.getDelegate()};
            case Closure.OWNER_ONLY -> new Object[] {c.getOwner()};
            case Closure.TO_SELF -> new Object[0];
            default -> c.getDelegate() == c.getOwner() ? new Object[] {c.getOwner()} : new Object[] {c.getOwner(), c.getDelegate()};
        };
    }

    // --- properties ---

    public static Object getScript(Object self, String name) {
        EstateScript script = (EstateScript) self;
        Binding binding = script.getBinding();
        if (binding.hasVariable(name)) return checked(binding.getVariable(name), name);
        return checked(script.propertyMissing(name), name);
    }

    public static Object setScript(Object self, String name, Object value) {
        if (Sandbox.isDenied(name) || Allowed.SCRIPT_DENIED.contains(name)) {
            throw refuse("'" + name + "' cannot be set in a site definition: " + Sandbox.WHY);
        }
        argument(value, name);
        ((EstateScript) self).getBinding().setVariable(name, value);
        return value;
    }

    public static Object getImplicit(Object self, String name) {
        Object r = resolveGet((Closure<?>) self, name);
        if (r != UNRESOLVED) return r;
        throw new MissingPropertyException(name, self.getClass());
    }

    private static Object resolveGet(Closure<?> closure, String name) {
        for (Object candidate : order(closure)) {
            if (candidate == null || candidate instanceof BlockContext) continue; // blocks have words, not readable properties
            if (candidate instanceof Closure<?> outer && !(candidate instanceof MethodClosure)) {
                Object r = resolveGet(outer, name);
                if (r != UNRESOLVED) return r;
            } else if (candidate instanceof EstateScript script) {
                return getScript(script, name);
            } else {
                throw refuse("'" + name + "' cannot be read from " + Allowed.describe(candidate) + " in a site definition");
            }
        }
        return UNRESOLVED;
    }

    public static Object setImplicit(Object self, String name, Object value) {
        argument(value, name);
        Object r = resolveSet((Closure<?>) self, name, value);
        if (r != UNRESOLVED) return value;
        throw new MissingPropertyException(name, self.getClass());
    }

    private static Object resolveSet(Closure<?> closure, String name, Object value) {
        for (Object candidate : order(closure)) {
            if (candidate == null) continue;
            if (candidate instanceof BlockContext ctx) {
                ctx.propertyMissing(name, value); // a word of the block, or reported as unknown there
                return value;
            }
            if (candidate instanceof Closure<?> outer && !(candidate instanceof MethodClosure)) {
                Object r = resolveSet(outer, name, value);
                if (r != UNRESOLVED) return r;
            } else if (candidate instanceof EstateScript script) {
                return setScript(script, name, value);
            } else {
                throw refuse("'" + name + "' cannot be set on " + Allowed.describe(candidate) + " in a site definition");
            }
        }
        return UNRESOLVED;
    }

    /** {@code receiver.name}, {@code receiver?.name}, {@code receiver*.name}. */
    public static Object getProperty(Object receiver, String name, boolean safe, boolean spread) {
        if (receiver == null) {
            if (safe || spread) return null;
            throw new NullPointerException("'" + name + "' was read from a missing (null) value");
        }
        if (spread) {
            List<Object> out = new ArrayList<>();
            for (Object e : iterable(receiver, name)) out.add(e == null ? null : getProperty(e, name, false, false));
            return checked(out, name);
        }
        Allowed.Family f = Allowed.family(receiver);
        if (f == null) throw refuse("'" + name + "' cannot be read from " + Allowed.describe(receiver) + " in a site definition");
        switch (f) {
            case SCRIPT:
                return getScript(receiver, name);
            case MAP:
                return checked(((Map<?, ?>) receiver).get(name), name);
            case ENTRY:
                if (name.equals("key")) return checked(((Map.Entry<?, ?>) receiver).getKey(), name);
                if (name.equals("value")) return checked(((Map.Entry<?, ?>) receiver).getValue(), name);
                break;
            case LIST, SET, RANGE:
                if (name.equals("empty")) return ((Collection<?>) receiver).isEmpty();
                if (f == Allowed.Family.RANGE && (name.equals("from") || name.equals("to"))) {
                    return checked(InvokerHelper.getProperty(receiver, name), name);
                }
                if (Sandbox.isDenied(name)) break;
                // GPath: rows.name is the name of every row
                List<Object> out = new ArrayList<>();
                for (Object e : (Collection<?>) receiver) out.add(e == null ? null : getProperty(e, name, false, false));
                return checked(out, name);
            case TEXT:
                if (name.equals("empty")) return ((CharSequence) receiver).isEmpty();
                break;
            default:
                if (Allowed.properties(f, receiver.getClass()).contains(name)) return checked(InvokerHelper.getProperty(receiver, name), name);
        }
        throw refuse("'" + name + "' cannot be read from " + Allowed.describe(receiver) + " in a site definition");
    }

    public static Object setProperty(Object receiver, String name, int op, Object value, boolean safe, boolean spread) {
        if (receiver == null) {
            if (safe) return null;
            throw new NullPointerException("'" + name + "' was set on a missing (null) value");
        }
        if (spread) throw refuse("setting a property on every element (*.) is not available in a site definition");
        if (op != Types.ASSIGN) value = op(getProperty(receiver, name, false, false), op, value);
        argument(value, name);
        Allowed.Family f = Allowed.family(receiver);
        if (f == Allowed.Family.SCRIPT) return setScript(receiver, name, value);
        if (f == Allowed.Family.CONTEXT) {
            // kept.rpo = 1.minutes is refused as kept.rpo 1.minutes is, from another block or after the block ended
            if (receiver != Evaluation.current().innermost()) notWrittenHere(name, (BlockContext) receiver);
            else ((BlockContext) receiver).propertyMissing(name, value);
            return value;
        }
        if (f == Allowed.Family.MAP) {
            @SuppressWarnings("unchecked") Map<Object, Object> m = (Map<Object, Object>) receiver;
            m.put(name, value);
            bound(m, name);
            return value;
        }
        throw refuse("'" + name + "' cannot be set on " + Allowed.describe(receiver) + " in a site definition");
    }

    // --- subscripts ---

    /** Without interception (a test switch), computed subscript keys are still checked by name. */
    public static <T> T key(T key) {
        if (key instanceof CharSequence s && Sandbox.isDenied(s.toString())) {
            throw refuse("'" + s + "' is not available in a site definition: definitions cannot use reflection or reach the machine");
        }
        return key;
    }

    public static Object index(Object receiver, Object key) {
        if (!Sandbox.intercepting()) return InvokerHelper.invokeMethod(receiver, "getAt", key(key));
        if (receiver == null) throw new NullPointerException("a missing (null) value was indexed with [" + key + "]");
        Allowed.Family f = Allowed.family(receiver);
        argument(key, "[]");
        if (f == Allowed.Family.MAP) return checked(((Map<?, ?>) receiver).get(key instanceof GString g ? g.toString() : key), "[]");
        boolean position = key instanceof Number || key instanceof groovy.lang.Range<?> || key instanceof Collection<?>;
        if (position && (f == Allowed.Family.LIST || f == Allowed.Family.RANGE || f == Allowed.Family.TEXT || f == Allowed.Family.MATCHER
                || f == Allowed.Family.SET && key instanceof Number)) {
            return checked(InvokerHelper.invokeMethod(receiver, "getAt", new Object[] {key}), "[]");
        }
        throw refuse((key instanceof CharSequence s && Sandbox.isDenied(s.toString()) ? "'" + s + "' is not available in a site definition: definitions cannot use reflection or reach the machine"
                : "[" + key + "] cannot be read from " + Allowed.describe(receiver) + " in a site definition"));
    }

    public static Object putIndex(Object receiver, Object key, int op, Object value) {
        if (receiver == null) throw new NullPointerException("a missing (null) value was indexed with [" + key + "]");
        if (op != Types.ASSIGN) value = op(index(receiver, key), op, value);
        argument(key, "[]");
        argument(value, "[]");
        Allowed.Family f = Allowed.family(receiver);
        if (f == Allowed.Family.MAP) {
            @SuppressWarnings("unchecked") Map<Object, Object> m = (Map<Object, Object>) receiver;
            m.put(key instanceof GString g ? g.toString() : key, value);
            bound(m, "[]");
            return value;
        }
        if (f == Allowed.Family.LIST && key instanceof Number n) {
            if (n.longValue() > MAX_ELEMENTS) throw refuse("a list index of " + n + " is too large for a site definition");
            InvokerHelper.invokeMethod(receiver, "putAt", new Object[] {key, value});
            return value;
        }
        throw refuse("[" + key + "] cannot be set on " + Allowed.describe(receiver) + " in a site definition");
    }

    // --- operators ---

    static String operatorMethod(int op) {
        return switch (op) {
            case Types.PLUS -> "plus";
            case Types.MINUS -> "minus";
            case Types.MULTIPLY -> "multiply";
            case Types.DIVIDE -> "div";
            case Types.INTDIV -> "intdiv";
            case Types.MOD -> "mod";
            case Types.POWER -> "power";
            case Types.LEFT_SHIFT -> "leftShift";
            case Types.RIGHT_SHIFT -> "rightShift";
            case Types.RIGHT_SHIFT_UNSIGNED -> "rightShiftUnsigned";
            case Types.BITWISE_AND -> "and";
            case Types.BITWISE_OR -> "or";
            case Types.BITWISE_XOR -> "xor";
            default -> null;
        };
    }

    /** {@code left OP right} for the arithmetic, shift and bitwise operators (and {@code ?=}). */
    public static Object op(Object left, int op, Object right) {
        if (op == ELVIS) return org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation.castToBoolean(left) ? left : right;
        String method = operatorMethod(op);
        if (left == null) throw new NullPointerException("a missing (null) value was used with '" + method + "'");
        Allowed.Family f = Allowed.family(left);
        if (f == null || f == Allowed.Family.CONTEXT || f == Allowed.Family.SCRIPT) {
            throw refuse("'" + method + "' is not available on " + Allowed.describe(left) + " in a site definition");
        }
        argument(right, method);
        if (f == Allowed.Family.CLOSURE) throw refuse("operators on closures are not available in a site definition");
        if (f == Allowed.Family.TEXT && takesRegex(method, new Object[] {right})) {
            return checked(regexCall(left.toString(), method, new Object[] {right}), method); // text - ~/re/
        }
        before(f, left, method, new Object[] {right});
        return checked(InvokerHelper.invokeMethod(left, method, new Object[] {right}), method);
    }

    /** {@code left in right}: right.isCase(left). */
    public static boolean isIn(Object left, Object right) {
        argument(left, "in");
        Allowed.Family f = Allowed.family(right);
        if (right == null) return left == null;
        if (f == null || f == Allowed.Family.CONTEXT || f == Allowed.Family.SCRIPT) throw refuse("'in' is not available on " + Allowed.describe(right) + " in a site definition");
        return org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation.castToBoolean(
                InvokerHelper.invokeMethod(right, "isCase", new Object[] {left}));
    }

    public static Matcher findRegex(Object text, Object regex) {
        return pattern(regex).matcher(new Deadline(String.valueOf(text)));
    }

    public static boolean matchRegex(Object text, Object regex) {
        return pattern(regex).matcher(new Deadline(String.valueOf(text))).matches();
    }

    private static Pattern pattern(Object regex) {
        if (regex instanceof Pattern p) return p;
        argument(regex, "regex");
        return Pattern.compile(String.valueOf(regex));
    }

    /**
     * Methods of text that read an argument as a regular expression, beyond {@link Allowed#REGEX_METHODS}: Groovy's own
     * findAll(regex) and minus(pattern) match on a copy of the text as a String, which no time limit reaches, so they
     * are done by {@link #regexCall} too.
     */
    private static boolean takesRegex(String name, Object[] args) {
        if (args.length == 0) return false;
        if (name.equals("findAll")) return args[0] instanceof CharSequence || args[0] instanceof Pattern;
        return name.equals("minus") && args[0] instanceof Pattern;
    }

    /**
     * {@code text.findAll(regex)} as Groovy has it: every match, or every match's groups (a list) when the pattern has
     * groups; {@code text.findAll(regex) { … }} what the closure makes of each, given the groups as its parameters.
     */
    private static List<Object> findAll(Matcher m, Object[] args) {
        Closure<?> each = args.length > 1 && args[1] instanceof Closure<?> c ? c : null;
        if (args.length > (each == null ? 1 : 2)) throw new MissingMethodException("findAll", String.class, args);
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            if (m.groupCount() == 0) {
                out.add(each == null ? m.group() : callClosure(each, new Object[] {m.group()}));
                continue;
            }
            List<String> groups = new ArrayList<>();
            for (int i = 0; i <= m.groupCount(); i++) groups.add(m.group(i));
            if (each == null) out.add(groups);
            else out.add(callClosure(each, each.getMaximumNumberOfParameters() == 1 ? new Object[] {groups} : groups.toArray()));
        }
        bound(out, "findAll");
        return out;
    }

    /** {@code list.grep(~/re/)}: the elements whose text matches, all of them within one regular-expression time limit. */
    private static List<Object> grep(Iterable<?> items, Pattern p) {
        long until = System.nanoTime() + REGEX_NANOS;
        List<Object> out = new ArrayList<>();
        for (Object e : items) if (e != null && p.matcher(new Deadline(e.toString(), until)).matches()) out.add(e);
        return out;
    }

    /**
     * The value of a {@code case} of a switch, whose isCase decides: a pattern matches within the regular-expression
     * time limit, and a value the definition may not hold is refused as anywhere else.
     */
    public static Object caseOf(Object value) {
        if (value instanceof Pattern p) return new PatternCase(p);
        argument(value, "case");
        Allowed.Family f = Allowed.family(value);
        if (f == Allowed.Family.CONTEXT || f == Allowed.Family.SCRIPT) throw refuse("'case' is not available on " + Allowed.describe(value) + " in a site definition");
        return value;
    }

    /** A pattern as a switch's case: Groovy calls its isCase with the switch's value. */
    public static final class PatternCase {
        private final Pattern pattern;

        PatternCase(Pattern pattern) { this.pattern = pattern; }

        public boolean isCase(Object value) {
            return value != null && pattern.matcher(new Deadline(value.toString())).matches();
        }
    }

    /**
     * The value an {@code as} or a cast made. Groovy makes a proxy when a map or closure is converted to an interface
     * ({@code [toString: { … }] as CharSequence}): a value no allow-list knows, whose methods would be the definition's
     * code called by siteplan's. It is refused; conversions between plain values pass.
     */
    public static Object converted(Object value, String type) {
        if (value != null && !(value instanceof BlockContext.Unresolved) && !(value instanceof Pattern) && Allowed.family(value) == null) {
            throw refuse("converting to '" + type + "' is not available here: a map or closure cannot stand in for another type in a site definition");
        }
        return value;
    }

    private static Object regexCall(String text, String name, Object[] args) {
        if (args.length == 0) throw new MissingMethodException(name, String.class, args);
        Matcher m = pattern(args[0]).matcher(new Deadline(text));
        return switch (name) {
            case "matches" -> m.matches();
            case "replaceAll" -> m.replaceAll(String.valueOf(args[1]));
            case "replaceFirst" -> m.replaceFirst(String.valueOf(args[1]));
            case "split" -> List.of(pattern(args[0]).split(new Deadline(text), args.length > 1 ? ((Number) args[1]).intValue() : 0));
            case "minus" -> m.replaceFirst("");
            case "findAll" -> findAll(m, args);
            default -> throw new MissingMethodException(name, String.class, args);
        };
    }

    /** Text whose reading is timed: a regular expression that backtracks without end is stopped. */
    static final class Deadline implements CharSequence {
        private final CharSequence text;
        private final long deadline;
        private int reads;

        Deadline(CharSequence text) {
            this(text, System.nanoTime() + REGEX_NANOS);
        }

        private Deadline(CharSequence text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
                throw refuse("a regular expression ran longer than " + REGEX_NANOS / 1_000_000 + " ms — simplify it (nested repetition such as (a+)+ backtracks without end)");
            }
            return text.charAt(index);
        }

        @Override public int length() { return text.length(); }
        @Override public CharSequence subSequence(int start, int end) { return new Deadline(text.subSequence(start, end), deadline); }
        @Override public String toString() { return text.toString(); }
    }

    /** Every "…${x}…" a definition writes: its length is bounded before anything turns it into a String. */
    public static Object text(Object gstring) {
        // "${-> …}" runs its closure each time the text becomes a String, where no length is checked: refused.
        if (gstring instanceof GString g) {
            for (Object v : g.getValues()) {
                if (v instanceof Closure<?>) throw refuse("a closure inside text (\"${-> …}\") is not allowed in a site definition; put the value itself in the text");
            }
        }
        long length = length(gstring, 0);
        if (length > MAX_TEXT) throw refuse("text of more than " + MAX_TEXT + " characters is not allowed in a site definition");
        return gstring;
    }

    // --- checks ---

    /** Bounds work before it is done: repeated text or lists, padding, big powers and shifts. */
    private static void before(Allowed.Family f, Object receiver, String name, Object[] args) {
        Object arg = args.length > 0 ? args[0] : null;
        if (f == Allowed.Family.NUMBER) bound(receiver, name); // 1e2000000000 written as a literal
        if (f == Allowed.Family.TEXT && NUMBER_CONVERSIONS.contains(name)) digits(receiver);
        if ((f == Allowed.Family.TEXT || f == Allowed.Family.LIST) && name.equals("multiply") && arg instanceof Number n) {
            long size = f == Allowed.Family.TEXT ? length(receiver, 0) : ((Collection<?>) receiver).size();
            if ((double) size * n.doubleValue() > (f == Allowed.Family.TEXT ? MAX_TEXT : MAX_ELEMENTS)) {
                throw refuse("repeating " + (f == Allowed.Family.TEXT ? "text" : "a list") + " " + n + " times makes it too large for a site definition");
            }
        }
        if (f == Allowed.Family.TEXT && (name.equals("plus") || name.equals("leftShift") || name.equals("concat") || name.equals("append"))) {
            if (length(receiver, 0) + length(arg, 0) > MAX_TEXT) throw refuse("text of more than " + MAX_TEXT + " characters is not allowed in a site definition");
        }
        if (f == Allowed.Family.TEXT && (name.equals("padLeft") || name.equals("padRight") || name.equals("center")) && arg instanceof Number n && n.longValue() > MAX_TEXT) {
            throw refuse("text of more than " + MAX_TEXT + " characters is not allowed in a site definition");
        }
        if (f == Allowed.Family.NUMBER && (name.equals("power") || name.equals("leftShift") || name.equals("setScale")) && arg instanceof Number n && Math.abs(n.doubleValue()) > MAX_EXPONENT) {
            throw refuse("'" + name + "' by " + n + " makes a number too large for a site definition");
        }
        if (f == Allowed.Family.RANGE && Allowed.BUILDS_COLLECTION.contains(name) && ((Collection<?>) receiver).size() > MAX_ELEMENTS) {
            throw refuse("a range of " + ((Collection<?>) receiver).size() + " numbers is too large for a site definition");
        }
        if ((f == Allowed.Family.LIST || f == Allowed.Family.SET) && (name.equals("plus") || name.equals("addAll") || name.equals("leftShift"))
                && arg instanceof Collection<?> c && (long) c.size() + ((Collection<?>) receiver).size() > MAX_ELEMENTS) {
            throw refuse("a list of more than " + MAX_ELEMENTS + " elements is not allowed in a site definition");
        }
    }

    private static final Set<String> NUMBER_CONVERSIONS = Set.of("toInteger", "toLong", "toBigInteger", "toBigDecimal", "toDouble", "toFloat",
            "isNumber", "isInteger", "isLong", "isBigInteger", "isBigDecimal", "isDouble", "isFloat");
    /** The longest text a definition may turn into a number: reading millions of digits takes minutes (BigInteger's parse is quadratic). */
    static final int MAX_DIGITS = 10_000;

    /** Text about to be read as a number (toBigInteger, as BigInteger, new BigDecimal(text)) is refused past {@link #MAX_DIGITS}. */
    public static Object digits(Object value) {
        if (value instanceof CharSequence && length(value, 0) > MAX_DIGITS) {
            throw refuse("text of " + length(value, 0) + " characters cannot be read as a number in a site definition (at most " + MAX_DIGITS + ")");
        }
        return value;
    }

    /** What a call returns must be a value the sandbox knows, and not too large. */
    static Object checked(Object value, String from) {
        if (value == null || value instanceof BlockContext.Unresolved) return value;
        Allowed.Family f = Allowed.family(value);
        if (f == null) throw refuse("'" + from + "' gives " + Allowed.describe(value) + ", which a site definition cannot use");
        bound(value, from);
        return value;
    }

    /** A value passed into a call or stored: only what the sandbox knows (a definition holds nothing else). */
    private static void argument(Object value, String to) {
        if (value == null || value instanceof BlockContext.Unresolved || value instanceof Pattern) return;
        if (Allowed.family(value) == null) throw refuse(Allowed.describe(value) + " cannot be passed to '" + to + "' in a site definition");
    }

    /** Largest decimal exponent a definition's numbers may carry (1e2000000000 would print as two billion digits). */
    private static final int MAX_SCALE = 10_000;

    private static void bound(Object value, String from) {
        if (value instanceof java.math.BigDecimal d && Math.abs((long) d.scale()) > MAX_SCALE
                || value instanceof java.math.BigInteger i && i.bitLength() > MAX_SCALE * 4) {
            throw refuse("'" + from + "' makes a number too large or too precise for a site definition");
        }
        if (value instanceof Collection<?> c && c.size() > MAX_ELEMENTS || value instanceof Map<?, ?> m && m.size() > MAX_ELEMENTS) {
            throw refuse("'" + from + "' makes a collection of more than " + MAX_ELEMENTS + " elements, too large for a site definition");
        }
        if (value instanceof CharSequence && length(value, 0) > MAX_TEXT) {
            throw refuse("'" + from + "' makes text of more than " + MAX_TEXT + " characters, too large for a site definition");
        }
    }

    /** The length of text without building it (a GString of GStrings can describe more text than memory holds). */
    static long length(Object value, int depth) {
        if (value == null) return 4;
        if (value instanceof String s) return s.length();
        if (value instanceof GString g) {
            if (depth > 50) return MAX_TEXT + 1;
            long n = 0;
            for (String s : g.getStrings()) n += s.length();
            for (Object v : g.getValues()) {
                n += v instanceof Closure<?> ? 0 : length(v, depth + 1);
                if (n > MAX_TEXT) return n;
            }
            return n;
        }
        if (value instanceof CharSequence cs) return cs.length();
        if (value instanceof Collection<?> c) return c.size() * 2L;
        return 16;
    }

    private static Iterable<?> iterable(Object receiver, String name) {
        if (receiver instanceof Collection<?> c) return c;
        if (receiver instanceof Map<?, ?> m) return m.entrySet();
        throw refuse("'*." + name + "' needs a list, not " + Allowed.describe(receiver));
    }

    private static final Map<Class<?>, Set<String>> USER_FUNCTIONS = new ConcurrentHashMap<>();

    /** The functions a definition file declares itself (def name() { … }). */
    private static Set<String> userFunctions(Class<?> scriptClass) {
        return USER_FUNCTIONS.computeIfAbsent(scriptClass, c -> {
            Set<String> names = new java.util.HashSet<>();
            if (!c.getName().startsWith(Evaluation.SCRIPT_PREFIX)) return names;
            for (Method m : c.getDeclaredMethods()) {
                String n = m.getName();
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !Modifier.isStatic(m.getModifiers())
                        && !n.equals("run") && !n.startsWith("$") && !n.contains("$") && !Sandbox.isDenied(n)) {
                    names.add(n);
                }
            }
            return names;
        });
    }

    /** Refuses, and records the refusal where the definition is: catching the exception does not undo it. */
    static SandboxViolation refuse(String message) {
        SandboxViolation v = new SandboxViolation(message);
        Evaluation ev = Evaluation.currentOrNull();
        if (ev != null) ev.refused(v);
        return v;
    }

    /** A sandbox rule broken at run time; reported with the line, never with a stack trace. */
    public static final class SandboxViolation extends RuntimeException {
        public SandboxViolation(String message) {
            super(message); // the stack trace is kept: it carries the definition's line
        }
    }
}
