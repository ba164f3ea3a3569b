package siteplan.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each declared thing came from, by a key such as "machine:erp-db01" or
 * "machine:erp-db01/disk:d0". Kept beside the model, not in it, so that the same estate read from
 * Groovy and from YAML is one equal value. A key declared twice keeps both places, which is how
 * duplicates are reported with both lines.
 */
public final class SourceMap {
    // A hash map: estates declare hundreds of thousands of keys, and lookups need no order.
    private final Map<String, List<Location>> places = new java.util.HashMap<>();
    private java.util.function.Supplier<SourceMap> pending;

    /** A source map filled on first use: cached models read theirs only when a message needs a line. */
    public static SourceMap lazy(java.util.function.Supplier<SourceMap> loader) {
        SourceMap m = new SourceMap();
        m.pending = loader;
        return m;
    }

    private void fill() {
        if (pending != null) {
            java.util.function.Supplier<SourceMap> p = pending;
            pending = null;
            places.putAll(p.get().places);
        }
    }

    public synchronized void add(String key, Location location) {
        fill();
        places.computeIfAbsent(key, k -> new ArrayList<>(1)).add(location);
    }

    public synchronized List<Location> all(String key) {
        fill();
        return List.copyOf(places.getOrDefault(key, List.of()));
    }

    /** The first place the key was declared, or the nearest enclosing key's place, or UNKNOWN. */
    public synchronized Location at(String key) {
        fill();
        String k = key;
        while (true) {
            List<Location> l = places.get(k);
            if (l != null && !l.isEmpty()) return l.get(0);
            int slash = k.lastIndexOf('/');
            if (slash < 0) return Location.UNKNOWN;
            k = k.substring(0, slash);
        }
    }

    public synchronized void addAll(SourceMap other) {
        fill();
        other.fill();
        if (places.isEmpty()) {
            other.places.forEach((k, v) -> places.put(k, new ArrayList<>(v)));
            return;
        }
        other.places.forEach((k, v) -> places.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }

    /** Every key with its places, for caching. */
    public synchronized Map<String, List<Location>> entries() {
        fill();
        Map<String, List<Location>> copy = new TreeMap<>();
        places.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    public void add(siteplan.model.Address address, Location location) { add(address.toString(), location); }

    public List<Location> all(siteplan.model.Address address) { return all(address.toString()); }

    /** The first place the thing was declared, or its nearest enclosing thing's place, or UNKNOWN. */
    public Location at(siteplan.model.Address address) { return at(address.toString()); }

}
