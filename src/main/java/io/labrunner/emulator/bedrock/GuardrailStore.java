package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The guardrails of one emulator, in creation order, loaded from and written through to the state store.
 * Every access runs under the store's lock ({@link #locked}); model invocations never take it.
 */
final class GuardrailStore {
    private final Map<String, Guardrail> guardrails = new LinkedHashMap<>();
    private final StateMap<Guardrail.Stored> stored;

    GuardrailStore(StateStore state) {
        this.stored = state.map("bedrock.guardrails", Guardrail.Stored.class);
        stored.values().stream().map(Guardrail::restored)
                .sorted(Comparator.comparing((Guardrail g) -> g.draft().createdAt()))
                .forEach(g -> guardrails.put(g.id(), g));
    }

    /** Runs {@code work} under the store's lock. */
    synchronized <T> T locked(Supplier<T> work) {
        return work.get();
    }

    boolean nameTaken(String name) {
        return guardrails.values().stream().anyMatch(g -> g.draft().config().name().equals(name));
    }

    /** Adds a new guardrail, or writes a changed one through. */
    void save(Guardrail guardrail) {
        guardrails.put(guardrail.id(), guardrail);
        stored.put(guardrail.id(), guardrail.stored());
    }

    void remove(Guardrail guardrail) {
        guardrails.remove(guardrail.id());
        stored.remove(guardrail.id());
    }

    List<Guardrail> all() {
        return new ArrayList<>(guardrails.values());
    }

    /** The guardrail an identifier names: its id, or its ARN. */
    Guardrail find(String identifier) {
        String id = identifier.contains("guardrail/")
                ? identifier.substring(identifier.lastIndexOf('/') + 1) : identifier;
        return Optional.ofNullable(guardrails.get(id)).orElseThrow(GuardrailStore::notFound);
    }

    /** A version of {@code guardrail}: {@code DRAFT} (or none), or a published number. */
    static Guardrail.Version version(Guardrail guardrail, String version) {
        return guardrail.version(version).orElseThrow(GuardrailStore::notFound);
    }

    static AwsException notFound() {
        return new AwsException("ResourceNotFoundException",
                "The specified guardrail or guardrail version was not found.", 404);
    }
}
