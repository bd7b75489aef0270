package io.labrunner.core;

import java.util.Map;

/**
 * Puts the run's tags ({@code lab:run-id}, {@code lab:lab}, {@code lab:expires-at}) on a resource
 * right after it is created, so that {@code lab sweep} finds it even without the ledger.
 */
@FunctionalInterface
public interface ResourceTagger {

    /** Tags nothing: emulator targets, where the ledger and the name prefix are enough. */
    ResourceTagger NONE = (resource, tags) -> { };

    void tag(Resource resource, Map<String, String> tags);
}
