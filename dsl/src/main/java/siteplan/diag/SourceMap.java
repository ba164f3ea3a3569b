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
    private final Map<String, List<Location>> places = new TreeMap<>();

    public synchronized void add(String key, Location location) {
        places.computeIfAbsent(key, k -> new ArrayList<>(1)).add(location);
    }

    public synchronized List<Location> all(String key) {
        return List.copyOf(places.getOrDefault(key, List.of()));
    }

    /** The first place the key was declared, or the nearest enclosing key's place, or UNKNOWN. */
    public synchronized Location at(String key) {
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
        other.places.forEach((k, v) -> places.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }

    public static String key(String kind, String name) { return kind + ":" + name; }
}
