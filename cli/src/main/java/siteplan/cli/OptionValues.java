package siteplan.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import siteplan.executor.drill.RecoveryRunner;
import siteplan.executor.provider.RecoveryPointChoice;
import siteplan.model.Token;
import siteplan.model.json.EstateWriter;
import siteplan.providers.Simulator;

/**
 * The picocli converters of siteplan's option values, registered once on the root command. A value they refuse is
 * reported as one line, "siteplan: " and the message below, without picocli's "Invalid value for option" wording
 * or a usage hint: the words users and scripts have always seen.
 */
final class OptionValues {
    private OptionValues() {}

    static void register(CommandLine root) {
        root.registerConverter(Duration.class, OptionValues::duration);
        root.registerConverter(RecoveryPointChoice.class, OptionValues::recoveryPoint);
        root.registerConverter(EstateWriter.Format.class, new Words<>(EstateWriter.Format.values()).alias("yml", EstateWriter.Format.YAML));
        // A test failover is drill's: failover --type offers only the other two.
        root.registerConverter(RecoveryRunner.Mode.class, new Words<>(RecoveryRunner.Mode.PLANNED, RecoveryRunner.Mode.UNPLANNED));
        root.registerConverter(Simulator.Style.class, new Words<>(Simulator.Style.values()));
        root.registerConverter(CompletionCommand.Shell.class, new Words<>(CompletionCommand.Shell.values()));
        root.registerConverter(HistoryCommand.Kind.class, new Words<>(HistoryCommand.Kind.values()));
        root.registerConverter(HistoryCommand.Verdict.class, new Words<>(HistoryCommand.Verdict.values()));
    }

    /** The word a user types for an enum value: its token, lower case with hyphens ("latest-app-consistent"). */
    static String word(Enum<?> value) {
        return value instanceof Token t ? t.token() : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A retry delay or timeout: 500ms, or what {@link siteplan.units.Durations} reads (2s, 1m, 1h). */
    static Duration duration(String text) {
        try {
            if (text.trim().endsWith("ms")) return Duration.ofMillis(Long.parseLong(text.trim().replace("ms", "").trim()));
            return siteplan.units.Durations.parse(text);
        } catch (RuntimeException e) {
            throw new Refused("'" + text + "' is not a duration such as 500ms, 2s or 1m", true);
        }
    }

    /** latest, latest-app-consistent or an instant. */
    static RecoveryPointChoice recoveryPoint(String text) {
        try {
            return RecoveryPointChoice.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage(), false);
        }
    }

    /**
     * The closed set of words an enum-typed option takes, in any case (as --format and --style always did; it also
     * accepts the upper-case names picocli offers for completion), each naming one value; aliases are accepted but
     * not listed. A word outside the set is refused with the ones that are accepted.
     */
    static final class Words<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
        private final Map<String, E> values = new LinkedHashMap<>();
        private final List<String> listed = new ArrayList<>();

        @SafeVarargs
        Words(E... accepted) {
            for (E e : accepted) {
                values.put(word(e), e);
                listed.add(word(e));
            }
        }

        Words<E> alias(String word, E value) {
            values.put(word, value);
            return this;
        }

        @Override public E convert(String text) {
            E value = values.get(text.toLowerCase(Locale.ROOT));
            if (value == null) throw new Refused("must be " + listing() + ", not '" + text + "'", true);
            return value;
        }

        /** "a or b", "a, b or c". */
        private String listing() {
            int last = listed.size() - 1;
            return last == 0 ? listed.get(0) : String.join(", ", listed.subList(0, last)) + " or " + listed.get(last);
        }
    }

    /** A value a converter refused; {@code namesOption} when the message reads after the option's name (or a parameter's label). */
    static final class Refused extends CommandLine.TypeConversionException {
        private final boolean namesOption;

        Refused(String message, boolean namesOption) {
            super(message);
            this.namesOption = namesOption;
        }

        /** The line to show for the option or parameter that was given this value. */
        String line(ArgSpec arg) {
            if (!namesOption) return getMessage();
            if (arg instanceof OptionSpec o) return o.longestName() + " " + getMessage();
            return arg instanceof PositionalParamSpec p ? p.paramLabel() + " " + getMessage() : getMessage();
        }
    }
}
