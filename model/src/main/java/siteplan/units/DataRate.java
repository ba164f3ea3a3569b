package siteplan.units;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A network rate in bits per second, decimal as network rates are (1 Mbps = 1,000,000 bit/s). */
public record DataRate(long bitsPerSecond) implements Comparable<DataRate> {
    private static final String[] UNITS = {"bps", "Kbps", "Mbps", "Gbps"};
    public static final Pattern TEXT = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(bps|Kbps|Mbps|Gbps)\\s*$", Pattern.CASE_INSENSITIVE);

    public DataRate {
        if (bitsPerSecond < 0) throw new IllegalArgumentException("a rate cannot be negative");
    }

    public static DataRate of(Number amount, String unit) {
        int power = -1;
        for (int i = 0; i < UNITS.length; i++) if (UNITS[i].equalsIgnoreCase(unit)) power = i;
        if (power < 0) throw new IllegalArgumentException("unknown rate unit '" + unit + "'");
        BigDecimal v = new BigDecimal(amount.toString()).multiply(BigDecimal.TEN.pow(3 * power));
        return new DataRate(v.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }


    public static DataRate parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate; write a number and a unit, such as 100Mbps or 1Gbps");
        }
        return of(new BigDecimal(m.group(1)), m.group(2));
    }

    public double megabitsPerSecond() { return bitsPerSecond / 1_000_000.0; }

    @Override public int compareTo(DataRate o) { return Long.compare(bitsPerSecond, o.bitsPerSecond); }

    @Override public String toString() {
        for (int p = UNITS.length - 1; p >= 0; p--) {
            long unit = BigDecimal.TEN.pow(3 * p).longValueExact();
            if (bitsPerSecond % unit == 0 && (bitsPerSecond != 0 || p == 2)) return (bitsPerSecond / unit) + UNITS[p];
        }
        return bitsPerSecond + "bps";
    }
}
