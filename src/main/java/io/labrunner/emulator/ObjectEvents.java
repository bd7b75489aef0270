package io.labrunner.emulator;

import java.time.Instant;

/**
 * Where S3 reports the object changes a bucket with EventBridge notifications on announces ("Object Created",
 * "Object Deleted"); the emulator hands them to EventBridge, so S3 knows nothing of the service that routes them.
 */
@FunctionalInterface
public interface ObjectEvents {

    /** Reports nothing: S3 running without EventBridge. */
    ObjectEvents NONE = event -> { };

    void put(ObjectEvent event);

    /**
     * One change of one object, with what S3 puts in the event's detail ("EventBridge event message structure" in
     * the S3 user guide).
     *
     * @param region       the bucket's region
     * @param detailType   {@code Object Created} or {@code Object Deleted}
     * @param bucket       the bucket's name
     * @param key          the object's key
     * @param size         the object's size in bytes (created objects), else null
     * @param etag         the object's ETag without quotes (created objects), else null
     * @param versionId    the version made or removed, null in an unversioned bucket
     * @param sequencer    orders the events of one key: a later change has a greater value (hexadecimal)
     * @param requestId    the S3 request's id
     * @param requester    the account (or service principal) that made the request
     * @param sourceIp     where the request came from
     * @param reason       the operation: {@code PutObject}, {@code CopyObject}, {@code CompleteMultipartUpload},
     *                     {@code PostObject}, {@code DeleteObject}, {@code DeleteObjects}
     * @param deletionType {@code Permanently Deleted} or {@code Delete Marker Created} for deletions, else null
     * @param time         when it happened
     */
    record ObjectEvent(String region, String detailType, String bucket, String key, Long size, String etag,
                       String versionId, String sequencer, String requestId, String requester, String sourceIp,
                       String reason, String deletionType, Instant time) {
    }
}
