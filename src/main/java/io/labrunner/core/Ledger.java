package io.labrunner.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
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
            // A ledger a newer Lab Runner wrote is still cleaned by this one.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule().addSerializer(ResourceKind.class, new KindById())
                    .addDeserializer(ResourceKind.class, new KindFromId()));

    /** Where an entry's resource stands. */
    public enum State { PENDING, CREATED, DELETED }

    /** One line of the ledger; the file names the kind by its {@link ResourceKind#id()}. */
    public record Entry(ResourceKind type, String id, State state) {
        Resource resource() {
            return new Resource(type, id);
        }
    }

    /**
     * The persisted form of a run. {@code location} is null in ledgers written before it was
     * recorded: where those runs were made is unknown.
     */
    public record RunRecord(String runId, String labId, String target, Location location, Instant startedAt,
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

    /**
     * Starts the ledger of a new run made at {@code where} and writes it to {@code runsDir/<runId>.json}.
     */
    public static Ledger create(Path runsDir, String runId, String labId, Location where, Instant now, Instant expiresAt) {
        Ledger ledger = new Ledger(runsDir.resolve(runId + ".json"),
                new RunRecord(runId, labId, where.target(), where, now, expiresAt, List.of()));
        ledger.save();
        return ledger;
    }

    /** Reads a ledger; a file that is not a whole ledger is a {@link LabException} naming it. */
    public static Ledger load(Path file) {
        return load(file, ResourceKinds.standard());
    }

    /** Reads a ledger whose entries are of these kinds. */
    public static Ledger load(Path file, ResourceKinds kinds) {
        RunRecord record;
        try {
            record = JSON.readerFor(RunRecord.class).withAttribute(ResourceKinds.class, kinds).readValue(file.toFile());
        } catch (JsonMappingException e) {
            throw unreadable(file, "a field is missing or holds what this Lab Runner does not know: " + fieldPath(e), e);
        } catch (JsonProcessingException e) {
            throw unreadable(file, "not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", ""), e);
        } catch (IOException e) {
            throw unreadable(file, e.getMessage(), e);
        }
        if (record == null || record.runId() == null || record.labId() == null || record.target() == null
                || record.startedAt() == null || record.entries() == null
                || record.entries().stream().anyMatch(e -> e == null || e.type() == null || e.id() == null || e.state() == null)) {
            throw unreadable(file, "a run id, lab, target, start time or resource entry is missing", null);
        }
        return new Ledger(file, record);
    }

    /** Where in the ledger a field is wrong, e.g. {@code entries[0].type}: no class names, unlike Jackson's own. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the whole" : path.toString();
    }

    private static LabException unreadable(Path file, String why, Exception cause) {
        return new LabException("Cannot read the run ledger " + file.getFileName() + ": " + why, cause);
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

    /** Where the run's resources live; null when an older Lab Runner wrote the ledger. */
    public Location location() {
        return header.location();
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

    /**
     * Moves the ledger out of the way as {@code <file>.<suffix>} (never over an earlier one), so that
     * no command reads it again but it is still there to look at. Returns the new file.
     */
    public synchronized Path setAside(String suffix) {
        return setAside(file, suffix);
    }

    /** {@link #setAside(String)} for a file that may not even be a ledger. */
    public static Path setAside(Path file, String suffix) {
        Path target = file.resolveSibling(file.getFileName() + "." + suffix);
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(file.getFileName() + "." + suffix + "-" + n);
        }
        try {
            return Files.move(file, target);
        } catch (IOException e) {
            throw new LabException("Cannot move the run ledger " + file.getFileName() + " aside: " + e.getMessage(), e);
        }
    }

    private void set(Resource resource, State state) {
        Entry updated = new Entry(resource.kind(), resource.id(), state);
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.type().equals(resource.kind()) && entry.id().equals(resource.id())) {
                entries.set(i, updated);
                save();
                return;
            }
        }
        entries.add(updated);
        save();
    }

    private void save() {
        RunRecord record = new RunRecord(header.runId(), header.labId(), header.target(), header.location(),
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

    /** A kind as the ledger file names it: its id, e.g. {@code S3_BUCKET}. */
    private static final class KindById extends JsonSerializer<ResourceKind> {
        @Override
        public void serialize(ResourceKind kind, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(kind.id());
        }
    }

    /** The kind a ledger file names, among those the reader was given; another is a mapping error. */
    private static final class KindFromId extends JsonDeserializer<ResourceKind> {
        @Override
        public ResourceKind deserialize(JsonParser json, DeserializationContext context) throws IOException {
            Object given = context.getAttribute(ResourceKinds.class);
            ResourceKinds kinds = given instanceof ResourceKinds k ? k : ResourceKinds.standard();
            String id = json.getValueAsString();
            return kinds.byId(id).orElseThrow(() -> context.weirdStringException(id, ResourceKind.class,
                    "not a kind of resource this Lab Runner knows"));
        }
    }
}
