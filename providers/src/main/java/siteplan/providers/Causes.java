package siteplan.providers;

/** What went wrong underneath: SDKs wrap the one cause a user can act on (a refused certificate, a closed port) several times over. */
public final class Causes {
    private Causes() {}

    /** The innermost cause's message, or its type when it has none. */
    public static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
