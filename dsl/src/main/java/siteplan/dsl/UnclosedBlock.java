package siteplan.dsl;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a block that is never closed was opened. Groovy's parser notices a missing } only at the end
 * of the file, so its error points past the last line; the line the user must fix is where the block
 * began. Braces are matched as written (text in strings and comments skipped: {@link GroovyScanner});
 * a } indented less than the line that opened the block it closes is taken to close an outer block, so
 * the inner one is the block left open.
 */
public final class UnclosedBlock {
    private UnclosedBlock() {}

    /** The line of the { most likely left unclosed, or -1 when every { in the text is closed. */
    public static int line(String s) {
        Deque<int[]> open = new ArrayDeque<>(); // {line, indent of that line}
        int misclosed = -1;
        int lineStart = 0;
        for (GroovyScanner.Token t : GroovyScanner.scan(s)) {
            switch (t.kind()) {
                case NEWLINE -> lineStart = t.end();
                case STRING, COMMENT -> {
                    int nl = s.lastIndexOf('\n', t.end() - 1);
                    if (nl >= t.start()) lineStart = nl + 1;
                }
                case OPEN -> {
                    if (t.bracket(s) == '{') open.push(new int[] {t.line(), indent(s, lineStart)});
                }
                case CLOSE -> {
                    if (t.bracket(s) == '}' && !open.isEmpty()) {
                        int[] opened = open.pop();
                        boolean firstOnLine = s.substring(lineStart, t.start()).isBlank();
                        if (misclosed < 0 && firstOnLine && indent(s, lineStart) < opened[1]) misclosed = opened[0];
                    }
                }
                case CODE -> { }
            }
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
