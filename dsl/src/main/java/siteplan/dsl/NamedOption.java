package siteplan.dsl;

import java.util.List;
import java.util.Map;

/**
 * The one named option a word takes beside its value ({@code timeout: 5.minutes}, {@code mandatory: true},
 * {@code status: 204}). A word with one option reads it here so that every such word reports the same two
 * mistakes the same way: an unknown key (with the option it may have meant) and a value of the wrong type
 * (with the option's name), each at the script line that wrote it.
 */
final class NamedOption {
    private NamedOption() {}

    /**
     * @param of how the word is named in messages: "every in drill of recovery plan 'orders'"
     * @return the option's value, or null when the options do not give it (or give it wrongly; then reported)
     */
    @SuppressWarnings("unchecked")
    static <T> T read(Map<String, ?> options, String name, ValueType type, String of) {
        T value = null;
        for (Map.Entry<String, ?> e : options.entrySet()) {
            if (!e.getKey().equals(name)) {
                Evaluation.current().error("unknown option '" + e.getKey() + "' of " + of + Suggestions.didYouMean(e.getKey(), List.of(name)));
                continue;
            }
            try {
                value = (T) type.convert(e.getValue());
            } catch (IllegalArgumentException ex) {
                Evaluation.current().error(name + " of " + of + " " + ex.getMessage());
            }
        }
        return value;
    }
}
