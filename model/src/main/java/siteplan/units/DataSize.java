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

    /**
     * The largest amount a definition may state: 1 PB, far above any disk, volume or quota of Azure Site
     * Recovery or VMware (a disk is at most 32 TB in Azure, 62 TB in vSphere), and 8192 times below what a
     * long holds, so sums over an estate stay exact.
     */
    public static final DataSize MAX = new DataSize(1L << 50);

    public static DataSize of(Number amount, String unit) {
        int power = indexOf(unit);
        BigDecimal value = new BigDecimal(amount.toString()).multiply(BigDecimal.valueOf(1L << (10 * power)));
        BigDecimal bytes = value.setScale(0, java.math.RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(MAX.bytes)) > 0) {
            throw new IllegalArgumentException(amount + " " + unit.toUpperCase(java.util.Locale.ROOT) + " is larger than 1PB, the largest data size siteplan accepts (no disk or volume is that large); check the number and its unit");
        }
        return new DataSize(bytes.longValueExact());
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
    // Saturating: a total beyond a long is beyond every limit a rule compares it with, and must not crash the rule.
    public DataSize plus(DataSize other) {
        long sum = bytes + other.bytes;
        return new DataSize(sum < 0 ? Long.MAX_VALUE : sum);
    }

    public DataSize times(long n) {
        if (n < 0) throw new IllegalArgumentException("a data size cannot be multiplied by a negative number");
        long r;
        try {
            r = Math.multiplyExact(bytes, n);
        } catch (ArithmeticException overflow) {
            r = Long.MAX_VALUE;
        }
        return new DataSize(r);
    }
    /** a + b, at most Long.MAX_VALUE: for rules that add up raw byte counts. */
    public static long saturatingAdd(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : s;
    }

    /** a × b / c exactly (the product may exceed a long), saturating at Long.MAX_VALUE; 0 when c is 0. */
    public static DataSize scaled(long a, long b, long c) {
        if (c == 0) return ZERO;
        java.math.BigInteger r = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b)).divide(java.math.BigInteger.valueOf(c));
        return new DataSize(r.signum() < 0 ? 0 : r.bitLength() > 63 ? Long.MAX_VALUE : r.longValue());
    }

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
