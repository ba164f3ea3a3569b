package siteplan.text;

/**
 * Text from a definition (a name, a message a definition's value ends up in, a definition's own println) as it
 * may reach a terminal or a CI log: control characters shown as {@code \u001b}-style escapes, never sent. A name
 * holding ESC [ 2 J would otherwise clear the reviewer's screen, or forge lines such as "valid" in a CI log.
 * Line breaks and tabs stay: messages span lines on purpose.
 */
public final class Printable {
    private Printable() {}

    public static String of(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control) {
                if (out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** As {@link #of}, on one line (line breaks and tabs as spaces) and cut to {@code max} characters: a value shown in a table cell or a heading. */
    public static String line(String text, int max) {
        if (text == null) return null;
        String one = of(text.replace('\n', ' ').replace('\t', ' '));
        return one.length() <= max ? one : one.substring(0, Math.max(0, max - 1)) + "…";
    }
}
