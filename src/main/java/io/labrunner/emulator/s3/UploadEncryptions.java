package io.labrunner.emulator.s3;

import io.labrunner.emulator.state.StateMap;
import jakarta.servlet.http.HttpServletResponse;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * Remembers the encryption each multipart upload was created under, so that CompleteMultipartUpload reports
 * it as S3 does. S3Proxy completes an upload while it already streams the response (to keep a slow completion
 * alive), so its own report of the encryption cannot reach the headers; {@link S3Frontend} sets them from here
 * before the completion starts.
 */
final class UploadEncryptions extends ForwardingBlobStore {
    /** An upload's encryption as S3 reports it. */
    record Encryption(String algorithm, String kmsKeyId, Boolean bucketKeyEnabled) {
    }

    private final StateMap<Encryption> uploads;

    UploadEncryptions(BlobStore delegate, StateMap<Encryption> uploads) {
        super(delegate);
        this.uploads = uploads;
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        MultipartUpload upload = super.initiateMultipartUpload(request);
        if (request.sseCustomerAlgorithm() == null) {
            String algorithm = request.serverSideEncryptionAsString();
            uploads.put(upload.id(), new Encryption(algorithm == null ? BucketEncryption.SSE_S3 : algorithm,
                    request.ssekmsKeyId(), request.bucketKeyEnabled()));
        }
        return upload;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        uploads.remove(upload.id());
        return response;
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        super.abortMultipartUpload(upload);
        uploads.remove(upload.id());
    }

    /** Sets the upload's encryption headers on a CompleteMultipartUpload response about to be served. */
    void report(String uploadId, HttpServletResponse response) {
        uploads.get(uploadId).ifPresent(e -> {
            response.setHeader(ObjectEncryption.SSE, e.algorithm());
            if (e.kmsKeyId() != null) {
                response.setHeader(ObjectEncryption.KMS_KEY, e.kmsKeyId());
            }
            if (e.bucketKeyEnabled() != null) {
                response.setHeader(ObjectEncryption.BUCKET_KEY, e.bucketKeyEnabled().toString());
            }
        });
    }
}
