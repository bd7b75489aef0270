package io.labrunner.emulator.cloudwatch;

import io.labrunner.emulator.state.StateMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Values held in memory by key and written through to a state-store map, from which they are loaded at start:
 * the store may keep nothing (a service on its own), the memory always holds the truth.
 */
final class Kept<V> {
    private final TreeMap<String, V> memory = new TreeMap<>();
    private final StateMap<V> stored;

    Kept(StateMap<V> stored) {
        this.stored = stored;
        memory.putAll(stored.entries());
    }

    Optional<V> get(String key) {
        return Optional.ofNullable(memory.get(key));
    }

    void put(String key, V value) {
        memory.put(key, value);
        stored.put(key, value);
    }

    void remove(String key) {
        memory.remove(key);
        stored.remove(key);
    }

    List<V> values() {
        return new ArrayList<>(memory.values());
    }

    int size() {
        return memory.size();
    }

    Map<String, V> entriesWithPrefix(String prefix) {
        return new TreeMap<>(memory.subMap(prefix, prefix + Character.MAX_VALUE));
    }

    void removePrefix(String prefix) {
        memory.subMap(prefix, prefix + Character.MAX_VALUE).clear();
        stored.removePrefix(prefix);
    }
}
