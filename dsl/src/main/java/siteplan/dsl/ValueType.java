package siteplan.dsl;

import groovy.lang.GString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import siteplan.model.SecretRef;
import siteplan.model.Token;
import siteplan.units.DataRate;
import siteplan.units.DataSize;
import siteplan.units.Durations;

/**
 * The kinds of value a DSL property takes, each with the conversion from what Groovy passes and the
 * words used when the value is wrong. One place, so every property says the same thing the same way.
 */
public abstract class ValueType {
    final String expects;
    final String example;

    private ValueType(String expects, String example) {
        this.expects = expects;
        this.example = example;
    }

    /** True for sizes, rates and durations: a number alone is missing its unit. */
    boolean takesUnit() {
        return this == SIZE || this == RATE || this == DURATION;
    }

    /** Converts, or throws IllegalArgumentException with the reason (without the property name). */
    abstract Object convert(Object raw);

    static String describe(Object v) {
        if (v instanceof CharSequence s) return s.length() > SHOWN ? "'" + oneLine(s.subSequence(0, SHOWN)) + "…' (text of " + s.length() + " characters)" : "'" + oneLine(s) + "' (text)";
        if (v instanceof Duration d) return Durations.format(d) + " (a duration)";
        if (v instanceof Number) return shown(v.toString()) + " (a number)";
        if (v instanceof Boolean) return v + " (true/false)";
        if (v instanceof groovy.lang.Closure) return "a { … } block";
        if (v instanceof java.util.Map) return "a map";
        if (v instanceof java.util.List) return "a list";
        if (v == null) return "nothing";
        return shown(v.toString());
    }

    /** How much of a wrong value a message repeats: enough to find it, never a copy of a huge one. */
    private static final int SHOWN = 60;

    private static String shown(String text) {
        return oneLine(text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text);
    }

    /**
     * A value quoted in a message stays on the message's line: a line break in it is shown as \n, so a definition cannot
     * print a line that reads like a diagnostic of its own ("(sites.groovy, line 1) …") under the real one.
     */
    private static String oneLine(CharSequence text) {
        return text.toString().replace("\r", "\\r").replace("\n", "\\n");
    }

    /** No word of the DSL takes a negative duration: a wait, a timeout, a retention or an objective is some time or none. */
    static Duration notNegative(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("expects a duration of some time, such as 15.minutes — got a negative one, " + Durations.format(d));
        return d;
    }

    static IllegalArgumentException wrong(ValueType t, Object raw) {
        return new IllegalArgumentException("expects " + t.expects + ", such as " + t.example + " — got " + describe(raw));
    }

    public static final ValueType TEXT = new ValueType("text", "'value'") {
        Object convert(Object raw) {
            if (raw instanceof String s) return s;
            if (raw instanceof GString || raw instanceof CharSequence) return raw.toString();
            // Versions are often typed unquoted: version 5.5 means "5.5".
            if (raw instanceof BigDecimal || raw instanceof Integer || raw instanceof Long) return raw.toString();
            throw wrong(this, raw);
        }
    };

    public static final ValueType INT = new ValueType("a whole number", "4") {
        Object convert(Object raw) {
            if (raw instanceof Integer i) return i;
            if (raw instanceof Long || raw instanceof BigInteger || raw instanceof Short || raw instanceof Byte) {
                long l = ((Number) raw).longValue();
                if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE && new BigInteger(raw.toString()).bitLength() < 32) return (int) l;
            }
            throw wrong(this, raw);
        }
    };

    public static final ValueType BOOL = new ValueType("true or false", "true") {
        Object convert(Object raw) {
            if (raw instanceof Boolean b) return b;
            throw wrong(this, raw);
        }
    };

    public static final ValueType SIZE = new ValueType("a data size", "900.GB") {
        Object convert(Object raw) {
            if (raw instanceof DataSize d) return d;
            if (raw instanceof CharSequence s) {
                try {
                    return DataSize.parse(s.toString());
                } catch (IllegalArgumentException e) {
                    throw wrong(this, raw);
                }
            }
            if (raw instanceof Number n) {
                throw new IllegalArgumentException("expects a data size — got " + n + " without a unit; write " + n + ".GB (or .KB, .MB, .TB)");
            }
            throw wrong(this, raw);
        }
    };

    public static final ValueType RATE = new ValueType("a rate", "100.Mbps") {
        Object convert(Object raw) {
            if (raw instanceof DataRate r) return r;
            if (raw instanceof CharSequence s) {
                try {
                    return DataRate.parse(s.toString());
                } catch (IllegalArgumentException e) {
                    throw wrong(this, raw);
                }
            }
            if (raw instanceof Number n) {
                throw new IllegalArgumentException("expects a rate — got " + n + " without a unit; write " + n + ".Mbps (or .Kbps, .Gbps)");
            }
            throw wrong(this, raw);
        }
    };

    public static final ValueType DURATION = new ValueType("a duration", "15.minutes") {
        Object convert(Object raw) {
            if (raw instanceof Duration d) return notNegative(d);
            if (raw instanceof CharSequence s) {
                Duration d;
                try {
                    d = Durations.parse(s.toString());
                } catch (IllegalArgumentException e) {
                    throw wrong(this, raw);
                }
                return notNegative(d);
            }
            if (raw instanceof Number n) {
                throw new IllegalArgumentException("expects a duration — got " + n + " without a unit; write " + n + ".minutes (or .seconds, .hours, .days)");
            }
            throw wrong(this, raw);
        }
    };

    public static final ValueType SECRET = new ValueType("a secret reference", "secret('name') or env('NAME')") {
        Object convert(Object raw) {
            if (raw instanceof SecretRef r) return r;
            if (raw instanceof CharSequence) {
                // Never accept the value itself: it would end up in the model, plans and history.
                throw new IllegalArgumentException("expects a reference, secret('name') or env('NAME'), never the value itself — got text");
            }
            throw wrong(this, raw);
        }
    };

    /** One per enum: blocks ask for it each time they are made, and the choices text is built once. */
    private static final ClassValue<ValueType> ONE_OF = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected ValueType computeValue(Class<?> type) { return tokens((Class) type); }
    };

    public static <E extends Enum<E> & Token> ValueType oneOf(Class<E> type) {
        return ONE_OF.get(type);
    }

    private static <E extends Enum<E> & Token> ValueType tokens(Class<E> type) {
        return new ValueType("one of " + Token.choices(type), "'" + type.getEnumConstants()[0].token() + "'") {
            Object convert(Object raw) {
                if (type.isInstance(raw)) return raw;
                if (!(raw instanceof CharSequence)) throw wrong(this, raw);
                try {
                    return Token.parse(type, raw.toString());
                } catch (IllegalArgumentException e) {
                    java.util.List<String> tokens = java.util.Arrays.stream(type.getEnumConstants()).map(Token::token).toList();
                    throw new IllegalArgumentException("expects " + expects + " — got '" + raw + "'"
                            + siteplan.dsl.Suggestions.didYouMean(raw.toString(), tokens));
                }
            }
        };
    }
}
