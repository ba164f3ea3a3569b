package siteplan.dsl;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "did you mean …?" for a name that is close to one the reader knows. */
public final class Suggestions {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestions() {}

    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null) return Optional.empty();
        // Two edits (one swapped pair of letters counts as two) for words of four letters or more, one
        // for shorter ones, three for long ones: close enough to be a typo, not an unrelated word.
        int limit = typed.length() < 4 ? 1 : typed.length() < 10 ? 2 : 3;
        return known.stream()
                .filter(k -> DISTANCE.apply(typed.toLowerCase(), k.toLowerCase()) <= limit)
                .min(Comparator.comparingInt((String k) -> DISTANCE.apply(typed.toLowerCase(), k.toLowerCase())).thenComparing(k -> k));
    }

    /** " — did you mean 'churn'?" or "" */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> " — did you mean '" + s + "'?").orElse("");
    }
}
