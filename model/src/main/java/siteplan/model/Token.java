package siteplan.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum written in files as a lower-case token ("on-premises", "expressroute"). Parsing is lenient
 * about case, spaces and underscores, because people type "On Premises" and mean the same thing.
 */
public interface Token {
    String name();

    default String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & Token> E parse(Class<E> type, String text) {
        String wanted = normalise(text);
        for (E e : type.getEnumConstants()) {
            if (normalise(e.token()).equals(wanted)) return e;
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + choices(type));
    }

    static <E extends Enum<E> & Token> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> "'" + e.token() + "'").collect(Collectors.joining(", "));
    }

    private static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
