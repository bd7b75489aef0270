package io.labrunner.emulator.s3;

import java.util.List;
import java.util.Map;

/**
 * One IAM action an S3 request performs, on one bucket or object.
 *
 * @param action the IAM action, e.g. {@code s3:GetObject}
 * @param bucket the bucket, or null for account-level actions ({@code s3:ListAllMyBuckets})
 * @param key    the object's key, or null for bucket-level actions
 * @param keys   the request's S3 condition keys for this action ({@code s3:prefix},
 *               {@code s3:x-amz-server-side-encryption}, ...); the global ones are added by the caller
 */
record S3Access(String action, String bucket, String key, Map<String, List<String>> keys) {
    S3Access {
        keys = Map.copyOf(keys);
    }

    /** The resource's ARN: {@code arn:aws:s3:::bucket}, {@code arn:aws:s3:::bucket/key}, or {@code *}. */
    String resource() {
        if (bucket == null) {
            return "*";
        }
        return key == null ? "arn:aws:s3:::" + bucket : "arn:aws:s3:::" + bucket + "/" + key;
    }
}
