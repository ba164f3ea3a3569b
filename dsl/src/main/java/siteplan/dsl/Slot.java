package siteplan.dsl;

import java.time.Duration;
import siteplan.model.SecretRef;
import siteplan.model.Token;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

/**
 * The value one word of a block takes, typed: the block's typed method sets it (through
 * {@link BlockContext#set}, which converts and reports) and the block's build reads it. The word's name,
 * type and example live here so "expects …" and "has no … — add: …" say the same thing for every word.
 */
final class Slot<T> {
    /** The name used in messages (usually the word; "osVersion", "interval" where one word sets another name). */
    final String word;
    final ValueType type;
    /** What to write: the DSL reference shows it, and so does the message when a required value is missing. */
    final String example;
    private T value;
    private boolean set;
    /** Given a value, valid or not: a wrong value is reported once, not again as missing. */
    private boolean attempted;

    private Slot(String word, ValueType type, String example) {
        this.word = word;
        this.type = type;
        this.example = example;
    }

    static Slot<String> text(String word) { return text(word, "…"); }
    static Slot<String> text(String word, String example) { return new Slot<>(word, ValueType.TEXT, example); }
    static Slot<Integer> integer(String word) { return integer(word, "…"); }
    static Slot<Integer> integer(String word, String example) { return new Slot<>(word, ValueType.INT, example); }
    static Slot<Boolean> bool(String word) { return new Slot<>(word, ValueType.BOOL, "…"); }
    static Slot<DataSize> size(String word) { return size(word, "…"); }
    static Slot<DataSize> size(String word, String example) { return new Slot<>(word, ValueType.SIZE, example); }
    static Slot<DataRate> rate(String word) { return rate(word, "…"); }
    static Slot<DataRate> rate(String word, String example) { return new Slot<>(word, ValueType.RATE, example); }
    static Slot<Duration> duration(String word) { return duration(word, "…"); }
    static Slot<Duration> duration(String word, String example) { return new Slot<>(word, ValueType.DURATION, example); }
    static Slot<SecretRef> secretRef(String word) { return secretRef(word, "…"); }
    static Slot<SecretRef> secretRef(String word, String example) { return new Slot<>(word, ValueType.SECRET, example); }
    static <E extends Enum<E> & Token> Slot<E> token(String word, Class<E> type) { return token(word, type, "…"); }
    static <E extends Enum<E> & Token> Slot<E> token(String word, Class<E> type, String example) {
        return new Slot<>(word, ValueType.oneOf(type), example);
    }

    /** Stores a converted value; the conversion by {@link #type} gives a T by construction. */
    @SuppressWarnings("unchecked")
    void accept(Object converted) {
        value = (T) converted;
        set = true;
    }

    void attempt() { attempted = true; }

    /** The value, or null when the word was not written (or written with a wrong value). */
    T get() { return value; }

    boolean isSet() { return set; }

    /** Missing: never written, not even with a wrong value. */
    boolean isMissing() { return !set && !attempted; }

    /** A true/false word read as a flag: unset is false. */
    boolean flag() { return Boolean.TRUE.equals(value); }
}
