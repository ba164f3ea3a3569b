package siteplan.executor.secrets;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import siteplan.model.SecretRef;

/**
 * Resolves credential references at the moment an operation needs them, never earlier:
 * {@code env('X')} reads the environment variable X; {@code secret('name')} reads
 * SITEPLAN_SECRET_NAME (upper case, other characters as _) or, if unset, the entry of the properties
 * file named by SITEPLAN_SECRETS_FILE. Values are never stored in a model, plan, log or history; every
 * value handed out is remembered only so {@link #redact(String)} can mask it should it ever reach text.
 */
public final class Secrets {
    private final Map<String, String> env;
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private volatile Properties store;

    public Secrets(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The value, or a {@link MissingSecret} that says which variable to set. */
    public String resolve(SecretRef ref, String neededFor) {
        String value = lookup(ref);
        if (value == null || value.isEmpty()) throw new MissingSecret(ref + " is needed to " + neededFor + " but is not set — " + howToSet(ref));
        if (value.length() >= 4) handedOut.add(value);
        return value;
    }

    /** True when the reference would resolve; the value is not kept. For checks before an apply starts. */
    public boolean present(SecretRef ref) {
        String v = lookup(ref);
        return v != null && !v.isEmpty();
    }

    public static String howToSet(SecretRef ref) {
        return ref.env() != null ? "export " + ref.env() + " in the environment siteplan runs in"
                : "export " + variable(ref.secret()) + ", or add '" + ref.secret() + "' to the properties file named by SITEPLAN_SECRETS_FILE";
    }

    public static String variable(String secretName) {
        return "SITEPLAN_SECRET_" + secretName.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private String lookup(SecretRef ref) {
        if (ref.env() != null) return env.get(ref.env());
        String v = env.get(variable(ref.secret()));
        if (v != null) return v;
        Properties p = store();
        return p == null ? null : p.getProperty(ref.secret());
    }

    private Properties store() {
        Properties p = store;
        if (p != null) return p;
        String file = env.get("SITEPLAN_SECRETS_FILE");
        if (file == null) return null;
        Properties loaded = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(file))) {
            loaded.load(r);
        } catch (IOException e) {
            throw new MissingSecret("cannot read the secret store " + file + " (SITEPLAN_SECRETS_FILE): " + e.getMessage());
        }
        store = loaded;
        return loaded;
    }

    /** Masks every value resolved so far: a last line of defence for text that leaves the process. */
    public String redact(String text) {
        if (text == null || handedOut.isEmpty()) return text;
        String out = text;
        for (String v : handedOut) out = out.replace(v, "********");
        return out;
    }

    /** A reference that does not resolve; the message says which variable to set. */
    public static final class MissingSecret extends RuntimeException {
        public MissingSecret(String message) {
            super(message, null, false, false);
        }
    }
}
