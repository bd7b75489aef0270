package io.labrunner.emulator.s3;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists an object only once its upload has completed, as S3 does. S3Proxy's filesystem store
 * writes a new object to {@code <key>-<uuid>} beside its key and renames it when the body is in,
 * so a listing taken during a put would show that temporary key — gone again by the time a
 * client reads it (NoSuchKey). This hides the temporary files of the puts in flight.
 */
final class CompletedObjectsOnly extends ForwardingBlobStore {
    private static final Pattern UUID_SUFFIX =
            Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** {@code bucket/key} of every put whose body is still being written. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    CompletedObjectsOnly(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream body) {
        String object = request.bucket() + "/" + request.key();
        inFlight.add(object);
        try {
            return super.putBlob(request, body);
        } finally {
            inFlight.remove(object);
        }
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        ListObjectsV2Response listed = super.list(request);
        if (inFlight.isEmpty()) {
            return listed;
        }
        List<S3Object> completed = listed.contents().stream()
                .filter(o -> !isPartialUpload(request.bucket(), o.key())).toList();
        if (completed.size() == listed.contents().size()) {
            return listed;
        }
        return listed.toBuilder().contents(completed).keyCount(completed.size()).build();
    }

    private boolean isPartialUpload(String bucket, String key) {
        int dash = key.length() - 37;
        return dash > 0 && UUID_SUFFIX.matcher(key).region(dash, key.length()).matches()
                && inFlight.contains(bucket + "/" + key.substring(0, dash));
    }
}
