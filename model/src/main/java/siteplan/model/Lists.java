package siteplan.model;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Null-safe immutable copies, so every record holds lists that are never null and never change. */
final class Lists {
    private Lists() {}

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <T> List<T> sortedBy(List<T> list, Function<T, String> key) {
        return copy(list).stream().sorted(Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }
}
