package io.labrunner.emulator.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Stores every key S3 accepts. Keys the plain folder layout can hold ({@link FolderLayout}) stay plain files
 * under {@code <root>/<bucket>/<key>}, where Athena and the Glue crawler read them; the others (a {@code .},
 * {@code ..} or empty segment, a segment longer than a file name, NUL, content under a key ending in '/',
 * and the one of {@code dir} and {@code dir/obj} that cannot be a file beside the other) go to a second
 * store under an escaped name ({@link EscapedKeyNames}), in a folder outside the plain one. Every object
 * operation is sent to the store holding the key; a listing of a bucket with escaped keys merges both.
 *
 * <p>When {@code dir} and {@code dir/obj} clash, the deeper key keeps the plain file, since tables and
 * crawlers read folders: {@code dir} arriving second is escaped, and a file {@code dir} already stored is
 * moved to the escaped store (with its metadata, which lives on the file) before {@code dir/obj} is written.
 * A key once escaped stays escaped until deleted. The decision is taken under the bucket's lock and a
 * plain write in flight is remembered, so concurrent puts of clashing keys never both reach the folder.
 */
final class EscapingBlobStore extends ForwardingBlobStore {
    private final BlobStore escaped;
    private final FolderLayout layout;
    private final Path escapedRoot;
    private final Map<String, EscapedBucket> buckets = new ConcurrentHashMap<>();
    /** Ids of the uploads this process started in the escaped store. */
    private final Set<String> escapedUploads = ConcurrentHashMap.newKeySet();

    /**
     * @param plain       the store over the plain folder layout
     * @param layout      that folder's layout
     * @param escaped     a store over {@code escapedRoot}, a folder outside the plain one
     * @param escapedRoot the folder holding one folder per bucket with escaped keys
     */
    EscapingBlobStore(BlobStore plain, FolderLayout layout, BlobStore escaped, Path escapedRoot) {
        super(plain);
        this.layout = layout;
        this.escaped = escaped;
        this.escapedRoot = escapedRoot;
    }

    // ---- where a key is -------------------------------------------------------------------------------

    /** The bucket's escaped keys and plain writes, loaded from both stores the first time it is used. */
    private EscapedBucket bucket(String bucket) {
        EscapedBucket known = buckets.get(bucket);
        if (known != null) {
            return known;
        }
        if (!delegate().containerExists(bucket)) {
            throw new S3ProxyException(S3ErrorCode.NO_SUCH_BUCKET);
        }
        return buckets.computeIfAbsent(bucket, name -> new EscapedBucket(
                escapedObjects(name).stream().map(S3Object::key).toList(),
                delegate().listMultipartUploads(name).stream()
                        .map(software.amazon.awssdk.services.s3.model.MultipartUpload::key).toList()));
    }

    /** Calls {@code read} on the store holding {@code key}, with the key's name there. */
    private <T> T read(String bucket, String key, BiFunction<BlobStore, String, T> read) {
        if (bucket(bucket).isEscaped(key)) {
            return read.apply(escaped, EscapedKeyNames.encode(key));
        }
        if (FolderLayout.shapeProblem(key) != null) {
            // Only the escaped store can hold such a key: there its earlier versions outlive a delete.
            if (!escaped.containerExists(bucket)) {
                throw new S3ProxyException(S3ErrorCode.NO_SUCH_KEY);
            }
            return read.apply(escaped, EscapedKeyNames.encode(key));
        }
        return read.apply(delegate(), key);
    }

    /**
     * Where a write of {@code key} goes, decided under the bucket's lock: true for the escaped store. A plain
     * write is registered as in flight and must be ended with {@link EscapedBucket#wrotePlain}.
     */
    private boolean escapeWrite(String bucket, String key, boolean keyEndingInSlashWithContent, boolean multipart) {
        EscapedBucket state = bucket(bucket);
        synchronized (state) {
            boolean escape = state.isEscaped(key) || keyEndingInSlashWithContent
                    || (multipart ? FolderLayout.multipartShapeProblem(key) : FolderLayout.shapeProblem(key)) != null
                    || state.clashesWithPlainWrite(key) || layout.hasObjectsUnder(bucket, key);
            if (!escape) {
                String above = layout.objectAbove(bucket, key);
                if (above != null) {
                    moveToEscaped(bucket, above, state);
                }
                state.writingPlain(key);
            } else {
                ensureEscapedBucket(bucket);
            }
            return escape;
        }
    }

    /** Moves the plain object {@code key} (file, metadata and all) to the escaped store. */
    private void moveToEscaped(String bucket, String key, EscapedBucket state) {
        ensureEscapedBucket(bucket);
        Path target = escapedRoot.resolve(bucket).resolve(EscapedKeyNames.encode(key));
        try {
            Files.createDirectories(target.getParent());
            Files.move(layout.fileOf(bucket, key), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set an object aside in the escaped store", e);
        }
        state.escaped(key);
    }

    private void ensureEscapedBucket(String bucket) {
        if (!escaped.containerExists(bucket)) {
            escaped.createContainer(bucket);
            if (!delegate().supportsVersioning() || !escaped.supportsVersioning()) {
                return;
            }
            BucketVersioningStatus status = delegate().getBucketVersioning(
                    GetBucketVersioningRequest.builder().bucket(bucket).build()).status();
            if (status != null) {
                escaped.putBucketVersioning(PutBucketVersioningRequest.builder().bucket(bucket)
                        .versioningConfiguration(c -> c.status(status)).build());
            }
        }
    }

    // ---- objects --------------------------------------------------------------------------------------

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream body) {
        String bucket = request.bucket();
        String key = request.key();
        InputStream content = body;
        boolean slashWithContent = false;
        if (key.endsWith("/")) {
            PushbackInputStream peekable = new PushbackInputStream(body);
            slashWithContent = hasContent(request.contentLength(), peekable);
            content = peekable;
        }
        EscapedBucket state = bucket(bucket);
        if (escapeWrite(bucket, key, slashWithContent, false)) {
            PutObjectResponse put = escaped.putBlob(request.toBuilder().key(EscapedKeyNames.encode(key)).build(), content);
            state.escaped(key);
            return put;
        }
        try {
            return super.putBlob(request, content);
        } finally {
            state.wrotePlain(key);
        }
    }

    private static boolean hasContent(Long declaredLength, PushbackInputStream body) {
        if (declaredLength != null) {
            return declaredLength > 0;
        }
        try {
            int first = body.read();
            if (first < 0) {
                return false;
            }
            body.unread(first);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean blobExists(String bucket, String key) {
        if (!delegate().containerExists(bucket)) {
            return false;
        }
        if (bucket(bucket).isEscaped(key)) {
            return escaped.blobExists(bucket, EscapedKeyNames.encode(key));
        }
        return FolderLayout.shapeProblem(key) == null && super.blobExists(bucket, key);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        return read(request.bucket(), request.key(), (store, name) -> store.blobMetadata(request.toBuilder().key(name).build()));
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        return read(request.bucket(), request.key(), (store, name) -> store.getBlob(request.toBuilder().key(name).build()));
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        EscapedBucket state = bucket(request.bucket());
        String key = request.key();
        synchronized (state) {
            if (state.isEscaped(key)) {
                DeleteObjectResponse removed = escaped.removeBlob(request.toBuilder().key(EscapedKeyNames.encode(key)).build());
                state.removed(key);
                return removed;
            }
            if (FolderLayout.shapeProblem(key) != null) {
                if (escaped.containerExists(request.bucket())) { // a versioned bucket keeps a marker there
                    return escaped.removeBlob(request.toBuilder().key(EscapedKeyNames.encode(key)).build());
                }
                return DeleteObjectResponse.builder().build(); // S3 answers a delete of a missing key the same way
            }
            return super.removeBlob(request);
        }
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        String sourceBucket = request.sourceBucket();
        String sourceKey = request.sourceKey();
        boolean sourceEscaped = bucket(sourceBucket).isEscaped(sourceKey);
        if (!sourceEscaped && FolderLayout.shapeProblem(sourceKey) != null) {
            throw new S3ProxyException(S3ErrorCode.NO_SUCH_KEY);
        }
        String sourceName = sourceEscaped ? EscapedKeyNames.encode(sourceKey) : sourceKey;
        BlobStore source = sourceEscaped ? escaped : delegate();
        String bucket = request.destinationBucket();
        String key = request.destinationKey();
        boolean slashWithContent = key.endsWith("/")
                && source.blobMetadata(sourceBucket, sourceName).contentLength() > 0;
        EscapedBucket state = bucket(bucket);
        boolean escape = escapeWrite(bucket, key, slashWithContent, false);
        try {
            BlobStore target = escape ? escaped : delegate();
            String targetName = escape ? EscapedKeyNames.encode(key) : key;
            CopyObjectResponse copied = source == target
                    ? target.copyBlob(request.toBuilder().sourceKey(sourceName).destinationKey(targetName).build())
                    : CrossStoreCopy.copy(request, source, sourceName, target, targetName);
            if (escape) {
                state.escaped(key);
            }
            return copied;
        } finally {
            if (!escape) {
                state.wrotePlain(key);
            }
        }
    }

    @Override
    public ObjectCannedACL getBlobAccess(String bucket, String key) {
        return read(bucket, key, (store, name) -> store.getBlobAccess(bucket, name));
    }

    @Override
    public ObjectCannedACL getBlobAccess(String bucket, String key, String versionId) {
        return read(bucket, key, (store, name) -> store.getBlobAccess(bucket, name, versionId));
    }

    @Override
    public GetObjectAclResponse getBlobAcl(GetObjectAclRequest request) {
        return read(request.bucket(), request.key(), (store, name) -> store.getBlobAcl(request.toBuilder().key(name).build()));
    }

    @Override
    public void setBlobAccess(String bucket, String key, ObjectCannedACL access) {
        read(bucket, key, (store, name) -> {
            store.setBlobAccess(bucket, name, access);
            return null;
        });
    }

    @Override
    public void setBlobAccess(String bucket, String key, ObjectCannedACL access, String versionId) {
        read(bucket, key, (store, name) -> {
            store.setBlobAccess(bucket, name, access, versionId);
            return null;
        });
    }

    // ---- multipart uploads ----------------------------------------------------------------------------

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        String bucket = request.bucket();
        String key = request.key();
        if (!escapeWrite(bucket, key, key.endsWith("/"), true)) {
            return super.initiateMultipartUpload(request); // stays a plain write in flight until completed or aborted
        }
        MultipartUpload started = escaped.initiateMultipartUpload(
                request.toBuilder().key(EscapedKeyNames.encode(key)).build());
        escapedUploads.add(started.id());
        return new MultipartUpload(started.id(), request, started.response());
    }

    /** The upload as the escaped store knows it, or empty when it was started in the plain store. */
    private Optional<MultipartUpload> inEscapedStore(MultipartUpload upload) {
        String bucket = upload.containerName();
        boolean escapedUpload = escapedUploads.contains(upload.id())
                || FolderLayout.multipartShapeProblem(upload.blobName()) != null
                || escaped.containerExists(bucket) && escaped.listMultipartUploads(bucket).stream()
                        .anyMatch(u -> u.uploadId().equals(upload.id()));
        if (!escapedUpload) {
            return Optional.empty();
        }
        if (!escaped.containerExists(bucket)) {
            throw new S3ProxyException(S3ErrorCode.NO_SUCH_UPLOAD);
        }
        return Optional.of(new MultipartUpload(upload.id(),
                upload.request().toBuilder().key(EscapedKeyNames.encode(upload.blobName())).build(), upload.response()));
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request, InputStream body) {
        Optional<MultipartUpload> escapedUpload = inEscapedStore(upload);
        if (escapedUpload.isEmpty()) {
            return super.uploadMultipartPart(upload, request, body);
        }
        return escaped.uploadMultipartPart(escapedUpload.get(),
                request.toBuilder().key(escapedUpload.get().blobName()).build(), body);
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload upload) {
        Optional<MultipartUpload> escapedUpload = inEscapedStore(upload);
        return escapedUpload.isEmpty() ? super.listMultipartUpload(upload) : escaped.listMultipartUpload(escapedUpload.get());
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        Optional<MultipartUpload> escapedUpload = inEscapedStore(upload);
        if (escapedUpload.isPresent()) {
            escaped.abortMultipartUpload(escapedUpload.get());
            escapedUploads.remove(upload.id());
            return;
        }
        super.abortMultipartUpload(upload);
        bucket(upload.containerName()).wrotePlain(upload.blobName());
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        String bucket = upload.containerName();
        String key = upload.blobName();
        EscapedBucket state = bucket(bucket);
        Optional<MultipartUpload> escapedUpload = inEscapedStore(upload);
        if (escapedUpload.isPresent()) {
            CompleteMultipartUploadResponse completed = escaped.completeMultipartUpload(escapedUpload.get(),
                    request.toBuilder().key(escapedUpload.get().blobName()).build());
            escapedUploads.remove(upload.id());
            state.escaped(key);
            return completed.toBuilder().key(key).build();
        }
        synchronized (state) {
            String above = layout.objectAbove(bucket, key);
            if (above != null) {
                moveToEscaped(bucket, above, state);
            }
            if (layout.hasObjectsUnder(bucket, key)) {
                // Only after a restart lost track of this upload while objects under its key were written.
                throw new S3ProxyException(S3ErrorCode.INVALID_REQUEST, "Objects under '" + key + "/' were stored "
                        + "while this upload was in progress, and the emulator cannot keep this key beside them.");
            }
        }
        CompleteMultipartUploadResponse completed = super.completeMultipartUpload(upload, request);
        state.wrotePlain(key);
        return completed;
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String bucket) {
        List<software.amazon.awssdk.services.s3.model.MultipartUpload> uploads = new ArrayList<>(super.listMultipartUploads(bucket));
        if (escaped.containerExists(bucket)) {
            for (var upload : escaped.listMultipartUploads(bucket)) {
                EscapedKeyNames.decode(upload.key()).ifPresent(key -> uploads.add(upload.toBuilder().key(key).build()));
            }
            uploads.sort(Comparator.comparing(software.amazon.awssdk.services.s3.model.MultipartUpload::key,
                    MergedListing.UTF8_ORDER));
        }
        return uploads;
    }

    // ---- listings and buckets -------------------------------------------------------------------------

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        String bucket = request.bucket();
        String prefix = request.prefix() == null ? "" : request.prefix();
        if (!bucket(bucket).hasEscapedKeys() && plainStoreCanList(prefix)) {
            return super.list(request);
        }
        List<S3Object> objects = new ArrayList<>(plainObjects(bucket, prefix));
        escapedObjects(bucket).stream().filter(o -> o.key().startsWith(prefix)).forEach(objects::add);
        return MergedListing.page(request, objects);
    }

    /** True when the plain store lists {@code prefix} as S3 would: it reads the prefix as a folder path. */
    private static boolean plainStoreCanList(String prefix) {
        int slash = prefix.lastIndexOf('/');
        String partial = prefix.substring(slash + 1);
        return (slash < 0 || FolderLayout.shapeProblem(prefix.substring(0, slash + 1)) == null)
                && !partial.equals(".") && !partial.equals("..") && partial.indexOf('\0') < 0;
    }

    /** Every plain object whose key starts with {@code prefix}. */
    private List<S3Object> plainObjects(String bucket, String prefix) {
        String folder = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        if (!folder.isEmpty() && FolderLayout.shapeProblem(folder) != null) {
            return List.of(); // no plain key has such a folder
        }
        return allObjects(delegate(), bucket, folder).stream().filter(o -> o.key().startsWith(prefix)).toList();
    }

    /** Every escaped object of {@code bucket}, under its key. */
    private List<S3Object> escapedObjects(String bucket) {
        if (!escaped.containerExists(bucket)) {
            return List.of();
        }
        List<S3Object> objects = new ArrayList<>();
        for (S3Object object : allObjects(escaped, bucket, "")) {
            EscapedKeyNames.decode(object.key()).ifPresent(key -> objects.add(object.toBuilder().key(key).build()));
        }
        return objects;
    }

    private static List<S3Object> allObjects(BlobStore store, String bucket, String prefix) {
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = store.list(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(prefix.isEmpty() ? null : prefix).continuationToken(token).build());
            objects.addAll(page.contents());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    @Override
    public PutBucketVersioningResponse putBucketVersioning(PutBucketVersioningRequest request) {
        PutBucketVersioningResponse put = super.putBucketVersioning(request);
        if (escaped.containerExists(request.bucket())) {
            escaped.putBucketVersioning(request);
        }
        return put;
    }

    @Override
    public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
        String bucket = request.bucket();
        bucket(bucket);
        if (!hasEscapedVersions(bucket)) {
            String prefix = request.prefix();
            if (prefix != null && prefix.lastIndexOf('/') >= 0
                    && FolderLayout.shapeProblem(prefix.substring(0, prefix.lastIndexOf('/') + 1)) != null) {
                return ListObjectVersionsResponse.builder().name(bucket).prefix(prefix)
                        .delimiter(request.delimiter()).maxKeys(request.maxKeys()).isTruncated(false).build();
            }
            return super.listVersions(request);
        }
        ListObjectVersionsRequest all = request.toBuilder().delimiter(null).keyMarker(null).versionIdMarker(null)
                .build();
        return MergedVersions.page(request, allVersions(delegate(), all, false), allVersions(escaped, all, true));
    }

    private boolean hasEscapedVersions(String bucket) {
        return escaped.supportsVersioning() && escaped.containerExists(bucket) && !allVersions(escaped,
                ListObjectVersionsRequest.builder().bucket(bucket).maxKeys(1).build(), true).isEmpty();
    }

    /** Every version and delete marker of a store, under its key, in the store's order (by key, newest first). */
    private static List<MergedVersions.Entry> allVersions(BlobStore store, ListObjectVersionsRequest request,
                                                          boolean escapedNames) {
        List<MergedVersions.Entry> entries = new ArrayList<>();
        String prefix = request.prefix() == null ? "" : request.prefix();
        ListObjectVersionsRequest next = escapedNames ? request.toBuilder().prefix(null).build() : request;
        while (true) {
            ListObjectVersionsResponse page = store.listVersions(next);
            for (MergedVersions.Entry entry : MergedVersions.entries(page)) {
                String key = escapedNames ? EscapedKeyNames.decode(entry.key()).orElse(null) : entry.key();
                if (key != null && key.startsWith(prefix)) {
                    entries.add(entry.withKey(key));
                }
            }
            if (!Boolean.TRUE.equals(page.isTruncated()) || (request.maxKeys() != null && request.maxKeys() == 1)) {
                return entries;
            }
            next = next.toBuilder().keyMarker(page.nextKeyMarker()).versionIdMarker(page.nextVersionIdMarker()).build();
        }
    }

    @Override
    public void deleteBucket(String bucket) {
        EscapedBucket state = bucket(bucket);
        synchronized (state) {
            if (state.hasEscapedKeys() || hasEscapedVersions(bucket)) {
                throw new S3ProxyException(S3ErrorCode.BUCKET_NOT_EMPTY);
            }
            super.deleteBucket(bucket);
            if (escaped.containerExists(bucket)) {
                escaped.deleteContainer(bucket);
            }
            buckets.remove(bucket);
        }
    }

    @Override
    public void deleteContainer(String bucket) {
        super.deleteContainer(bucket);
        if (escaped.containerExists(bucket)) {
            escaped.deleteContainer(bucket);
        }
        buckets.remove(bucket);
    }

    @Override
    public void clearContainer(ListObjectsV2Request request) {
        super.clearContainer(request);
        if (escaped.containerExists(request.bucket())) {
            escaped.clearContainer(request);
        }
        buckets.remove(request.bucket());
    }

    @Override
    public void close() {
        try {
            escaped.close();
        } finally {
            super.close();
        }
    }
}
