package io.labrunner.emulator.sagemaker.transform;

import io.labrunner.emulator.S3Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** S3 in memory, for tests: buckets of objects in key order. */
final class MemoryS3 implements S3Objects {
    private final Map<String, NavigableMap<String, byte[]>> buckets = new ConcurrentHashMap<>();

    void createBucket(String bucket) {
        buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>());
    }

    /** Every key in {@code bucket} under {@code prefix}. */
    List<String> keys(String bucket, String prefix) {
        return list(bucket, prefix).stream().map(S3Object::key).toList();
    }

    String text(String bucket, String key) {
        return new String(get(bucket, key).orElseThrow(() -> new AssertionError("no object " + key)),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public boolean bucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    @Override
    public List<S3Object> list(String bucket, String prefix) {
        List<S3Object> out = new ArrayList<>();
        NavigableMap<String, byte[]> objects = buckets.get(bucket);
        if (objects != null) {
            objects.tailMap(prefix, true).forEach((key, body) -> {
                if (key.startsWith(prefix)) {
                    out.add(new S3Object(key, body.length));
                }
            });
        }
        return out;
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        NavigableMap<String, byte[]> objects = buckets.get(bucket);
        return objects == null ? Optional.empty() : Optional.ofNullable(objects.get(key));
    }

    @Override
    public void put(String bucket, String key, byte[] body) {
        NavigableMap<String, byte[]> objects = buckets.get(bucket);
        if (objects == null) {
            throw new IllegalStateException("no bucket " + bucket);
        }
        objects.put(key, body.clone());
    }

    @Override
    public void delete(String bucket, String key) {
        NavigableMap<String, byte[]> objects = buckets.get(bucket);
        if (objects != null) {
            objects.remove(key);
        }
    }
}
