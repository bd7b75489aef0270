package io.labrunner.emulator.glue;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags of Glue's databases, tables and crawlers, keyed by the resource part of their ARN
 * ({@code database/sales}, {@code table/sales/orders}, {@code crawler/nightly}) and written through to the state
 * store. Each entry remembers when the resource it was put on was created, so a resource dropped (by Glue, by
 * Athena's DDL, by a crawler) and created again under the same name starts without its predecessor's tags.
 */
final class GlueTags {
    /** Tags as stored, with the creation time of the resource that carries them. */
    record Stored(Instant resourceCreated, Map<String, String> tags) {
    }

    private final StateMap<Stored> stored;
    private final Map<String, Stored> byResource = new HashMap<>();

    GlueTags(StateStore state) {
        this.stored = state.map("glue.tags", Stored.class);
        byResource.putAll(stored.entries());
    }

    /** The resource's tags, empty when it has none. */
    synchronized Map<String, String> of(String resource, Instant created) {
        Stored s = byResource.get(resource);
        return s == null || !s.resourceCreated().equals(created) ? Map.of() : new TreeMap<>(s.tags());
    }

    synchronized void add(String resource, Instant created, Map<String, String> tags) {
        Map<String, String> merged = new LinkedHashMap<>(of(resource, created));
        merged.putAll(tags);
        put(resource, created, merged);
    }

    synchronized void remove(String resource, Instant created, Collection<String> keys) {
        Map<String, String> left = new LinkedHashMap<>(of(resource, created));
        if (left.keySet().removeAll(keys)) {
            put(resource, created, left);
        }
    }

    private void put(String resource, Instant created, Map<String, String> tags) {
        if (tags.isEmpty()) {
            byResource.remove(resource);
            stored.remove(resource);
            return;
        }
        Stored s = new Stored(created, Map.copyOf(tags));
        byResource.put(resource, s);
        stored.put(resource, s);
    }
}
