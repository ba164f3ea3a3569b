package siteplan.dsl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named options a word takes beside its value ({@code timeout: 5.minutes}, {@code mandatory: true},
 * {@code status: 204}). Every such word reads them here, so that each reports the same two mistakes the same
 * way: an unknown key (with the option it may have meant) and a value of the wrong type (with the option's
 * name), each at the script line that wrote it.
 */
final class NamedOption {
    private NamedOption() {}

    /**
     * @param known the options the word takes, by name, with their types
     * @param of how the word is named in messages: "every in drill of recovery plan 'orders'"
     * @return the options given, converted; one given wrongly is reported and left out
     */
    static Map<String, Object> read(Map<String, ?> options, Map<String, ValueType> known, String of) {
        Map<String, Object> out = new LinkedHashMap<>();
        // Read as a map of anything: a script may write a key that is not a string ([(1): 2]).
        for (Map.Entry<?, ?> e : ((Map<?, ?>) options).entrySet()) {
            String key = String.valueOf(e.getKey());
            ValueType type = known.get(key);
            if (type == null) {
                Evaluation.current().error("unknown option '" + key + "' of " + of + Suggestions.didYouMean(key, known.keySet()));
                continue;
            }
            try {
                out.put(key, type.convert(e.getValue()));
            } catch (IllegalArgumentException ex) {
                Evaluation.current().error(key + " of " + of + " " + ex.getMessage());
            }
        }
        return out;
    }

    /** The one option a word takes: its value, or null when not given (or given wrongly; then reported). */
    @SuppressWarnings("unchecked")
    static <T> T read(Map<String, ?> options, String name, ValueType type, String of) {
        return (T) read(options, Map.of(name, type), of).get(name);
    }
}
