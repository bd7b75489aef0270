package io.labrunner.emulator.s3;

import io.labrunner.emulator.state.StateMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Each bucket's {@link BucketAttributes}, kept in the emulator's state so they survive a restart, read from memory.
 * A bucket created before these were kept is in the emulator's own region, with no tags and no CORS rules.
 */
final class BucketAttributesStore {
    private final StateMap<BucketAttributes> state;
    private final Map<String, BucketAttributes> attributes = new ConcurrentHashMap<>();
    private final String defaultRegion;

    BucketAttributesStore(StateMap<BucketAttributes> state, String defaultRegion) {
        this.state = state;
        this.defaultRegion = defaultRegion;
        attributes.putAll(state.entries());
    }

    BucketAttributes get(String bucket) {
        return attributes.getOrDefault(bucket, new BucketAttributes(defaultRegion, null, null));
    }

    /** Changes the bucket's attributes; concurrent changes to one bucket apply one after the other. */
    BucketAttributes update(String bucket, UnaryOperator<BucketAttributes> change) {
        BucketAttributes changed = attributes.compute(bucket, (b, old) -> change.apply(old == null ? get(b) : old));
        state.put(bucket, changed);
        return changed;
    }

    /** A bucket was just created in {@code region}, with {@code tags}. */
    void created(String bucket, String region, Map<String, String> tags) {
        update(bucket, old -> new BucketAttributes(region, tags, null));
    }

    /** A bucket was deleted: its attributes go with it. */
    void deleted(String bucket) {
        attributes.remove(bucket);
        state.remove(bucket);
    }
}
