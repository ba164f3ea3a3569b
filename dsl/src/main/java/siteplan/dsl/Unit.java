package siteplan.dsl;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The unit words a number takes in a definition ({@code 900.GB}, {@code 15.minutes}, {@code 100.Mbps}),
 * in one place: the literal parser reads them, and a number waiting for its unit ({@link PendingUnit})
 * completes with them. Groovy itself reaches the same conversions through {@link UnitExtensions}.
 */
enum Unit {
    KB("KB", ValueType.SIZE, UnitExtensions::getKB),
    MB("MB", ValueType.SIZE, UnitExtensions::getMB),
    GB("GB", ValueType.SIZE, UnitExtensions::getGB),
    TB("TB", ValueType.SIZE, UnitExtensions::getTB),
    KBPS("Kbps", ValueType.RATE, UnitExtensions::getKbps),
    MBPS("Mbps", ValueType.RATE, UnitExtensions::getMbps),
    GBPS("Gbps", ValueType.RATE, UnitExtensions::getGbps),
    SECONDS("seconds", ValueType.DURATION, UnitExtensions::getSeconds),
    MINUTES("minutes", ValueType.DURATION, UnitExtensions::getMinutes),
    HOURS("hours", ValueType.DURATION, UnitExtensions::getHours),
    DAYS("days", ValueType.DURATION, UnitExtensions::getDays),
    SECOND("second", ValueType.DURATION, UnitExtensions::getSecond),
    MINUTE("minute", ValueType.DURATION, UnitExtensions::getMinute),
    HOUR("hour", ValueType.DURATION, UnitExtensions::getHour),
    DAY("day", ValueType.DURATION, UnitExtensions::getDay);

    private static final Map<String, Unit> BY_WORD = new HashMap<>();

    static {
        for (Unit u : values()) BY_WORD.put(u.word, u);
    }

    final String word;
    /** The kind of value the unit makes: a size, a rate or a duration. */
    final ValueType type;
    private final Function<Number, ?> conversion;

    Unit(String word, ValueType type, Function<Number, ?> conversion) {
        this.word = word;
        this.type = type;
        this.conversion = conversion;
    }

    /** The value {@code number.word} stands for; throws IllegalArgumentException as the Groovy form does. */
    Object of(Number number) { return conversion.apply(number); }

    /** The unit written {@code word}, or null for a word that is not a unit. */
    static Unit byWord(String word) { return BY_WORD.get(word); }
}
