package siteplan.providers.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import siteplan.model.Estate;
import siteplan.planner.provider.Provider;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.StateFiles;
import siteplan.planner.state.StateFolder;

/**
 * The embedded default: what "exists" is read from a state folder, in the same DiscoveredState form a
 * real provider returns. Deterministic, offline, no credentials.
 */
public final class SimulatedProvider implements Provider {
    private final Path stateDir;
    private String fingerprint;

    public SimulatedProvider(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** The SHA-256 of the state file as read: the same bytes give the same fingerprint, cheaply. */
    @Override public String fingerprint(DiscoveredState state) {
        return fingerprint != null ? fingerprint : Provider.super.fingerprint(state);
    }

    @Override public String describe() {
        return "simulated estate in " + stateDir;
    }

    private Path stateFile() {
        return stateDir.resolve(StateFiles.STATE_FILE);
    }

    private java.util.concurrent.CompletableFuture<DiscoveredState> prefetched;

    /** Reads, hashes and parses the state file on another thread while the definition is evaluated. */
    @Override public synchronized void prefetch() {
        if (prefetched == null && StateFolder.isFile(stateDir, StateFiles.STATE_FILE)) {
            prefetched = java.util.concurrent.CompletableFuture.supplyAsync(this::read);
        }
    }

    @Override public DiscoveredState discover(Estate scope) {
        java.util.concurrent.CompletableFuture<DiscoveredState> f;
        synchronized (this) {
            f = prefetched;
            prefetched = null;
        }
        if (f != null) {
            try {
                return f.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof DiscoveryException d) throw d;
                if (e.getCause() instanceof StateFolder.Unsafe u) throw u;
                throw e;
            }
        }
        return read();
    }

    private DiscoveredState read() {
        Path file = stateFile();
        if (!StateFolder.isFile(stateDir, StateFiles.STATE_FILE)) {
            throw new DiscoveryException("no simulated estate in " + stateDir + " — create one with: siteplan sim init PATH --state " + stateDir);
        }
        try {
            byte[] bytes = StateFolder.read(stateDir, StateFiles.STATE_FILE);
            byte[] journal = StateJournal.read(stateDir);
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            if (journal != null) sha.update(journal); // a killed apply's changes are part of what exists
            fingerprint = "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
            return StateJournal.replay(StateFiles.read(bytes), journal);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Where, never what: the parser's own message quotes the file, which may not be siteplan's.
            throw new DiscoveryException(file + " is not a simulated estate siteplan can read: it " + StateFolder.where(e)
                    + "; make it again with: siteplan sim init PATH --state " + stateDir);
        } catch (IOException e) {
            throw new DiscoveryException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
