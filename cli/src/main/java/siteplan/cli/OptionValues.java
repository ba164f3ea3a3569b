package siteplan.cli;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import siteplan.executor.provider.RecoveryPointChoice;

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

    /** A value a converter refused; {@code namesOption} when the message reads after the option's name. */
    static final class Refused extends CommandLine.TypeConversionException {
        private final boolean namesOption;

        Refused(String message, boolean namesOption) {
            super(message);
            this.namesOption = namesOption;
        }

        /** The line to show for the option or parameter that was given this value. */
        String line(ArgSpec arg) {
            return namesOption && arg instanceof OptionSpec o ? o.longestName() + " " + getMessage() : getMessage();
        }
    }
}
