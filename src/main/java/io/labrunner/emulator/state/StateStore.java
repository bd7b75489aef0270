package io.labrunner.emulator.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.labrunner.emulator.Json;
import java.nio.file.Path;
import java.util.Objects;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The one file the emulator's services keep their state in (see the package documentation for why
 * MVStore). Thread-safe: maps may be written from any thread; {@link #commit()} makes every change so
 * far durable at once.
 */
public final class StateStore implements AutoCloseable {
    /** The state file's name inside the data directory's {@code state} folder. */
    public static final String FILE_NAME = "emulator.mv.db";
    /** How soon a change made outside a request (a crawl finishing) is committed by the store itself. */
    public static final int BACKGROUND_COMMIT_MILLIS = 200;

    /** Values are JSON; timestamps as ISO-8601 text so that a state file can be read by eye. */
    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    /** Null for a store that keeps nothing. */
    private final MVStore store;

    private StateStore(MVStore store) {
        this.store = store;
        if (store != null) {
            store.setAutoCommitDelay(BACKGROUND_COMMIT_MILLIS);
        }
    }

    /**
     * Opens (or creates) the state file in {@code folder}.
     *
     * @throws IllegalStateException when the file is locked by another process or unreadable
     */
    public static StateStore open(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        return new StateStore(new MVStore.Builder().fileName(file.toString()).open());
    }

    /**
     * A store held in memory only: maps read back what was written, nothing reaches a disk. For an emulator
     * whose data folder is temporary, where a file would cost a write per request and be deleted at stop anyway.
     */
    public static StateStore inMemory() {
        return new StateStore(new MVStore.Builder().open());
    }

    /**
     * A store that keeps nothing: its maps start empty and ignore writes. For services constructed on
     * their own (unit tests, benchmarks), whose state lives in their own objects as before.
     */
    public static StateStore none() {
        return new StateStore(null);
    }

    /** The map named {@code name} (created empty if new), holding values of {@code type}. */
    public <V> StateMap<V> map(String name, Class<V> type) {
        Objects.requireNonNull(name);
        MVMap<String, byte[]> map = store == null ? null : store.openMap(name);
        return new StateMap<>(this, map, MAPPER.readerFor(type), MAPPER.writerFor(type));
    }

    /** Makes every change so far durable: a process killed after this returns keeps them. */
    public void commit() {
        if (store != null && !store.isClosed() && store.hasUnsavedChanges()) {
            store.commit();
        }
    }

    /** Commits and closes the file. Safe to call twice. */
    @Override
    public void close() {
        if (store != null && !store.isClosed()) {
            store.commit();
            // No compaction on the way out: it would delay every stop for a file that stays small.
            store.close(0);
        }
    }
}
