package siteplan.dsl;

/** The one bound on nesting in definition text and data files, and its message. */
public final class Nesting {
    private Nesting() {}

    /** The deepest nesting of brackets and braces a definition may have; real ones need a handful. */
    public static final int MAX_DEPTH = 100;

    /**
     * The line where text first nests brackets, parentheses or braces more than {@link #MAX_DEPTH} deep, or
     * -1. Checked before any parser sees the text: the literal parser and Groovy's both recurse per level,
     * and a few thousand levels exhaust the stack. Text in quotes and comments is skipped; it is a bound,
     * not a parser, so it never fails otherwise.
     */
    public static int at(String s) {
        int depth = 0;
        int line = 1;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') { line++; i++; continue; }
            if (c == '\'' || c == '"') {
                boolean triple = s.startsWith(String.valueOf(c).repeat(3), i);
                String close = triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int j = i + close.length();
                while (j < n && !s.startsWith(close, j)) {
                    if (s.charAt(j) == '\\') j++;
                    else if (s.charAt(j) == '\n') { line++; if (!triple) break; }
                    j++;
                }
                i = Math.min(n, j + close.length());
                continue;
            }
            if (s.startsWith("//", i)) { while (i < n && s.charAt(i) != '\n') i++; continue; }
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) if (s.charAt(k) == '\n') line++;
                i = stop;
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) return line;
            } else if (c == ')' || c == '}' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
            i++;
        }
        return -1;
    }

    public static String message() {
        return "nested more than " + MAX_DEPTH + " levels deep (brackets, parentheses or braces); a definition needs only a few levels: flatten the lists or split the blocks";
    }
}
