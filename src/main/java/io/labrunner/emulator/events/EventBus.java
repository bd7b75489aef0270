package io.labrunner.emulator.events;

import java.time.Instant;
import java.util.Map;

/** An event bus of one region: {@code default}, which always exists, or one made with CreateEventBus. */
record EventBus(String name, String arn, String region, String description, Instant created, Instant lastModified,
                Map<String, String> tags) {
    EventBus {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    EventBus withTags(Map<String, String> changed) {
        return new EventBus(name, arn, region, description, created, lastModified, changed);
    }
}
