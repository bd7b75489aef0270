package io.labrunner.emulator.s3;

import io.labrunner.emulator.FormCodec;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What IAM authorizes for an S3 request: its action, the bucket or object ARN, and the S3 condition keys the
 * request carries — the one place an S3 request is read as IAM reads it. Actions and keys follow the Service
 * Authorization Reference, "Actions, resources, and condition keys for Amazon S3"
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html), and the S3 User
 * Guide's "Required permissions for Amazon S3 API operations". A copy (CopyObject, UploadPartCopy) also reads
 * its source, so it maps to two accesses.
 */
final class S3AccessMapping {
    /** Bucket sub-resources: the query parameter, then the GET / PUT / DELETE actions (null: no such operation). */
    private static final Map<String, String[]> BUCKET_SUBRESOURCES = new LinkedHashMap<>();

    static {
        bucket("policy", "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
        bucket("policyStatus", "s3:GetBucketPolicyStatus", null, null);
        // DeletePublicAccessBlock is authorized as s3:PutBucketPublicAccessBlock, as the API reference says.
        bucket("publicAccessBlock", "s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock",
                "s3:PutBucketPublicAccessBlock");
        bucket("encryption", "s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration",
                "s3:PutEncryptionConfiguration");
        bucket("acl", "s3:GetBucketAcl", "s3:PutBucketAcl", null);
        bucket("versioning", "s3:GetBucketVersioning", "s3:PutBucketVersioning", null);
        bucket("versions", "s3:ListBucketVersions", null, null);
        bucket("uploads", "s3:ListBucketMultipartUploads", null, null);
        bucket("location", "s3:GetBucketLocation", null, null);
        bucket("cors", "s3:GetBucketCORS", "s3:PutBucketCORS", "s3:PutBucketCORS");
        bucket("tagging", "s3:GetBucketTagging", "s3:PutBucketTagging", "s3:PutBucketTagging");
        bucket("lifecycle", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration",
                "s3:PutLifecycleConfiguration");
        bucket("notification", "s3:GetBucketNotification", "s3:PutBucketNotification", null);
        bucket("website", "s3:GetBucketWebsite", "s3:PutBucketWebsite", "s3:DeleteBucketWebsite");
        bucket("logging", "s3:GetBucketLogging", "s3:PutBucketLogging", null);
        bucket("ownershipControls", "s3:GetBucketOwnershipControls", "s3:PutBucketOwnershipControls",
                "s3:PutBucketOwnershipControls");
        bucket("object-lock", "s3:GetBucketObjectLockConfiguration", "s3:PutBucketObjectLockConfiguration", null);
        bucket("requestPayment", "s3:GetBucketRequestPayment", "s3:PutBucketRequestPayment", null);
        bucket("replication", "s3:GetReplicationConfiguration", "s3:PutReplicationConfiguration",
                "s3:PutReplicationConfiguration");
        bucket("accelerate", "s3:GetAccelerateConfiguration", "s3:PutAccelerateConfiguration", null);
        bucket("intelligent-tiering", "s3:GetIntelligentTieringConfiguration",
                "s3:PutIntelligentTieringConfiguration", "s3:PutIntelligentTieringConfiguration");
        bucket("analytics", "s3:GetAnalyticsConfiguration", "s3:PutAnalyticsConfiguration",
                "s3:PutAnalyticsConfiguration");
        bucket("metrics", "s3:GetMetricsConfiguration", "s3:PutMetricsConfiguration", "s3:PutMetricsConfiguration");
        bucket("inventory", "s3:GetInventoryConfiguration", "s3:PutInventoryConfiguration",
                "s3:PutInventoryConfiguration");
    }

    private static void bucket(String parameter, String get, String put, String delete) {
        BUCKET_SUBRESOURCES.put(parameter, new String[] {get, put, delete});
    }

    /** The bucket sub-resource a request names, or null. */
    static String bucketSubresource(HttpServletRequest request) {
        for (String parameter : BUCKET_SUBRESOURCES.keySet()) {
            if (request.getParameter(parameter) != null) {
                return parameter;
            }
        }
        return null;
    }

    private S3AccessMapping() {
    }

    /** The bucket and key of a path-style request: {@code [bucket, key]}, either null when absent. */
    static String[] bucketAndKey(HttpServletRequest request) {
        String[] path = request.getRequestURI().split("/", 3);
        String bucket = path.length > 1 && !path[1].isEmpty() ? FormCodec.decodePath(path[1]) : null;
        String key = path.length > 2 && !path[2].isEmpty() ? FormCodec.decodePath(path[2]) : null;
        return new String[] {bucket, key};
    }

    /** The accesses the request needs, in the order IAM checks them; empty for requests S3 does not authorize. */
    static List<S3Access> of(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String[] bk = bucketAndKey(request);
        String bucket = bk[0];
        String key = bk[1];
        if (bucket == null) {
            return "GET".equals(method) ? List.of(new S3Access("s3:ListAllMyBuckets", null, null, Map.of()))
                    : List.of();
        }
        return key == null ? onBucket(request, method, bucket) : onObject(request, method, bucket, key);
    }

    private static List<S3Access> onBucket(HttpServletRequest request, String method, String bucket) {
        String subresource = bucketSubresource(request);
        if (subresource != null) {
            String[] actions = BUCKET_SUBRESOURCES.get(subresource);
            String action = switch (method) {
                case "GET", "HEAD" -> actions[0];
                case "PUT" -> actions[1];
                case "DELETE" -> actions[2];
                default -> null;
            };
            return action == null ? List.of() : List.of(new S3Access(action, bucket, null, Map.of()));
        }
        return switch (method) {
            case "PUT" -> List.of(new S3Access("s3:CreateBucket", bucket, null, Map.of()));
            case "DELETE" -> List.of(new S3Access("s3:DeleteBucket", bucket, null, Map.of()));
            case "HEAD" -> List.of(new S3Access("s3:ListBucket", bucket, null, Map.of()));
            case "GET" -> List.of(new S3Access("s3:ListBucket", bucket, null, listKeys(request)));
            // DeleteObjects is authorized per key, as s3:DeleteObject; the keys are in the body (see S3Frontend).
            // A browser form upload (POST to the bucket) names its key inside the form, which is not read here:
            // it is authorized on the bucket's ARN.
            case "POST" -> request.getParameter("delete") != null ? List.of()
                    : List.of(new S3Access("s3:PutObject", bucket, null, Map.of()));
            default -> List.of();
        };
    }

    /** ListObjects' own condition keys: present only when the request sends the parameter. */
    private static Map<String, List<String>> listKeys(HttpServletRequest request) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String name : List.of("prefix", "delimiter", "max-keys")) {
            String value = request.getParameter(name);
            if (value != null) {
                keys.put("s3:" + name, List.of(value));
            }
        }
        return keys;
    }

    private static List<S3Access> onObject(HttpServletRequest request, String method, String bucket, String key) {
        boolean version = request.getParameter("versionId") != null;
        if (request.getParameter("acl") != null) {
            String action = "GET".equals(method) ? "s3:GetObject" : "s3:PutObject";
            return one(action + (version ? "VersionAcl" : "Acl"), bucket, key, versionKeys(request));
        }
        if (request.getParameter("tagging") != null) {
            String verb = switch (method) {
                case "GET" -> "s3:GetObject";
                case "PUT" -> "s3:PutObject";
                default -> "s3:DeleteObject";
            };
            return one(verb + (version ? "VersionTagging" : "Tagging"), bucket, key, versionKeys(request));
        }
        String uploadId = request.getParameter("uploadId");
        return switch (method) {
            case "GET" -> request.getParameter("attributes") != null
                    ? one(version ? "s3:GetObjectVersionAttributes" : "s3:GetObjectAttributes", bucket, key,
                    versionKeys(request))
                    : uploadId != null ? one("s3:ListMultipartUploadParts", bucket, key, Map.of())
                    : one(version ? "s3:GetObjectVersion" : "s3:GetObject", bucket, key, versionKeys(request));
            case "HEAD" -> one(version ? "s3:GetObjectVersion" : "s3:GetObject", bucket, key, versionKeys(request));
            case "PUT" -> put(request, bucket, key, uploadId != null);
            case "POST" -> request.getParameter("restore") != null ? one("s3:RestoreObject", bucket, key, Map.of())
                    : request.getParameter("uploads") != null
                    ? one("s3:PutObject", bucket, key, writeKeys(request))
                    : one("s3:PutObject", bucket, key, Map.of());
            case "DELETE" -> uploadId != null ? one("s3:AbortMultipartUpload", bucket, key, Map.of())
                    : one(version ? "s3:DeleteObjectVersion" : "s3:DeleteObject", bucket, key, versionKeys(request));
            default -> List.of();
        };
    }

    private static List<S3Access> put(HttpServletRequest request, String bucket, String key, boolean part) {
        String copySource = request.getHeader("x-amz-copy-source");
        Map<String, List<String>> keys = part ? Map.of() : writeKeys(request);
        List<S3Access> accesses = new ArrayList<>();
        accesses.add(new S3Access("s3:PutObject", bucket, key, keys));
        if (copySource != null) {
            String[] source = copySource(copySource);
            if (source != null) {
                accesses.add(new S3Access(source[2] != null ? "s3:GetObjectVersion" : "s3:GetObject", source[0],
                        source[1], source[2] != null ? Map.of("s3:versionid", List.of(source[2])) : Map.of()));
            }
        }
        return accesses;
    }

    /** {@code [bucket, key, versionId]} of an {@code x-amz-copy-source} header, or null when it names none. */
    static String[] copySource(String header) {
        String value = header;
        String version = null;
        int query = value.indexOf("?versionId=");
        if (query >= 0) {
            version = value.substring(query + "?versionId=".length());
            value = value.substring(0, query);
        }
        value = FormCodec.decodePath(value.startsWith("/") ? value.substring(1) : value);
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return null;
        }
        return new String[] {value.substring(0, slash), value.substring(slash + 1), version};
    }

    /** The condition keys of a write that creates an object: its encryption, ACL, storage class, copy source. */
    private static Map<String, List<String>> writeKeys(HttpServletRequest request) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String header : List.of("x-amz-server-side-encryption", "x-amz-server-side-encryption-aws-kms-key-id",
                "x-amz-server-side-encryption-customer-algorithm", "x-amz-acl", "x-amz-storage-class",
                "x-amz-copy-source", "x-amz-metadata-directive")) {
            String value = request.getHeader(header);
            if (value != null) {
                keys.put("s3:" + header, List.of(value));
            }
        }
        return keys;
    }

    private static Map<String, List<String>> versionKeys(HttpServletRequest request) {
        String version = request.getParameter("versionId");
        return version == null ? Map.of() : Map.of("s3:versionid", List.of(version));
    }

    private static List<S3Access> one(String action, String bucket, String key, Map<String, List<String>> keys) {
        return List.of(new S3Access(action, bucket, key, keys));
    }
}
