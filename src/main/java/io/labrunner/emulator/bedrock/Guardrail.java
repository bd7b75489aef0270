package io.labrunner.emulator.bedrock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One guardrail: its working DRAFT and the numbered versions snapshotted from it. Guarded by the store's lock. */
final class Guardrail {
    /** One version's policies and timestamps. */
    record Version(String version, String description, GuardrailConfig config, Instant createdAt, Instant updatedAt) {
    }

    static final String DRAFT = "DRAFT";

    private final String id;
    private final String arn;
    private final Version draft;
    private final List<Version> versions = new ArrayList<>();
    private int lastVersion;

    Guardrail(String id, String arn, GuardrailConfig config, Instant now) {
        this.id = id;
        this.arn = arn;
        this.draft = new Version(DRAFT, config.description(), config, now, now);
    }

    /** A guardrail as the state store keeps it. */
    record Stored(String id, String arn, Version draft, List<Version> versions, int lastVersion) {
    }

    private Guardrail(String id, String arn, Version draft) {
        this.id = id;
        this.arn = arn;
        this.draft = draft;
    }

    Stored stored() {
        return new Stored(id, arn, draft, List.copyOf(versions), lastVersion);
    }

    static Guardrail restored(Stored s) {
        Guardrail g = new Guardrail(s.id(), s.arn(), s.draft());
        g.versions.addAll(s.versions());
        g.lastVersion = s.lastVersion();
        return g;
    }

    String id() {
        return id;
    }

    String arn() {
        return arn;
    }

    Version draft() {
        return draft;
    }

    List<Version> versions() {
        return List.copyOf(versions);
    }

    /** Snapshots the DRAFT as the next numbered version; numbers are never reused. */
    Version snapshot(String description, Instant now) {
        lastVersion++;
        Version version = new Version(Integer.toString(lastVersion),
                description != null ? description : draft.description(), draft.config(), now, now);
        versions.add(version);
        return version;
    }

    Optional<Version> version(String version) {
        if (version == null || DRAFT.equals(version)) {
            return Optional.of(draft);
        }
        return versions.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    boolean removeVersion(String version) {
        return versions.removeIf(v -> v.version().equals(version));
    }
}
