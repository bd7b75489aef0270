package io.labrunner.emulator.s3;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.kms.KeyRing;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;

/**
 * The server-side encryption of a write that creates an object (PutObject, CopyObject,
 * CreateMultipartUpload), settled before S3Proxy stores it: the request's own
 * {@code x-amz-server-side-encryption} headers, else the bucket's default encryption; an SSE-KMS key resolved
 * through the emulator's {@link KeyRing} to its ARN (the AWS managed key {@code aws/s3} when none is named),
 * which is what S3 reports; and a data key generated under it, as S3 does, so a missing, disabled or forbidden
 * key fails the write as on AWS. S3Proxy records the outcome with the object and reports it on PUT, HEAD, GET,
 * CopyObject and CompleteMultipartUpload.
 *
 * <p>The object's bytes stay plain on disk: Athena and the Glue crawler read the files directly, so the
 * encryption is recorded and enforced (key existence, key policy, kms:Decrypt on read), not applied to the bytes.
 */
final class ObjectEncryption {
    static final String SSE = "x-amz-server-side-encryption";
    static final String KMS_KEY = "x-amz-server-side-encryption-aws-kms-key-id";
    static final String CONTEXT = "x-amz-server-side-encryption-context";
    static final String BUCKET_KEY = "x-amz-server-side-encryption-bucket-key-enabled";
    static final String CUSTOMER_ALGORITHM = "x-amz-server-side-encryption-customer-algorithm";

    private final Supplier<KeyRing> keyRing;
    private final S3Authorizer authorizer;
    private final String region;

    ObjectEncryption(Supplier<KeyRing> keyRing, S3Authorizer authorizer, String region) {
        this.keyRing = keyRing;
        this.authorizer = authorizer;
        this.region = region;
    }

    /**
     * The headers S3Proxy should see for a write of {@code bucket/key} under {@code settings}: empty when the
     * request stands as sent (SSE-S3, the default S3Proxy reports, or SSE-C).
     */
    Map<String, String> forWrite(HttpServletRequest request, BucketSettings settings, Caller caller, String bucket,
                                 String key) {
        if (request.getHeader(CUSTOMER_ALGORITHM) != null) {
            return Map.of();
        }
        String algorithm = request.getHeader(SSE);
        String keyId = request.getHeader(KMS_KEY);
        String bucketKey = request.getHeader(BUCKET_KEY);
        if (algorithm == null && keyId == null) {
            BucketEncryption rule = settings.effectiveEncryption();
            algorithm = rule.algorithm();
            keyId = rule.kmsMasterKeyId();
            if (bucketKey == null && rule.bucketKeyEnabled()) {
                bucketKey = "true";
            }
        }
        if (algorithm == null || !algorithm.startsWith("aws:kms")) {
            // SSE-S3 is what S3Proxy records and reports for a write naming nothing; anything else it refuses.
            return Map.of();
        }
        if (!algorithm.equals("aws:kms")) {
            throw new S3ProxyException(S3ErrorCode.NOT_IMPLEMENTED,
                    "The emulator does not implement dual-layer encryption (" + algorithm + ").");
        }
        KeyRing keys = keyRing.get();
        if (keys == null) {
            throw new S3ProxyException(S3ErrorCode.NOT_IMPLEMENTED,
                    "SSE-KMS needs the emulator's KMS, which is not running.");
        }
        String objectArn = "arn:aws:s3:::" + bucket + "/" + key;
        String keyArn;
        try {
            keyArn = keyId == null ? keys.awsManagedKeyArn("s3", region) : keys.keyArn(keyId, region);
            authorizer.authorizeKey(caller, "kms:GenerateDataKey", keyArn, keys.keyPolicy(keyArn).orElse(null),
                    objectArn);
            keys.generateDataKey(keyArn, 32, Map.of("aws:s3:arn", objectArn), region);
        } catch (AwsException e) {
            throw kmsError(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SSE, algorithm);
        headers.put(KMS_KEY, keyArn);
        if (bucketKey != null) {
            headers.put(BUCKET_KEY, bucketKey);
        }
        return headers;
    }

    /**
     * S3 takes a customer-provided key (SSE-C) only over HTTPS, and refuses it over HTTP before anything else;
     * over the emulator's plain HTTP port every SSE-C request is refused as AWS would refuse it.
     */
    static void refuseCustomerKeysWithoutTls(HttpServletRequest request) {
        if (!request.isSecure() && (request.getHeader(CUSTOMER_ALGORITHM) != null
                || request.getHeader("x-amz-copy-source-server-side-encryption-customer-algorithm") != null)) {
            throw S3Errors.of(400, "InvalidRequest", "Requests specifying Server Side Encryption with Customer "
                    + "provided keys must be made over a secure connection.");
        }
    }

    /** Throws AccessDenied unless a role caller may have S3 decrypt with the object's key, when enforcing. */
    void forRead(Caller caller, String kmsKeyArn, String bucket, String key) {
        if (kmsKeyArn == null || !authorizer.enforcing()) {
            return;
        }
        KeyRing keys = keyRing.get();
        String policy = keys == null ? null : keys.keyPolicy(kmsKeyArn).orElse(null);
        authorizer.authorizeKey(caller, "kms:Decrypt", kmsKeyArn, policy, "arn:aws:s3:::" + bucket + "/" + key);
    }

    /** KMS's error as S3 passes it on: {@code KMS.NotFoundException} and the like, with KMS's message. */
    static RuntimeException kmsError(AwsException e) {
        String code = e.code().contains(".") ? e.code() : "KMS." + e.code();
        return S3Errors.of(e.status() >= 500 ? e.status() : 400, code, e.getMessage());
    }
}
