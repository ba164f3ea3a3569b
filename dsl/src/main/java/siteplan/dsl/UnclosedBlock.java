package siteplan.dsl;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a block that is never closed was opened. Groovy's parser notices a missing } only at the end
 * of the file, so its error points past the last line; the line the user must fix is where the block
 * began. Braces are matched as written (text in quotes and comments skipped, as {@link Nesting} does);
 * a } indented less than the line that opened the block it closes is taken to close an outer block, so
 * the inner one is the block left open.
 */
public final class UnclosedBlock {
    private UnclosedBlock() {}

    /** The line of the { most likely left unclosed, or -1 when every { in the text is closed. */
    public static int line(String s) {
        Deque<int[]> open = new ArrayDeque<>(); // {line, indent of that line}
        int misclosed = -1;
        int line = 1;
        int lineStart = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') { line++; i++; lineStart = i; continue; }
            if (c == '\'' || c == '"') {
                boolean triple = s.startsWith(String.valueOf(c).repeat(3), i);
                String close = triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int j = i + close.length();
                while (j < n && !s.startsWith(close, j)) {
                    if (s.charAt(j) == '\\') j++;
                    else if (s.charAt(j) == '\n') { line++; lineStart = j + 1; if (!triple) break; }
                    j++;
                }
                i = Math.min(n, j + close.length());
                continue;
            }
            if (s.startsWith("//", i)) { while (i < n && s.charAt(i) != '\n') i++; continue; }
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) if (s.charAt(k) == '\n') { line++; lineStart = k + 1; }
                i = stop;
                continue;
            }
            if (c == '{') {
                open.push(new int[] {line, indent(s, lineStart)});
            } else if (c == '}' && !open.isEmpty()) {
                int[] opened = open.pop();
                boolean firstOnLine = s.substring(lineStart, i).isBlank();
                if (misclosed < 0 && firstOnLine && indent(s, lineStart) < opened[1]) misclosed = opened[0];
            }
            i++;
        }
        if (open.isEmpty()) return -1;
        return misclosed > 0 ? misclosed : open.peek()[0];
    }

    private static int indent(String s, int lineStart) {
        int k = lineStart;
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) k++;
        return k - lineStart;
    }
}
