package io.labrunner.emulator.sagemaker.transform;

import io.labrunner.emulator.S3Objects;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The emulator's S3 as a test reads and writes it directly (the same store its SageMaker uses). */
final class StoredObjects {
    private final S3Objects s3;

    StoredObjects(S3Objects s3) {
        this.s3 = s3;
    }

    void put(String bucket, String key, byte[] body) {
        s3.put(bucket, key, body);
    }

    void delete(String bucket, String key) {
        s3.delete(bucket, key);
    }

    /** Every key in {@code bucket} under {@code prefix}, in key order. */
    List<String> keys(String bucket, String prefix) {
        return s3.list(bucket, prefix).stream().map(S3Objects.S3Object::key).toList();
    }

    String text(String bucket, String key) {
        return new String(s3.get(bucket, key).orElseThrow(() -> new AssertionError("no object " + key)),
                StandardCharsets.UTF_8);
    }
}
