package siteplan.dsl;

/**
 * Called by sandboxed code wherever a subscript's key is computed (`thing[key]`): the one way left to
 * reach a property by a name the compiler cannot see. Names that lead out of the sandbox are refused.
 */
public final class SandboxRuntime {
    private SandboxRuntime() {}

    /**
     * Inserted by the compiler before every statement of a definition: records where the definition is,
     * so DSL words learn their file and line without walking the stack (which costs more than the
     * word itself in a loop over thousands of machines).
     */
    public static void line(String scriptClass, int line) {
        Evaluation.current().mark(scriptClass, line);
    }

    /**
     * Every subscript read a definition makes (`thing[key]`): the key is checked, then Groovy's getAt
     * runs dynamically, whatever static compilation knows of the thing's type.
     */
    public static Object index(Object target, Object key) {
        return org.codehaus.groovy.runtime.InvokerHelper.invokeMethod(target, "getAt", key(key));
    }

    /** Generic so static compilation keeps the key's type (row[d] on a Map<String, …> stays a map lookup). */
    public static <T> T key(T key) {
        if (key instanceof CharSequence s && Sandbox.isDenied(s.toString())) {
            throw new SandboxViolation("'" + s + "' is not available in a site definition: definitions cannot use reflection or reach the machine");
        }
        return key;
    }

    /** A sandbox rule broken at run time; reported with the line, never with a stack trace. */
    public static final class SandboxViolation extends RuntimeException {
        public SandboxViolation(String message) {
            super(message); // the stack trace is kept: it carries the definition's line
        }
    }
}
