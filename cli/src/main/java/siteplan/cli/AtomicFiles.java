package siteplan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Output files (export -o, plan -out, discover -o) that a reader never sees half-written. */
final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Writes beside the target and moves into place, so a reader never sees half a file. Only a regular
     * file (or none) is replaced that way: a device, a pipe or the like (/dev/stdout, /dev/full) is
     * written into, never replaced by a file, and a link is followed. Any failure leaves the target as
     * it was and is reported as a user error naming it.
     */
    static void write(Path target, String text) {
        write(target, text, false);
    }

    /** As {@link #write}, for a file rewritten in place (fmt): it keeps its permissions, not those of a new file. */
    static void rewrite(Path target, String text) {
        write(target, text, true);
    }

    private static void write(Path target, String text, boolean keepPermissions) {
        Path real = target;
        try {
            if (Files.isSymbolicLink(target)) real = target.toRealPath();
        } catch (IOException e) {
            throw new Siteplan.UserError("cannot write " + target + ": it is a link to " + e.getMessage() + ", which cannot be resolved; nothing was written");
        }
        if (Files.exists(real) && !Files.isRegularFile(real, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(real)) throw new Siteplan.UserError("cannot write " + target + ": it is a folder; name a file");
            try (var out = Files.newOutputStream(real, java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new Siteplan.UserError("cannot write " + target + " (" + reason(e) + "); it was left as it was");
            }
            return;
        }
        Path dir = real.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            // The nearest part of the path that exists says which mistake it is: a missing folder, or a file named as one.
            Path up = dir;
            while (up != null && !Files.exists(up)) up = up.getParent();
            if (up != null && !Files.isDirectory(up)) throw new Siteplan.UserError("cannot write " + target + ": " + up + " is a file, not a folder — name a file in a folder");
            throw new Siteplan.UserError("cannot write " + target + ": folder " + dir + " does not exist — create it first, or name a file in a folder that exists");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + real.getFileName(), ".tmp");
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                ch.force(true); // a full disk shows here, not after the move
            }
            if (keepPermissions && Files.exists(real)) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(real));
                } catch (UnsupportedOperationException notPosix) {
                    // no POSIX permissions to keep on this file system
                }
            }
            Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Siteplan.UserError("cannot write " + target + " (" + reason(e) + "); check that " + dir + " is writable and its disk is not full; "
                    + (Files.exists(real) ? "the file was left as it was" : "nothing was written"));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file's name starts with a dot; nothing reads it
                }
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
