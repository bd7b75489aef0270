package io.labrunner.emulator.s3;

import io.labrunner.emulator.state.StateMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tags of each object version ({@code "null"} for an unversioned object), and of each multipart upload until
 * it completes, kept in the emulator's state and read from memory. A write sets its version's tags, none included,
 * so a version id that comes back ("null" is rewritten) never inherits the tags of what it replaced.
 */
final class ObjectTagStore {
    /** Stored as a record, as the state's maps store values. */
    record Tags(Map<String, String> tags) {
    }

    private static final String UPLOAD = "\u0000upload/";
    private final StateMap<Tags> state;
    /** By bucket, then by {@code versionId/key} (or an upload's id). */
    private final Map<String, Map<String, Map<String, String>>> byBucket = new ConcurrentHashMap<>();

    ObjectTagStore(StateMap<Tags> state) {
        this.state = state;
        state.entries().forEach((name, tags) -> {
            int slash = name.indexOf('/');
            byBucket.computeIfAbsent(name.substring(0, slash), b -> new ConcurrentHashMap<>())
                    .put(name.substring(slash + 1), tags.tags());
        });
    }

    /** True when some object of the bucket has tags: only then does a read look its version up. */
    boolean hasTags(String bucket) {
        Map<String, Map<String, String>> tags = byBucket.get(bucket);
        return tags != null && !tags.isEmpty();
    }

    Map<String, String> get(String bucket, String key, String versionId) {
        Map<String, Map<String, String>> tags = byBucket.get(bucket);
        Map<String, String> found = tags == null ? null : tags.get(versionId + "/" + key);
        return found == null ? Map.of() : found;
    }

    /** Sets the version's tags; none removes them. */
    void put(String bucket, String key, String versionId, Map<String, String> tags) {
        set(bucket, versionId + "/" + key, tags);
    }

    void putUpload(String bucket, String uploadId, Map<String, String> tags) {
        set(bucket, UPLOAD + uploadId, tags);
    }

    Map<String, String> upload(String bucket, String uploadId) {
        Map<String, Map<String, String>> tags = byBucket.get(bucket);
        Map<String, String> found = tags == null ? null : tags.get(UPLOAD + uploadId);
        return found == null ? Map.of() : found;
    }

    void removeUpload(String bucket, String uploadId) {
        set(bucket, UPLOAD + uploadId, Map.of());
    }

    /** A bucket was deleted: the tags of its objects go with it. */
    void deleted(String bucket) {
        Map<String, Map<String, String>> tags = byBucket.remove(bucket);
        if (tags != null) {
            tags.keySet().forEach(name -> state.remove(bucket + "/" + name));
        }
    }

    private void set(String bucket, String name, Map<String, String> tags) {
        Map<String, Map<String, String>> forBucket = byBucket.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>());
        if (tags.isEmpty()) {
            forBucket.remove(name);
            state.remove(bucket + "/" + name);
        } else {
            Map<String, String> copy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
            forBucket.put(name, copy);
            state.put(bucket + "/" + name, new Tags(copy));
        }
    }
}
