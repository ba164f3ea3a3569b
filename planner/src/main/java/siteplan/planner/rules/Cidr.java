package siteplan.planner.rules;

/** An IPv4 prefix, for the address rules (CS-IP). */
record Cidr(long network, int bits) {
    static Cidr parse(String text) {
        if (text == null) return null;
        String[] p = text.split("/");
        Long a = address(p[0]);
        if (a == null || p.length != 2) return null;
        try {
            int bits = Integer.parseInt(p[1]);
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return new Cidr(a & mask, bits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long address(String ip) {
        if (ip == null) return null;
        String[] o = ip.trim().split("\\.");
        if (o.length != 4) return null;
        long v = 0;
        for (String s : o) {
            try {
                int n = Integer.parseInt(s);
                if (n < 0 || n > 255) return null;
                v = (v << 8) | n;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return v;
    }

    boolean contains(long ip) {
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ip & mask) == network;
    }
}
