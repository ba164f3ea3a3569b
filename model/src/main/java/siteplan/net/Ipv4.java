package siteplan.net;

/**
 * IPv4 addresses and prefixes as a definition writes them: four decimal octets 0-255 ("10.1.1.10"),
 * and a prefix as its first address and a length 0-32 ("10.20.0.0/16"). Strict on purpose: no
 * leading zeros or signs, nothing but digits and dots, so "10.1.1.300", "10.1.1" and "010.1.1.1"
 * are refused rather than read as something the user did not mean.
 */
public final class Ipv4 {
    private Ipv4() {}

    /** A prefix: its first address (host bits zero) and its length. */
    public record Prefix(long network, int bits) {
        public boolean contains(long address) {
            return (address & mask(bits)) == network;
        }

        /** True when every address of other is in this prefix. */
        public boolean contains(Prefix other) {
            return other.bits >= bits && contains(other.network);
        }

        @Override public String toString() {
            return text(network) + "/" + bits;
        }
    }

    /** The address as a number, or -1 when text is not an IPv4 address. */
    public static long address(String text) {
        if (text == null) return -1;
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) return -1;
        long v = 0;
        for (String o : octets) {
            int n = octet(o);
            if (n < 0) return -1;
            v = (v << 8) | n;
        }
        return v;
    }

    /** Why text is not an IPv4 address, or null when it is. */
    public static String addressProblem(String text) {
        if (address(text) >= 0) return null;
        return "'" + text + "' is not an IPv4 address — write four numbers from 0 to 255 separated by dots, such as 10.1.1.10";
    }

    /** The prefix, or null when text is not one or has host bits set (see {@link #prefixProblem}). */
    public static Prefix prefix(String text) {
        return prefixProblem(text) == null ? parsePrefix(text) : null;
    }

    /** Why text is not an IPv4 prefix in CIDR form, or null when it is. */
    public static String prefixProblem(String text) {
        String form = " — write an address and a length from 0 to 32, such as 10.20.0.0/16";
        if (text == null) return "no prefix" + form;
        int slash = text.indexOf('/');
        if (slash < 0 || address(text.substring(0, slash)) < 0 || bits(text.substring(slash + 1)) < 0) return "'" + text + "' is not a prefix in CIDR form" + form;
        Prefix p = parsePrefix(text);
        if (p.network != address(text.substring(0, slash))) {
            return "'" + text + "' has host bits set: the prefix of length " + p.bits + " that holds it starts at " + text(p.network) + " — write " + p;
        }
        return null;
    }

    public static String text(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    private static Prefix parsePrefix(String text) {
        int slash = text.indexOf('/');
        int bits = bits(text.substring(slash + 1));
        return new Prefix(address(text.substring(0, slash)) & mask(bits), bits);
    }

    private static long mask(int bits) {
        return bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    }

    /** 0-255 written without sign or leading zero, else -1. */
    private static int octet(String s) {
        if (s.isEmpty() || s.length() > 3 || (s.length() > 1 && s.charAt(0) == '0')) return -1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return -1;
        int n = Integer.parseInt(s);
        return n <= 255 ? n : -1;
    }

    private static int bits(String s) {
        if (s.isEmpty() || s.length() > 2 || (s.length() > 1 && s.charAt(0) == '0')) return -1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return -1;
        int n = Integer.parseInt(s);
        return n <= 32 ? n : -1;
    }
}
