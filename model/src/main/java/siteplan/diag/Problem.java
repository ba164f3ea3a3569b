package siteplan.diag;

/** One thing wrong with a definition, phrased for the person who wrote it: where, what, and what to do. */
public record Problem(Location location, String message) implements Comparable<Problem> {
    /** The longest message kept whole: a message quoting a huge value keeps its start and end, never the whole value. */
    static final int MAX_MESSAGE = 2000;

    public Problem {
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, 1000) + " … (" + (message.length() - 1200) + " characters left out) … " + message.substring(message.length() - 200);
        }
    }

    public String render() {
        String where = location.toString();
        return siteplan.text.Printable.of(where.isEmpty() ? message : where + " " + message);
    }

    @Override public int compareTo(Problem o) {
        int c = String.valueOf(location.file()).compareTo(String.valueOf(o.location.file()));
        if (c != 0) return c;
        c = Integer.compare(location.line(), o.location.line());
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override public String toString() { return render(); }
}
