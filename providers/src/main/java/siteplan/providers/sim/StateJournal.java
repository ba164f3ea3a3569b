package siteplan.providers.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import siteplan.model.json.ModelJson;
import siteplan.planner.state.AzureSubscription;
import siteplan.planner.state.DiscoveredState;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.RecoveryVault;
import siteplan.planner.state.StateFolder;

/**
 * The simulated estate's write-ahead journal (state.journal beside state.json). An apply keeps the
 * estate in memory and appends, per change, only what changed (an Azure subscription list, a vault's
 * settings, one protected item, one job) as a line of JSON, synced before the operation is reported
 * done; the whole state file is written once, when the operations close, and the journal is then
 * removed. Whoever reads the estate reads state.json and replays the journal over it, so an apply
 * killed with -9 leaves an estate the next run reads with every change it made. Replaying is
 * idempotent (each entry says how a thing now is), so a journal left beside a newer state.json (a
 * kill between writing the one and removing the other) changes nothing; a torn last line (a kill
 * during the write) was never reported done and is skipped.
 */
final class StateJournal {
    static final String FILE = "state.journal";
    /** Jobs a vault keeps, as the simulated operations trim them. */
    static final int JOBS_KEPT = 500;

    private static final ObjectMapper JSON = ModelJson.JSON.copy()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** One change: exactly one of azure, vault (its settings, without items and jobs), item, removed or job; target names the vault. */
    record Entry(List<AzureSubscription> azure, RecoveryVault vault, String target, ProtectedItem item, String removed, RecoveryVault.Job job) {
        static Entry azure(List<AzureSubscription> a) {
            return new Entry(a, null, null, null, null, null);
        }

        static Entry vault(RecoveryVault v) {
            return new Entry(null, v.withItems(List.of(), List.of()), v.target(), null, null, null);
        }

        static Entry item(String target, ProtectedItem p) {
            return new Entry(null, null, target, p, null, null);
        }

        static Entry removed(String target, String machine) {
            return new Entry(null, null, target, null, machine, null);
        }

        static Entry job(String target, RecoveryVault.Job j) {
            return new Entry(null, null, target, null, null, j);
        }
    }

    private StateJournal() {}

    /** What changed from before to after, as journal entries (nothing when after is before). */
    static List<Entry> changes(DiscoveredState before, DiscoveredState after) {
        List<Entry> out = new ArrayList<>();
        if (before == after) return out;
        if (before.azure() != after.azure() && !before.azure().equals(after.azure())) out.add(Entry.azure(after.azure()));
        Map<String, RecoveryVault> old = new LinkedHashMap<>();
        before.vaults().forEach(v -> old.put(v.target(), v));
        for (RecoveryVault v : after.vaults()) {
            RecoveryVault o = old.get(v.target());
            if (o == v) continue;
            if (o == null || !sameSettings(o, v)) out.add(Entry.vault(v));
            if (o == null || o.protectedItems() != v.protectedItems()) {
                Set<ProtectedItem> had = identitySet(o == null ? List.of() : o.protectedItems());
                for (ProtectedItem p : v.protectedItems()) if (!had.contains(p)) out.add(Entry.item(v.target(), p));
                if (o != null) {
                    Set<String> now = new HashSet<>();
                    v.protectedItems().forEach(p -> now.add(p.machine()));
                    for (ProtectedItem p : o.protectedItems()) if (!now.contains(p.machine())) out.add(Entry.removed(v.target(), p.machine()));
                }
            }
            if (o == null || o.jobs() != v.jobs()) {
                Set<RecoveryVault.Job> had = identitySet(o == null ? List.of() : o.jobs());
                for (RecoveryVault.Job j : v.jobs()) if (!had.contains(j)) out.add(Entry.job(v.target(), j));
            }
        }
        return out;
    }

    private static boolean sameSettings(RecoveryVault a, RecoveryVault b) {
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.region(), b.region()) && a.fabrics().equals(b.fabrics())
                && a.policies().equals(b.policies()) && a.networkMappings().equals(b.networkMappings())
                && a.storageMappings().equals(b.storageMappings()) && a.recoveryPlans().equals(b.recoveryPlans());
    }

    private static <T> Set<T> identitySet(List<T> l) {
        Set<T> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(l);
        return s;
    }

    /** Appends the entries and syncs them to disk: once this returns, they survive a kill. */
    static void append(Path stateDir, List<Entry> entries) throws IOException {
        if (entries.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) sb.append(JSON.writeValueAsString(e)).append('\n');
        Path f = StateFolder.entry(stateDir, FILE);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) ch.write(b);
            ch.force(false);
        }
    }

    /** Removes the journal once state.json holds everything in it. */
    static void clear(Path stateDir) throws IOException {
        Files.deleteIfExists(StateFolder.entry(stateDir, FILE));
    }

    /** The journal's bytes, or null when there is none. */
    static byte[] read(Path stateDir) throws IOException {
        if (!StateFolder.isFile(stateDir, FILE)) return null;
        return StateFolder.read(stateDir, FILE);
    }

    /** The state with the journal's entries applied in order; a torn last line is skipped. */
    static DiscoveredState replay(DiscoveredState base, byte[] journal) throws IOException {
        if (journal == null || journal.length == 0) return base;
        List<AzureSubscription> azure = base.azure();
        Map<String, RecoveryVault> settings = new LinkedHashMap<>();
        Map<String, LinkedHashMap<String, ProtectedItem>> items = new LinkedHashMap<>();
        Map<String, LinkedHashMap<String, RecoveryVault.Job>> jobs = new LinkedHashMap<>();
        for (RecoveryVault v : base.vaults()) {
            settings.put(v.target(), v);
            LinkedHashMap<String, ProtectedItem> is = new LinkedHashMap<>();
            v.protectedItems().forEach(p -> is.put(p.machine(), p));
            items.put(v.target(), is);
            LinkedHashMap<String, RecoveryVault.Job> js = new LinkedHashMap<>();
            v.jobs().forEach(j -> js.put(j.id(), j));
            jobs.put(v.target(), js);
        }
        String text = new String(journal, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            Entry e;
            try {
                e = JSON.readValue(line, Entry.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException torn) {
                if (i == lines.length - 1) break; // the last line, cut off by a kill: never reported done
                throw torn;
            }
            if (e.azure() != null) {
                azure = e.azure();
            } else if (e.vault() != null) {
                settings.put(e.target(), e.vault());
                items.computeIfAbsent(e.target(), t -> new LinkedHashMap<>());
                jobs.computeIfAbsent(e.target(), t -> new LinkedHashMap<>());
            } else if (e.item() != null) {
                LinkedHashMap<String, ProtectedItem> is = items.computeIfAbsent(e.target(), t -> new LinkedHashMap<>());
                is.remove(e.item().machine()); // put last, as the operations do
                is.put(e.item().machine(), e.item());
            } else if (e.removed() != null) {
                items.computeIfAbsent(e.target(), t -> new LinkedHashMap<>()).remove(e.removed());
            } else if (e.job() != null) {
                LinkedHashMap<String, RecoveryVault.Job> js = jobs.computeIfAbsent(e.target(), t -> new LinkedHashMap<>());
                js.put(e.job().id(), e.job());
                while (js.size() > JOBS_KEPT) js.remove(js.keySet().iterator().next());
            }
        }
        List<RecoveryVault> vaults = new ArrayList<>();
        for (var s : settings.entrySet()) {
            vaults.add(s.getValue().withItems(List.copyOf(items.get(s.getKey()).values()), List.copyOf(jobs.get(s.getKey()).values())));
        }
        return new DiscoveredState(base.vcenters(), base.vmms(), azure, vaults);
    }
}
