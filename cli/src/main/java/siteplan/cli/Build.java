package siteplan.cli;

import groovy.lang.GroovySystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What this siteplan is: its version, the git commit it was built from (null when the build had no git checkout,
 * e.g. from a source archive), whether that checkout had uncommitted changes, and the Java runtime it runs on.
 * The build writes siteplan-version.properties (cli/pom.xml); `siteplan version` and `--version` print it.
 */
record Build(String version, String commit, boolean modified, String java, String groovy) {
    static Build current() {
        Properties p = new Properties();
        try (InputStream in = Build.class.getResourceAsStream("/siteplan-version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String commit = p.getProperty("commit", "").trim();
        // An unfiltered resource (a build that skipped Maven's filtering) names no commit.
        if (commit.isEmpty() || commit.startsWith("${")) commit = null;
        return new Build(p.getProperty("version", "unknown"), commit, "true".equals(p.getProperty("commit.modified")),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ")", GroovySystem.getVersion());
    }

    /** The lines `siteplan version` prints. */
    String[] lines() {
        String built = commit == null ? "commit unknown (built outside a git checkout)"
                : "commit " + commit + (modified ? " with uncommitted changes" : "");
        return new String[] {"siteplan " + version, built, "Java " + java, "Groovy " + groovy};
    }

    /** The same as JSON fields, for scripts: commit is null when unknown. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("commit", commit);
        m.put("commit_modified", modified);
        m.put("java", System.getProperty("java.version"));
        m.put("java_vendor", System.getProperty("java.vendor"));
        m.put("groovy", groovy);
        return m;
    }
}
