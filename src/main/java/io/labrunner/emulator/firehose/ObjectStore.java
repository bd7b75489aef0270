package io.labrunner.emulator.firehose;

/** Where Firehose delivers: the emulator's own S3, in-process. */
public interface ObjectStore {

    boolean bucketExists(String bucket);

    /** Writes one object as an S3 PutObject would, with S3's metadata. */
    void put(String bucket, String key, byte[] body);
}
