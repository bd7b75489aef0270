package io.labrunner.core.kinds;

import io.labrunner.core.Arns;
import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.NameFilter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.core.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/** S3's kinds. */
public final class S3Kinds {
    /** A bucket by name; cleanup aborts its uploads and deletes its objects first. */
    public static final ResourceKind BUCKET = new Bucket();

    private S3Kinds() {
    }

    private static final class Bucket extends Kind {
        Bucket() {
            super("S3_BUCKET", "S3 bucket", Capability.S3);
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.s3().listBuckets().buckets().stream().filter(b -> names.matches(b.name()))
                    .map(b -> Listed.named(this, b.name(), b.creationDate())).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            List<Tag> s3Tags = tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
            clients.s3().putBucketTagging(r -> r.bucket(id).tagging(t -> t.tagSet(s3Tags)));
        }

        @Override
        public Deletion delete(AwsClients clients, String bucket) {
            var s3 = clients.s3();
            try {
                s3.listMultipartUploadsPaginator(r -> r.bucket(bucket)).uploads().forEach(upload -> {
                    try {
                        s3.abortMultipartUpload(r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                    } catch (NoSuchUploadException finishedMeanwhile) {
                        // Completed or aborted since the listing: nothing to abort.
                    }
                });
                for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket))) {
                    List<ObjectIdentifier> keys = page.contents().stream()
                            .map(S3Object::key).map(k -> ObjectIdentifier.builder().key(k).build()).toList();
                    if (!keys.isEmpty()) {
                        s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
                    }
                }
                s3.deleteBucket(r -> r.bucket(bucket));
                return Deletion.DELETED;
            } catch (NoSuchBucketException e) {
                return Deletion.ALREADY_GONE;
            }
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return e instanceof NoSuchBucketException || code(e).equals("NoSuchBucket");
        }

        /** {@code arn:aws:s3:::<bucket>}; an object's ARN ({@code <bucket>/<key>}) names no bucket to delete. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            String rest = arn.resourceAsString();
            return arn.service().equals("s3") && !rest.contains("/") && !rest.contains(":")
                    ? Optional.of(rest) : Optional.empty();
        }
    }
}
