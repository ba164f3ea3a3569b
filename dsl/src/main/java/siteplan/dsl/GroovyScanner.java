package siteplan.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexical layer of Groovy source that everything reading definition text shares: where text is
 * code, where it is a string (every quoting Groovy has: '…', "…", triple quotes, /slashy/, $/dollar
 * slashy/$, with GString ${…} expressions inside) and where it is a comment, with the line each piece
 * starts on and how deeply brackets nest around it.
 *
 * <p>Hand-written rather than Groovy's own lexer (GroovyLangLexer), because its callers need it most on
 * text that is not valid: that lexer stops with an exception at the first unclosed string or stray
 * character and reads an unclosed comment as code, while the nesting bound, the unclosed-block finder
 * and the formatter must still see every brace after such a mistake. This scanner never fails: an
 * unclosed string or comment runs to where it would end (a single-line string at its line's end) and is
 * marked not closed.
 */
public final class GroovyScanner {
    private GroovyScanner() {}

    public enum Kind {
        /** Code without brackets, line breaks, strings or comments (spaces included). */
        CODE,
        /** One of ( [ { in code. */
        OPEN,
        /** One of ) ] } in code. */
        CLOSE,
        /** A line break in code. */
        NEWLINE,
        STRING,
        COMMENT
    }

    /** How a string is quoted; which of them interpolate and which may span lines follows Groovy. */
    public enum Quote { SINGLE, DOUBLE, TRIPLE_SINGLE, TRIPLE_DOUBLE, SLASHY, DOLLAR_SLASHY, NONE }

    /**
     * One piece of the text, {@code [start, end)}. {@code line} is the line it starts on (from 1);
     * {@code depth} is the number of brackets open around it (for a CLOSE, after it closes: the depth of
     * its OPEN). {@code closed} is false for a string or comment the text ends inside (or, for a
     * single-line string, whose line ends inside it). {@code inner} is, for a string, how deeply the
     * brackets of its ${…} expressions nest (GStrings within GStrings included).
     */
    public record Token(Kind kind, int start, int end, int line, int depth, Quote quote, boolean closed, int inner) {
        public String text(String source) {
            return source.substring(start, end);
        }

        /** The bracket character of an OPEN or CLOSE. */
        public char bracket(String source) {
            return source.charAt(start);
        }
    }

    /** The pieces of a text, in order, covering all of it. */
    public static List<Token> scan(String s) {
        return new Run(s).all();
    }

    private static final class Run {
        private final String s;
        private final int n;
        private final List<Token> out;
        private int line = 1;
        private int depth = 0;
        /** While a string is scanned: how many brackets of its ${…} expressions are open, and the most so far. */
        private int level = 0;
        private int deepest = 0;

        Run(String s) {
            this.s = s;
            this.n = s.length();
            this.out = new ArrayList<>(Math.max(16, n / 8));
        }

        List<Token> all() {
            int i = 0;
            int codeStart = 0;
            while (i < n) {
                char c = s.charAt(i);
                int special = special(i);
                if (special == 0) {
                    i++;
                    continue;
                }
                if (codeStart < i) add(Kind.CODE, codeStart, i, Quote.NONE, true);
                int end;
                switch (special) {
                    case NL -> end = add(Kind.NEWLINE, i, i + 1, Quote.NONE, true);
                    case BRACKET -> {
                        boolean opens = c == '(' || c == '[' || c == '{';
                        if (opens) {
                            end = add(Kind.OPEN, i, i + 1, Quote.NONE, true);
                            depth++;
                        } else {
                            depth = Math.max(0, depth - 1);
                            end = add(Kind.CLOSE, i, i + 1, Quote.NONE, true);
                        }
                    }
                    case LINE_COMMENT -> {
                        int e = s.indexOf('\n', i);
                        end = add(Kind.COMMENT, i, e < 0 ? n : e, Quote.NONE, true);
                    }
                    case BLOCK_COMMENT -> {
                        int e = s.indexOf("*/", i + 2);
                        end = add(Kind.COMMENT, i, e < 0 ? n : e + 2, Quote.NONE, e >= 0);
                    }
                    default -> {
                        Quote q = quoteAt(i);
                        deepest = 0;
                        int e = stringEnd(i, q);
                        end = add(Kind.STRING, i, Math.abs(e), q, e > 0);
                    }
                }
                i = end;
                codeStart = i;
            }
            if (codeStart < n) add(Kind.CODE, codeStart, n, Quote.NONE, true);
            return out;
        }

        /** Words after which Groovy reads / as the start of a slashy string (this, null, true and false are operands). */
        private static final java.util.Set<String> KEYWORDS = java.util.Set.of("as", "assert", "case", "default", "do", "else", "if", "in",
                "instanceof", "new", "return", "switch", "throw", "while", "yield");

        private static final int NL = 1, BRACKET = 2, LINE_COMMENT = 3, BLOCK_COMMENT = 4, STRING = 5;

        /** What starts at i in code, or 0 for an ordinary character. */
        private int special(int i) {
            char c = s.charAt(i);
            switch (c) {
                case '\n': return NL;
                case '(': case ')': case '[': case ']': case '{': case '}': return BRACKET;
                case '\'': case '"': return STRING;
                case '$': return i + 1 < n && s.charAt(i + 1) == '/' && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1))) ? STRING : 0;
                case '/':
                    if (i + 1 < n && s.charAt(i + 1) == '/') return LINE_COMMENT;
                    if (i + 1 < n && s.charAt(i + 1) == '*') return BLOCK_COMMENT;
                    return slashyAllowed(i) ? STRING : 0;
                default: return 0;
            }
        }

        /**
         * Groovy's rule: a / starts a slashy string unless what precedes it could end an operand (a name,
         * a number, a string, a closing bracket), where it divides.
         */
        private boolean slashyAllowed(int i) {
            int j = i - 1;
            while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\r')) j--;
            if (j < 0) return true;
            char p = s.charAt(j);
            if (p == '\n') return true;
            // the end of a string or of a bracketed expression
            if (p == '\'' || p == '"' || p == ')' || p == ']' || p == '}') return false;
            if (Character.isJavaIdentifierPart(p)) {
                int w = j;
                while (w > 0 && Character.isJavaIdentifierPart(s.charAt(w - 1))) w--;
                return KEYWORDS.contains(s.substring(w, j + 1));
            }
            if ((p == '+' || p == '-') && j > 0 && s.charAt(j - 1) == p) return false; // i++ / x
            return true;
        }

        private Quote quoteAt(int i) {
            char c = s.charAt(i);
            if (c == '$') return Quote.DOLLAR_SLASHY;
            if (c == '/') return Quote.SLASHY;
            boolean triple = i + 2 < n && s.charAt(i + 1) == c && s.charAt(i + 2) == c;
            if (c == '\'') return triple ? Quote.TRIPLE_SINGLE : Quote.SINGLE;
            return triple ? Quote.TRIPLE_DOUBLE : Quote.DOUBLE;
        }

        /** The end of the string starting at i: positive when closed, negated when the text (or line) ends first. */
        private int stringEnd(int i, Quote q) {
            String close = switch (q) {
                case SINGLE -> "'";
                case DOUBLE -> "\"";
                case TRIPLE_SINGLE -> "'''";
                case TRIPLE_DOUBLE -> "\"\"\"";
                case SLASHY -> "/";
                case DOLLAR_SLASHY -> "/$";
                case NONE -> throw new IllegalArgumentException();
            };
            boolean interpolates = q != Quote.SINGLE && q != Quote.TRIPLE_SINGLE;
            boolean oneLine = q == Quote.SINGLE || q == Quote.DOUBLE;
            int j = i + (q == Quote.DOLLAR_SLASHY ? 2 : close.length());
            while (j < n) {
                char d = s.charAt(j);
                if (q == Quote.DOLLAR_SLASHY) {
                    // $$ and $/ are its escapes; a backslash is an ordinary character there.
                    if (d == '$' && j + 1 < n && (s.charAt(j + 1) == '$' || s.charAt(j + 1) == '/')) { j += 2; continue; }
                } else if (d == '\\') {
                    j += 2;
                    continue;
                }
                if (s.startsWith(close, j)) return j + close.length();
                if (d == '\n' && oneLine) return -j;
                if (interpolates && d == '$' && j + 1 < n && s.charAt(j + 1) == '{') {
                    j = expressionEnd(j + 2);
                    continue;
                }
                j++;
            }
            return -n;
        }

        /**
         * The end of a GString's ${…} expression whose code starts at i: after its closing }, or the text's
         * end. Brackets inside count towards the string's {@link Token#inner} depth; past the nesting bound
         * the rest of the text is taken as the string's, so deeply nested strings cannot exhaust the stack.
         */
        private int expressionEnd(int i) {
            int outer = level;
            int brackets = 1;
            int j = i;
            try {
                while (j < n) {
                    level = outer + brackets;
                    deepest = Math.max(deepest, level);
                    if (level > Nesting.MAX_DEPTH) return n;
                    char d = s.charAt(j);
                    if (d == '{' || d == '(' || d == '[') brackets++;
                    else if ((d == '}' || d == ')' || d == ']') && --brackets == 0) return j + 1;
                    else if (d == '\'' || d == '"' || (d == '$' && j + 1 < n && s.charAt(j + 1) == '/')) {
                        j = Math.abs(stringEnd(j, quoteAt(j)));
                        continue;
                    } else if (s.startsWith("//", j)) {
                        int e = s.indexOf('\n', j);
                        j = e < 0 ? n : e;
                        continue;
                    } else if (s.startsWith("/*", j)) {
                        int e = s.indexOf("*/", j + 2);
                        j = e < 0 ? n : e + 2;
                        continue;
                    }
                    j++;
                }
                return n;
            } finally {
                level = outer;
            }
        }

        private int add(Kind kind, int start, int end, Quote quote, boolean closed) {
            out.add(new Token(kind, start, end, line, depth, quote, closed, kind == Kind.STRING ? deepest : 0));
            for (int k = start; k < end; k++) if (s.charAt(k) == '\n') line++;
            return end;
        }
    }
}
