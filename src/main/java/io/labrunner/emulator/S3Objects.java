package io.labrunner.emulator;

import java.util.List;
import java.util.Optional;

/**
 * The emulator's own S3, in-process, for services that read and write objects as AWS's services do
 * (SageMaker's channels, artifacts and transform output). Keys are S3 keys, never file paths: the
 * store keeps them inside the data folder whatever they contain.
 */
public interface S3Objects {

    boolean bucketExists(String bucket);

    /** The objects under {@code prefix}, in key order (as ListObjectsV2 returns them). */
    List<S3Object> list(String bucket, String prefix);

    /** The object's content, or empty when there is no such object. */
    Optional<byte[]> get(String bucket, String key);

    /** Writes one object as PutObject would. */
    void put(String bucket, String key, byte[] body);

    /** Removes one object, as DeleteObject would (no error when it is absent). */
    void delete(String bucket, String key);

    /** One listed object. */
    record S3Object(String key, long size) {
    }
}
