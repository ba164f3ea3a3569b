package siteplan.units;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of data, held exactly in bytes. Units are binary (1 KB = 1024 bytes) because the seeds'
 * limits are binary: a 1023 GB disk is the largest that fits Azure's 1 TB (1024 GB) page blob.
 * The text form ("900GB", "1.5TB") is what JSON and YAML carry; {@link #toString()} gives the
 * largest unit that represents the value exactly, so a value read and written again is unchanged.
 */
public record DataSize(long bytes) implements Comparable<DataSize> {
    public static final DataSize ZERO = new DataSize(0);
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};
    public static final Pattern TEXT = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(B|KB|MB|GB|TB|PB)\\s*$", Pattern.CASE_INSENSITIVE);

    public DataSize {
        if (bytes < 0) throw new IllegalArgumentException("a data size cannot be negative");
    }

    public static DataSize of(Number amount, String unit) {
        int power = indexOf(unit);
        BigDecimal value = new BigDecimal(amount.toString()).multiply(BigDecimal.valueOf(1L << (10 * power)));
        return new DataSize(value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    public static DataSize kb(double n) { return of(n, "KB"); }
    public static DataSize gb(double n) { return of(n, "GB"); }

    /** Parses "900GB", "900 GB", "1.5 TB"; throws IllegalArgumentException with the accepted form. */
    public static DataSize parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a data size; write a number and a unit, such as 900GB or 1.5TB");
        }
        return of(new BigDecimal(m.group(1)), m.group(2));
    }

    private static int indexOf(String unit) {
        for (int i = 0; i < UNITS.length; i++) if (UNITS[i].equalsIgnoreCase(unit)) return i;
        throw new IllegalArgumentException("unknown data unit '" + unit + "'");
    }

    public double gigabytes() { return bytes / (double) (1L << 30); }
    public double terabytes() { return bytes / (double) (1L << 40); }
    public DataSize plus(DataSize other) { return new DataSize(Math.addExact(bytes, other.bytes)); }
    public DataSize times(long n) { return new DataSize(Math.multiplyExact(bytes, n)); }
    public boolean isZero() { return bytes == 0; }

    @Override public int compareTo(DataSize o) { return Long.compare(bytes, o.bytes); }

    @Override public String toString() {
        if (bytes == 0) return "0GB";
        for (int p = UNITS.length - 1; p >= 0; p--) {
            long unit = 1L << (10 * p);
            if (bytes % unit == 0) return (bytes / unit) + UNITS[p];
        }
        return bytes + "B";
    }

    /** A short human form with at most two decimals, for messages: "1.32 TB". */
    public String human() {
        for (int p = UNITS.length - 1; p >= 0; p--) {
            long unit = 1L << (10 * p);
            if (bytes >= unit || p == 0) {
                BigDecimal v = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
                return v.toPlainString() + " " + UNITS[p];
            }
        }
        return bytes + " B";
    }
}
