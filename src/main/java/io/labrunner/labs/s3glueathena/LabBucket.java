package io.labrunner.labs.s3glueathena;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** Creating the lab's bucket and putting text objects in it; shared by the data lake labs. */
public final class LabBucket {
    private LabBucket() {
    }

    /** Creates the bucket in the client's region, waits until it exists and tags it. */
    public static String create(S3Client s3, String bucket, Map<String, String> tags) {
        CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucket);
        Region region = s3.serviceClientConfiguration().region();
        if (!Region.US_EAST_1.equals(region)) {
            // Outside us-east-1, S3 wants the bucket's region named in the request.
            request.createBucketConfiguration(config -> config.locationConstraint(region.id()));
        }
        s3.createBucket(request.build());
        s3.waiter().waitUntilBucketExists(head -> head.bucket(bucket));
        List<Tag> tagSet = new ArrayList<>();
        tags.forEach((key, value) -> tagSet.add(Tag.builder().key(key).value(value).build()));
        try {
            s3.putBucketTagging(put -> put.bucket(bucket).tagging(tagging -> tagging.tagSet(tagSet)));
        } catch (S3Exception e) {
            // Tags matter on a real account (finding leftovers); an emulator may not implement them.
            if (e.statusCode() != 501) {
                throw e;
            }
        }
        return bucket;
    }

    public static void putText(S3Client s3, String bucket, String key, String text, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromString(text));
    }
}
