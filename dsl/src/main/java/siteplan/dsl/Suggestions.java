package siteplan.dsl;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "did you mean …?" for a name that is close to one the reader knows. */
public final class Suggestions {
    /** Bounded: a name a definition makes can be millions of characters long, and an unbounded distance costs their square. */
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private Suggestions() {}

    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null) return Optional.empty();
        // Two edits (one swapped pair of letters counts as two) for words of four letters or more, one
        // for shorter ones, three for long ones: close enough to be a typo, not an unrelated word.
        int limit = typed.length() < 4 ? 1 : typed.length() < 10 ? 2 : 3;
        String t = typed.toLowerCase();
        return known.stream()
                .filter(k -> Math.abs(k.length() - t.length()) <= limit)
                .filter(k -> distance(t, k) <= limit)
                .min(Comparator.comparingInt((String k) -> distance(t, k)).thenComparing(k -> k));
    }

    /** The edit distance, or more than any limit (-1 from the bounded distance means beyond its bound). */
    private static int distance(String typed, String known) {
        int d = DISTANCE.apply(typed, known.toLowerCase());
        return d < 0 ? Integer.MAX_VALUE : d;
    }

    /** " — did you mean 'churn'?" or "" */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> " — did you mean '" + s + "'?").orElse("");
    }
}
