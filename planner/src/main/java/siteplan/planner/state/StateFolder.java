package siteplan.planner.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The rule for every file siteplan reads or writes in a state folder (state.json, estate-id, clock.json,
 * faults.json, operations.log, history): the state folder beside a definition comes with the definition,
 * and a definition may come from an untrusted change. So such a file must not be a symbolic link and
 * must really lie in the folder: a link there would make siteplan read a host file (and show it in an
 * error) or write outside. Files are opened without following links, so a link put there between the
 * check and the read is not followed either.
 */
public final class StateFolder {
    private StateFolder() {}

    /** Refused state-folder content: a user error (exit 1), never an internal one. */
    public static final class Unsafe extends RuntimeException {
        public Unsafe(String message) {
            super(message);
        }
    }

    /**
     * Checks a state folder that siteplan found by itself beside a definition (or in the working directory):
     * it must be a real folder, not a link, and its real path must lie in its parent's.
     */
    public static void checkFolder(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            throw new Unsafe("the state folder " + dir + " is a symbolic link; siteplan only uses a real folder there, so it never reads or writes"
                    + " files outside the definition: replace the link with a folder (or pass --state DIR). Nothing was read or changed.");
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unsafe("the state folder " + dir + " is not a folder; move it aside (or pass --state DIR). Nothing was read or changed.");
        }
        Path parent = abs.getParent();
        try {
            if (parent != null && !abs.toRealPath().startsWith(parent.toRealPath())) {
                throw new Unsafe("the state folder " + dir + " leads outside " + parent + "; replace it with a real folder. Nothing was read or changed.");
            }
        } catch (IOException e) {
            throw new Unsafe("the state folder " + dir + " cannot be resolved (" + e.getMessage() + "). Nothing was read or changed.");
        }
    }

    /**
     * The file NAME in stateDir, checked: when it exists it must be a regular file (or, for a folder such
     * as history, a folder) that is not a symbolic link and really lies in stateDir.
     */
    public static Path entry(Path stateDir, String name) {
        Path f = stateDir.resolve(name);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) return f;
        if (Files.isSymbolicLink(f)) {
            throw new Unsafe(f + " is a symbolic link; siteplan never follows links in the state folder, so it cannot be made to read or write"
                    + " other files: replace it with the file itself, or remove it. Nothing was read or changed.");
        }
        try {
            Path real = f.toRealPath();
            Path dir = stateDir.toRealPath();
            if (!dir.equals(real.getParent())) {
                throw new Unsafe(f + " does not lie in the state folder " + stateDir + " (it is " + real + "); replace it with a real file. Nothing was read or changed.");
            }
        } catch (IOException e) {
            throw new Unsafe(f + " cannot be resolved (" + e.getMessage() + "). Nothing was read or changed.");
        }
        return f;
    }

    /** True when NAME exists in stateDir as a regular file (a link is never one: see {@link #entry}). */
    public static boolean isFile(Path stateDir, String name) {
        return Files.isRegularFile(entry(stateDir, name), LinkOption.NOFOLLOW_LINKS);
    }

    /** Reads NAME in stateDir without following a link, after {@link #entry}; NoSuchFileException when it is not there. */
    public static byte[] read(Path stateDir, String name) throws IOException {
        Path f = entry(stateDir, name);
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unsafe(f + " is not a regular file; remove it or replace it with the file siteplan wrote there. Nothing was read or changed.");
        }
        try (var ch = Files.newByteChannel(f, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS); InputStream in = Channels.newInputStream(ch)) {
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw e;
        } catch (java.nio.file.FileSystemException e) {
            // O_NOFOLLOW on a link swapped in after the check: ELOOP
            if (Files.isSymbolicLink(f)) throw new Unsafe(f + " is a symbolic link; siteplan never follows links in the state folder. Nothing was read or changed.");
            throw e;
        }
    }

    /**
     * Where a JSON file in the state folder went wrong, without quoting it: a parser's message shows the
     * token it stopped at, and if the file were a host file that would be its first secret.
     */
    public static String where(com.fasterxml.jackson.core.JsonProcessingException e) {
        var loc = e.getLocation();
        String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String what = e instanceof com.fasterxml.jackson.core.JsonParseException ? "is not valid JSON" : "does not have the expected fields and values";
        return what + at;
    }
}
