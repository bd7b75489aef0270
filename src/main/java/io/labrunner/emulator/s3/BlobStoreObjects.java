package io.labrunner.emulator.s3;

import io.labrunner.emulator.S3Objects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * {@link S3Objects} over the S3 frontend's own blob store, so objects written or read in-process go
 * through the same escaping, journaling and metadata as a request over HTTP.
 */
final class BlobStoreObjects implements S3Objects {
    private final BlobStore store;

    BlobStoreObjects(BlobStore store) {
        this.store = store;
    }

    @Override
    public boolean bucketExists(String bucket) {
        return store.containerExists(bucket);
    }

    @Override
    public List<S3Object> list(String bucket, String prefix) {
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = store.list(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(prefix == null || prefix.isEmpty() ? null : prefix).continuationToken(token).build());
            page.contents().forEach(o -> objects.add(new S3Object(o.key(), o.size() == null ? 0 : o.size())));
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        if (!store.containerExists(bucket) || !store.blobExists(bucket, key)) {
            return Optional.empty();
        }
        try (InputStream body = store.getBlob(GetObjectRequest.builder().bucket(bucket).key(key).build())) {
            return Optional.of(body.readAllBytes());
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty(); // deleted between the check and the read
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public void put(String bucket, String key, byte[] body) {
        store.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).contentLength((long) body.length)
                .contentType("application/octet-stream").build(), new java.io.ByteArrayInputStream(body));
    }

    @Override
    public void delete(String bucket, String key) {
        if (store.containerExists(bucket)) {
            store.removeBlob(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
        }
    }
}
