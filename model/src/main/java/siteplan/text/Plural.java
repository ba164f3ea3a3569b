package siteplan.text;

/** A count with its noun in the number it needs: "1 vault", "2 vaults", "0 machines". */
public final class Plural {
    private Plural() {}

    /** {@code noun} is the singular; its plural adds an s, as every noun siteplan counts does. */
    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
