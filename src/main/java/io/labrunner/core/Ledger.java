package io.labrunner.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every resource a run created, persisted after each change so that a later invocation — or the
 * cleanup after a crash — knows what to delete. A resource is recorded before it is created and
 * confirmed after, so one whose creation was interrupted is still deleted (deleting what does not
 * exist is a no-op).
 */
public final class Ledger {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Where an entry's resource stands. */
    public enum State { PENDING, CREATED, DELETED }

    /** One line of the ledger. */
    public record Entry(ResourceType type, String id, State state) {
        Resource resource() {
            return new Resource(type, id);
        }
    }

    /** The persisted form of a run. */
    public record RunRecord(String runId, String labId, String target, Instant startedAt,
                            Instant expiresAt, List<Entry> entries) {
    }

    private final Path file;
    private final RunRecord header;
    private final List<Entry> entries;

    private Ledger(Path file, RunRecord record) {
        this.file = file;
        this.header = record;
        this.entries = new ArrayList<>(record.entries());
    }

    /** Starts the ledger of a new run and writes it to {@code runsDir/<runId>.json}. */
    public static Ledger create(Path runsDir, String runId, String labId, String target, Instant now, Instant expiresAt) {
        Ledger ledger = new Ledger(runsDir.resolve(runId + ".json"),
                new RunRecord(runId, labId, target, now, expiresAt, List.of()));
        ledger.save();
        return ledger;
    }

    public static Ledger load(Path file) {
        try {
            return new Ledger(file, JSON.readValue(file.toFile(), RunRecord.class));
        } catch (IOException e) {
            throw new LabException("Cannot read the run ledger " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public String runId() {
        return header.runId();
    }

    public String labId() {
        return header.labId();
    }

    public String target() {
        return header.target();
    }

    public Instant startedAt() {
        return header.startedAt();
    }

    public Instant expiresAt() {
        return header.expiresAt();
    }

    public synchronized void recordPending(Resource resource) {
        set(resource, State.PENDING);
    }

    public synchronized void confirmCreated(Resource resource) {
        set(resource, State.CREATED);
    }

    public synchronized void markDeleted(Resource resource) {
        set(resource, State.DELETED);
    }

    /** Resources that may still exist, newest first: the order to delete them in. */
    public synchronized List<Resource> remaining() {
        List<Resource> left = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.state() != State.DELETED) {
                left.add(entry.resource());
            }
        }
        Collections.reverse(left);
        return left;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Removes the ledger file once nothing of the run is left. */
    public synchronized void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    private void set(Resource resource, State state) {
        Entry updated = new Entry(resource.type(), resource.id(), state);
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.type() == resource.type() && entry.id().equals(resource.id())) {
                entries.set(i, updated);
                save();
                return;
            }
        }
        entries.add(updated);
        save();
    }

    private void save() {
        RunRecord record = new RunRecord(header.runId(), header.labId(), header.target(),
                header.startedAt(), header.expiresAt(), List.copyOf(entries));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), record);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LabException("Cannot write the run ledger in " + file.getParent() + ": " + e.getMessage(), e);
        }
    }
}
