package siteplan.planner.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import siteplan.model.Estate;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.StateFiles;

/**
 * The embedded default: what "exists" is read from a state folder, in the same DiscoveredState form a
 * real provider returns. Deterministic, offline, no credentials.
 */
public final class SimulatedProvider implements Provider {
    private final Path stateDir;

    public SimulatedProvider(Path stateDir) {
        this.stateDir = stateDir;
    }

    @Override public String describe() {
        return "simulated estate in " + stateDir;
    }

    public Path stateFile() {
        return stateDir.resolve(StateFiles.STATE_FILE);
    }

    @Override public DiscoveredState discover(Estate scope) {
        Path file = stateFile();
        if (!Files.isRegularFile(file)) {
            throw new DiscoveryException("no simulated estate in " + stateDir + " — create one with: siteplan sim init PATH --state " + stateDir);
        }
        try {
            return StateFiles.read(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DiscoveryException(file + " is not a simulated estate siteplan can read (line "
                    + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DiscoveryException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
