package io.labrunner.labs.firehosevsstreams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What Firehose has delivered to the bucket so far: every object under the lab's prefix, with its events. */
final class Deliveries {
    /** One delivered object. */
    record Delivered(String key, long size, Instant lastModified, List<FeedEvent> events) {
    }

    private Deliveries() {
    }

    static List<S3Object> list(S3Client s3, String bucket) {
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(FirehoseVsStreamsLab.PREFIX_ROOT))
                .contents().forEach(objects::add);
        return objects;
    }

    static Delivered read(S3Client s3, String bucket, S3Object object) {
        String body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asUtf8String();
        List<FeedEvent> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                events.add(FeedEvent.parse(line));
            }
        }
        return new Delivered(object.key(), object.size(), object.lastModified(), events);
    }

    static List<Delivered> readAll(S3Client s3, String bucket) {
        return list(s3, bucket).stream().map(o -> read(s3, bucket, o)).toList();
    }
}
