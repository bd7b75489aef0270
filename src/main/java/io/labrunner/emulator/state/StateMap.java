package io.labrunner.emulator.state;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.h2.mvstore.MVMap;

/**
 * One named map of a {@link StateStore}: string keys in sorted order, values of one type stored as
 * JSON. Writes are visible at once and durable at the store's next commit.
 *
 * @param <V> the value type (a record or another Jackson-serializable class)
 */
public final class StateMap<V> {
    private final StateStore store;
    /** Null when the store keeps nothing. */
    private final MVMap<String, byte[]> map;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    StateMap(StateStore store, MVMap<String, byte[]> map, ObjectReader reader, ObjectWriter writer) {
        this.store = store;
        this.map = map;
        this.reader = reader;
        this.writer = writer;
    }

    public void put(String key, V value) {
        if (map == null) {
            return;
        }
        try {
            map.put(key, writer.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key, e);
        }
    }

    public void remove(String key) {
        if (map != null) {
            map.remove(key);
        }
    }

    public Optional<V> get(String key) {
        byte[] bytes = map == null ? null : map.get(key);
        return bytes == null ? Optional.empty() : Optional.of(decode(key, bytes));
    }

    /**
     * Replaces the value under {@code key} with what {@code change} makes of it, writing only when it returns
     * another object; null when there is no value. Not atomic: callers that race hold their own lock.
     */
    public V update(String key, UnaryOperator<V> change) {
        Optional<V> current = get(key);
        if (current.isEmpty()) {
            return null;
        }
        V next = change.apply(current.get());
        if (next != current.get()) {
            put(key, next);
        }
        return next;
    }

    /** Every entry, in key order. */
    public Map<String, V> entries() {
        return entriesWithPrefix("");
    }

    /** Every value, in key order. */
    public List<V> values() {
        return new ArrayList<>(entries().values());
    }

    /** The entries whose key starts with {@code prefix}, in key order. */
    public Map<String, V> entriesWithPrefix(String prefix) {
        Map<String, V> out = new LinkedHashMap<>();
        if (map == null) {
            return out;
        }
        Iterator<String> keys = map.keyIterator(prefix.isEmpty() ? null : prefix);
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            byte[] bytes = map.get(key);
            if (bytes != null) {
                out.put(key, decode(key, bytes));
            }
        }
        return out;
    }

    /** Removes every entry whose key starts with {@code prefix}. */
    public void removePrefix(String prefix) {
        if (map == null) {
            return;
        }
        List<String> doomed = new ArrayList<>();
        Iterator<String> keys = map.keyIterator(prefix.isEmpty() ? null : prefix);
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            doomed.add(key);
        }
        doomed.forEach(map::remove);
    }

    /** Commits the whole store (for a change that must be durable before the caller goes on). */
    public void commit() {
        store.commit();
    }

    private V decode(String key, byte[] bytes) {
        try {
            return reader.readValue(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored state under " + key + " cannot be read", e);
        }
    }
}
