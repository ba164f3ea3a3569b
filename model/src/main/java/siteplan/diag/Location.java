package siteplan.diag;

/** Where something was written: a file as the user named it, and a 1-based line (0 when unknown). */
public record Location(String file, int line) {
    public static final Location UNKNOWN = new Location(null, 0);

    @Override public String toString() {
        if (file == null) return "";
        return line > 0 ? "(" + file + ", line " + line + ")" : "(" + file + ")";
    }
}
