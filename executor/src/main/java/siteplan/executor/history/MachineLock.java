package siteplan.executor.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The estate's lock on this machine: an operating-system lock on a file named after the estate's
 * identity in one folder every siteplan on the machine uses, whatever its flags, working directory,
 * state folder or history. The kernel releases it when the process ends, however it ends, so it never
 * needs forcing. The file holds who took it, for the message of the run that finds it taken.
 */
final class MachineLock {
    private final FileChannel channel;
    private final FileLock lock;

    private MachineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** SITEPLAN_LOCK_DIR, else siteplan-locks in the system's temporary folder (shared by every user of the machine). */
    static Path dir(Map<String, String> env) {
        String d = env == null ? null : env.get("SITEPLAN_LOCK_DIR");
        return d != null && !d.isBlank() ? Path.of(d) : Path.of(System.getProperty("java.io.tmpdir"), "siteplan-locks");
    }

    /** Takes the lock and writes the holder's description into it; empty when another process (or run in this one) holds it. */
    static Optional<MachineLock> tryAcquire(Path dir, String key, String description) throws IOException {
        Path file = file(dir, key);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            widen(file);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                l = null;
            }
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(description.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return Optional.of(new MachineLock(ch, l));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** What the holder wrote; it may not have written yet when it has just taken the lock, so this waits a moment for it. */
    static String holder(Path dir, String key) throws IOException {
        Path file = file(dir, key);
        for (int i = 0; i < 40; i++) {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            if (!s.isBlank()) return s;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "";
    }

    void release() {
        try {
            lock.release();
        } catch (IOException | RuntimeException ignored) {
            // closing the channel releases it as well
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the kernel drops the lock with the descriptor
        }
    }

    private static Path file(Path dir, String key) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(dir);
                // Every user's runs of an estate must meet here: world-writable with the sticky bit, like /tmp.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
                new ProcessBuilder("chmod", "+t", dir.toString()).start().waitFor();
            } catch (UnsupportedOperationException | InterruptedException ignored) {
                // not POSIX, or interrupted: the folder works for this user
            } catch (IOException e) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw e;
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new IOException("the lock folder " + dir + " is not a folder (a link is not followed)");
        return dir.resolve(key + ".lock");
    }

    private static void widen(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // another user's file: it is already as wide as its creator made it
        }
    }
}
