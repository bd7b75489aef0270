package io.labrunner.labs.encryptmldata;

import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Requests the bucket policy should refuse, and their permitted twins, made for real: the checks
 * judge the bucket by what S3 answers, not by reading the policy. An upload that gets through is
 * deleted again, so trying leaves nothing behind.
 */
final class Attempts {
    /** Where trial uploads go; each is deleted straight after. */
    static final String PROBE = "checks/probe.txt";

    /** What S3 answered one request: a status of 0 means no answer at all. */
    record Attempt(String request, int status, String errorCode) {
        boolean denied() {
            return status == 403 && "AccessDenied".equals(errorCode);
        }

        boolean accepted() {
            return status / 100 == 2;
        }

        String outcome() {
            if (denied()) {
                return "AccessDenied (403)";
            }
            if (accepted()) {
                return "accepted (" + status + ")";
            }
            return status == 0 ? errorCode : errorCode + " (" + status + ")";
        }

        @Override
        public String toString() {
            return request + ": " + outcome();
        }
    }

    private Attempts() {
    }

    static Attempt unencryptedUpload(S3Client s3, String bucket) {
        return upload(s3, bucket, "PutObject without x-amz-server-side-encryption", put -> { });
    }

    static Attempt sseS3Upload(S3Client s3, String bucket) {
        return upload(s3, bucket, "PutObject with x-amz-server-side-encryption: AES256",
                put -> put.serverSideEncryption(ServerSideEncryption.AES256));
    }

    static Attempt kmsUpload(S3Client s3, String bucket, String keyArn) {
        return upload(s3, bucket, "PutObject with x-amz-server-side-encryption: aws:kms and the lab's key",
                put -> put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn));
    }

    /** GetObject of the training data, made with a client that speaks plain HTTP. */
    static Attempt plainHttpRead(S3Client plain, String bucket) {
        return attempt("GetObject " + FeaturePipeline.TRAINING_OBJECT + " over HTTP", () ->
                plain.getObjectAsBytes(get -> get.bucket(bucket).key(FeaturePipeline.TRAINING_OBJECT)));
    }

    /** ListObjectsV2 over plain HTTP: an action on the bucket, not on an object. */
    static Attempt plainHttpList(S3Client plain, String bucket) {
        return attempt("ListObjectsV2 over HTTP", () -> plain.listObjectsV2(list -> list.bucket(bucket).maxKeys(1)));
    }

    static Attempt tlsList(S3Client s3, String bucket) {
        return attempt("ListObjectsV2 over TLS", () -> s3.listObjectsV2(list -> list.bucket(bucket).maxKeys(1)));
    }

    private static Attempt upload(S3Client s3, String bucket, String request, Consumer<PutObjectRequest.Builder> sse) {
        Attempt attempt = attempt(request, () -> s3.putObject(put -> sse.accept(put.bucket(bucket).key(PROBE)),
                RequestBody.fromString("a trial upload; deleted straight after\n")));
        if (attempt.accepted()) {
            s3.deleteObject(delete -> delete.bucket(bucket).key(PROBE));
        }
        return attempt;
    }

    private static Attempt attempt(String request, Runnable call) {
        try {
            call.run();
            return new Attempt(request, 200, "");
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                    ? "" : e.awsErrorDetails().errorCode();
            return new Attempt(request, e.statusCode(), code);
        } catch (SdkClientException e) {
            return new Attempt(request, 0, "no answer (" + e.getMessage() + ")");
        }
    }
}
