package io.labrunner.emulator.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keeps every key inside its bucket's folder and every stored key faithful. A key the folder layout cannot
 * hold ({@link FolderLayout}) is refused on write with S3's InvalidArgument (400, which SDKs do not retry)
 * instead of failing deep in the filesystem with a 500 naming host paths, or silently landing on another
 * key's file ({@code a/./b} on {@code a/b}). Such a key cannot exist here, so reading it answers NoSuchKey
 * and deleting it succeeds, as S3 does for a missing key; a listing prefix that only such keys could match
 * lists nothing.
 */
final class HoldableKeysOnly extends ForwardingBlobStore {
    private final FolderLayout layout;

    HoldableKeysOnly(BlobStore delegate, FolderLayout layout) {
        super(delegate);
        this.layout = layout;
    }

    private void requireStorable(String bucket, String key) {
        String problem = layout.problem(bucket, key);
        if (problem != null) {
            throw new S3ProxyException(S3ErrorCode.INVALID_ARGUMENT, "S3 accepts this key, but the emulator "
                    + "stores objects as files and cannot hold it: " + problem + ".");
        }
    }

    private static void requireReadable(String key) {
        if (key != null && FolderLayout.shapeProblem(key) != null) {
            throw new S3ProxyException(S3ErrorCode.NO_SUCH_KEY);
        }
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream body) {
        requireStorable(request.bucket(), request.key());
        if (request.key().endsWith("/") && hasContent(body)) {
            throw new S3ProxyException(S3ErrorCode.INVALID_ARGUMENT, "S3 accepts content in a key ending in '/', "
                    + "but the emulator keeps such a key as a folder and cannot hold its content.");
        }
        return super.putBlob(request, body);
    }

    /** True when the body holds at least one byte (read and lost: the put is refused then). */
    private static boolean hasContent(InputStream body) {
        try {
            return body != null && body.read() >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        requireReadable(request.sourceKey());
        requireStorable(request.destinationBucket(), request.destinationKey());
        return super.copyBlob(request);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        requireReadable(request.key());
        return super.blobMetadata(request);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        requireReadable(request.key());
        return super.getBlob(request);
    }

    @Override
    public boolean blobExists(String bucket, String key) {
        return FolderLayout.shapeProblem(key) == null && super.blobExists(bucket, key);
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        if (FolderLayout.shapeProblem(request.key()) != null) {
            return DeleteObjectResponse.builder().build();
        }
        return super.removeBlob(request);
    }

    @Override
    public ObjectCannedACL getBlobAccess(String bucket, String key) {
        requireReadable(key);
        return super.getBlobAccess(bucket, key);
    }

    @Override
    public ObjectCannedACL getBlobAccess(String bucket, String key, String versionId) {
        requireReadable(key);
        return super.getBlobAccess(bucket, key, versionId);
    }

    @Override
    public GetObjectAclResponse getBlobAcl(GetObjectAclRequest request) {
        requireReadable(request.key());
        return super.getBlobAcl(request);
    }

    @Override
    public void setBlobAccess(String bucket, String key, ObjectCannedACL access) {
        requireReadable(key);
        super.setBlobAccess(bucket, key, access);
    }

    @Override
    public void setBlobAccess(String bucket, String key, ObjectCannedACL access, String versionId) {
        requireReadable(key);
        super.setBlobAccess(bucket, key, access, versionId);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        requireStorable(request.bucket(), request.key());
        return super.initiateMultipartUpload(request);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        requireStorable(upload.containerName(), upload.blobName());
        return super.completeMultipartUpload(upload, request);
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        String prefix = request.prefix();
        if (prefix == null || prefix.isEmpty()) {
            return super.list(request);
        }
        int slash = prefix.lastIndexOf('/');
        String folder = prefix.substring(0, slash + 1);
        String partial = prefix.substring(slash + 1);
        if (!folder.isEmpty() && FolderLayout.shapeProblem(folder) != null || partial.indexOf('\0') >= 0) {
            return nothingListed(request);
        }
        if (!partial.equals(".") && !partial.equals("..")) {
            return super.list(request);
        }
        // The store would take "a/.." as a folder path; list the folder and keep what starts with the prefix.
        ListObjectsV2Response listed = super.list(request.toBuilder().prefix(folder).build());
        List<S3Object> contents = listed.contents().stream().filter(o -> o.key().startsWith(prefix)).toList();
        return listed.toBuilder().prefix(prefix).contents(contents)
                .commonPrefixes(listed.commonPrefixes().stream().filter(p -> p.prefix().startsWith(prefix)).toList())
                .keyCount(contents.size()).build();
    }

    private ListObjectsV2Response nothingListed(ListObjectsV2Request request) {
        if (!containerExists(request.bucket())) {
            throw new S3ProxyException(S3ErrorCode.NO_SUCH_BUCKET);
        }
        return ListObjectsV2Response.builder().name(request.bucket()).prefix(request.prefix())
                .delimiter(request.delimiter()).maxKeys(request.maxKeys()).startAfter(request.startAfter())
                .continuationToken(request.continuationToken()).encodingType(request.encodingType())
                .isTruncated(false).keyCount(0).build();
    }

    @Override
    public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
        String prefix = request.prefix();
        if (prefix != null && prefix.lastIndexOf('/') >= 0
                && FolderLayout.shapeProblem(prefix.substring(0, prefix.lastIndexOf('/') + 1)) != null) {
            if (!containerExists(request.bucket())) {
                throw new S3ProxyException(S3ErrorCode.NO_SUCH_BUCKET);
            }
            return ListObjectVersionsResponse.builder().name(request.bucket()).prefix(prefix)
                    .delimiter(request.delimiter()).maxKeys(request.maxKeys()).isTruncated(false).build();
        }
        return super.listVersions(request);
    }
}
