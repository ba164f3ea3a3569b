package siteplan.dsl;

/** The one bound on nesting in definition text and data files, and its message. */
public final class Nesting {
    private Nesting() {}

    /** The deepest nesting of brackets and braces a definition may have; real ones need a handful. */
    public static final int MAX_DEPTH = 100;

    /**
     * The line where text first nests brackets, parentheses or braces more than {@link #MAX_DEPTH} deep, or
     * -1. Checked before any parser sees the text: the literal parser and Groovy's both recurse per level,
     * and a few thousand levels exhaust the stack. Text in strings and comments is skipped ({@link GroovyScanner});
     * it is a bound, not a parser, so it never fails otherwise.
     */
    public static int at(String s) {
        for (GroovyScanner.Token t : GroovyScanner.scan(s)) {
            if (t.kind() == GroovyScanner.Kind.OPEN && t.depth() >= MAX_DEPTH) return t.line();
            if (t.kind() == GroovyScanner.Kind.STRING && t.depth() + t.inner() > MAX_DEPTH) return t.line();
        }
        return -1;
    }

    public static String message() {
        return "nested more than " + MAX_DEPTH + " levels deep (brackets, parentheses or braces); a definition needs only a few levels: flatten the lists or split the blocks";
    }
}
