package siteplan.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical layout of a Groovy definition, as {@code siteplan fmt} writes it: each line indented four
 * spaces per block it is in, no tabs in indentation, no trailing spaces, no blank line at the start, one
 * blank line at most between lines and exactly one line break at the end.
 *
 * <p>Only the space at the start and end of lines changes, and only where that space is code: what lies
 * inside a string (a multi-line string's lines, spaces before its closing quotes) is kept byte for byte,
 * and the lines of a block comment after its first keep their own indentation. Inside lines nothing is
 * reflowed. The result depends only on the pieces {@link GroovyScanner} finds, which indentation does not
 * change, so formatting formatted text changes nothing.
 *
 * <p>Indentation: one level per line that opened brackets still open ({@code foo([} opens one level,
 * not two); a line starting with closing brackets is at the level they return to. A statement continued
 * on the next line (a line ending in an operator or a comma outside brackets, or the next line starting
 * with {@code .}) indents that line one level more.
 */
public final class DefinitionFormat {
    private DefinitionFormat() {}

    private static final String INDENT = "    ";

    /** How a line starts. */
    private enum Start { CODE, IN_STRING, IN_COMMENT }

    public static String format(String text) {
        List<GroovyScanner.Token> pieces = GroovyScanner.scan(text);
        int lines = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lines++;
        Start[] start = new Start[lines + 1];
        boolean[] endsInString = new boolean[lines + 1];
        int[] level = new int[lines + 1];
        java.util.Arrays.fill(start, Start.CODE);

        // Open brackets, innermost last: the line each was opened on, and which bracket.
        int[] openLine = new int[16];
        char[] openChar = new char[16];
        int open = 0;
        int levels = 0; // distinct lines among the open brackets

        int pending = 1; // the line whose level is not known yet (it may start with closing brackets)
        boolean continues = false; // the previous line of code leaves its statement unfinished
        for (GroovyScanner.Token t : pieces) {
            // A line's level is known at its first piece that is not space or a closing bracket.
            if (pending > 0 && !blank(text, t) && t.kind() != GroovyScanner.Kind.CLOSE) {
                boolean inStatement = open == 0 || openChar[open - 1] == '{';
                boolean leadingDot = t.kind() == GroovyScanner.Kind.CODE && leadsWithDot(text, t);
                level[pending] = levels + (inStatement && (continues || leadingDot) ? 1 : 0);
                pending = 0;
            }
            switch (t.kind()) {
                case OPEN -> {
                    if (open == openLine.length) {
                        openLine = java.util.Arrays.copyOf(openLine, open * 2);
                        openChar = java.util.Arrays.copyOf(openChar, open * 2);
                    }
                    if (open == 0 || openLine[open - 1] != t.line()) levels++;
                    openLine[open] = t.line();
                    openChar[open] = t.bracket(text);
                    open++;
                    continues = false;
                }
                case CLOSE -> {
                    if (open > 0) {
                        open--;
                        if (open == 0 || openLine[open - 1] != openLine[open]) levels--;
                    }
                    continues = false;
                }
                case NEWLINE -> {
                    if (pending > 0) level[pending] = levels;
                    pending = t.line() + 1;
                }
                case STRING, COMMENT -> {
                    int line = t.line();
                    for (int k = t.start(); k < t.end(); k++) {
                        if (text.charAt(k) != '\n') continue;
                        if (t.kind() == GroovyScanner.Kind.STRING) endsInString[line] = true;
                        line++;
                        start[line] = t.kind() == GroovyScanner.Kind.STRING ? Start.IN_STRING : Start.IN_COMMENT;
                    }
                    if (t.kind() == GroovyScanner.Kind.STRING) continues = false;
                }
                case CODE -> {
                    if (!blank(text, t)) continues = unfinished(text, t);
                }
            }
        }
        if (pending > 0) level[pending] = levels;

        String[] raw = text.split("\n", -1);
        List<String> out = new ArrayList<>(raw.length);
        boolean lastBlank = true; // no blank line at the start
        for (int i = 0; i < raw.length; i++) {
            int line = i + 1;
            String s = raw[i];
            String formatted = switch (start[line]) {
                case IN_STRING -> endsInString[line] ? s : stripTrailing(s);
                case IN_COMMENT -> stripTrailing(s);
                case CODE -> {
                    String body = endsInString[line] ? stripLeading(s) : stripLeading(stripTrailing(s));
                    yield body.isEmpty() ? "" : INDENT.repeat(level[line]) + body;
                }
            };
            boolean isBlank = formatted.isEmpty() && start[line] == Start.CODE;
            if (isBlank && lastBlank) continue;
            out.add(formatted);
            lastBlank = isBlank;
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    private static boolean blank(String text, GroovyScanner.Token t) {
        if (t.kind() == GroovyScanner.Kind.NEWLINE) return true;
        if (t.kind() != GroovyScanner.Kind.CODE) return false;
        for (int i = t.start(); i < t.end(); i++) if (!space(text.charAt(i))) return false;
        return true;
    }

    private static boolean leadsWithDot(String text, GroovyScanner.Token t) {
        int i = t.start();
        while (i < t.end() && space(text.charAt(i))) i++;
        if (i >= t.end()) return false;
        char c = text.charAt(i);
        return c == '.' || ((c == '?' || c == '*') && i + 1 < t.end() && text.charAt(i + 1) == '.');
    }

    /** Whether code ends with an operator or comma that the next line must complete. */
    private static boolean unfinished(String text, GroovyScanner.Token t) {
        int i = t.end() - 1;
        while (i >= t.start() && space(text.charAt(i))) i--;
        char c = text.charAt(i);
        char before = i > t.start() ? text.charAt(i - 1) : ' ';
        return switch (c) {
            case ',', '=', '*', '/', '?', '.', '&', '|' -> true;
            case '+' -> before != '+';
            case '-' -> before != '-';
            default -> false;
        };
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && space(s.charAt(i))) i++;
        return s.substring(i);
    }

    private static String stripTrailing(String s) {
        int i = s.length();
        while (i > 0 && space(s.charAt(i - 1))) i--;
        return s.substring(0, i);
    }
}
