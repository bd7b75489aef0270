package io.labrunner.emulator.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * CopyObject between two blob stores: the source is read (under the copy-source conditions) and written to
 * the target with its own metadata, or the request's when the directive is REPLACE, as S3 does.
 */
final class CrossStoreCopy {
    private CrossStoreCopy() {
    }

    static CopyObjectResponse copy(CopyObjectRequest request, BlobStore source, String sourceName,
                                   BlobStore target, String targetName) {
        GetObjectRequest read = GetObjectRequest.builder().bucket(request.sourceBucket()).key(sourceName)
                .ifMatch(request.copySourceIfMatch()).ifNoneMatch(request.copySourceIfNoneMatch())
                .ifModifiedSince(request.copySourceIfModifiedSince())
                .ifUnmodifiedSince(request.copySourceIfUnmodifiedSince()).build();
        try (ResponseInputStream<GetObjectResponse> body = source.getBlob(read)) {
            GetObjectResponse from = body.response();
            PutObjectRequest.Builder write = PutObjectRequest.builder().bucket(request.destinationBucket())
                    .key(targetName).contentLength(from.contentLength()).acl(request.acl())
                    .storageClass(request.storageClass());
            if (request.metadataDirective() == MetadataDirective.REPLACE) {
                write.contentType(request.contentType()).contentEncoding(request.contentEncoding())
                        .contentDisposition(request.contentDisposition()).contentLanguage(request.contentLanguage())
                        .cacheControl(request.cacheControl()).expires(request.expires()).metadata(request.metadata());
            } else {
                write.contentType(from.contentType()).contentEncoding(from.contentEncoding())
                        .contentDisposition(from.contentDisposition()).contentLanguage(from.contentLanguage())
                        .cacheControl(from.cacheControl()).expires(from.expires()).metadata(from.metadata());
            }
            PutObjectResponse written = target.putBlob(write.build(), body);
            return CopyObjectResponse.builder().copyObjectResult(CopyObjectResult.builder().eTag(written.eTag())
                    .lastModified(target.blobMetadata(request.destinationBucket(), targetName).lastModified())
                    .build()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
