package io.labrunner.emulator.s3;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;

/**
 * The one table of S3's sub-resource operations (an operation picked by a query parameter on a bucket or an object,
 * as in S3's API model): which of them this emulator serves. A request naming one it does not serve answers
 * {@code NotImplemented} naming the operation before S3Proxy sees it, because S3Proxy ignores parameters it does not
 * know and would serve such a request as another operation: a PUT on a bucket as CreateBucket, a PUT on an object as
 * PutObject (overwriting it), a DELETE on a bucket as DeleteBucket. A sub-resource used with a method S3 has no
 * operation for answers {@code MethodNotAllowed}, for the same reason.
 */
final class S3Subresources {
    /** Where a sub-resource applies. */
    enum Level { BUCKET, OBJECT }

    /** One operation: served or not. */
    record Operation(String name, boolean served) {
    }

    /** By level, then "METHOD parameter". */
    private static final Map<Level, Map<String, Operation>> TABLE = Map.of(Level.BUCKET, new HashMap<>(),
            Level.OBJECT, new HashMap<>());
    private static final Map<Level, Set<String>> PARAMETERS = Map.of(Level.BUCKET, new HashSet<>(),
            Level.OBJECT, new HashSet<>());
    /** Bucket configurations kept by id: a GET without {@code id} lists them (none of them served). */
    private static final Map<String, Operation> LISTS = Map.of(
            "analytics", new Operation("ListBucketAnalyticsConfigurations", false),
            "intelligent-tiering", new Operation("ListBucketIntelligentTieringConfigurations", false),
            "inventory", new Operation("ListBucketInventoryConfigurations", false),
            "metrics", new Operation("ListBucketMetricsConfigurations", false));

    static {
        // Served here (BucketConfigurationRequests) or by S3Proxy.
        served(Level.BUCKET, "acl", "GetBucketAcl", "PutBucketAcl", null, null);
        served(Level.BUCKET, "policy", "GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy", null);
        served(Level.BUCKET, "policyStatus", "GetBucketPolicyStatus", null, null, null);
        served(Level.BUCKET, "publicAccessBlock", "GetPublicAccessBlock", "PutPublicAccessBlock",
                "DeletePublicAccessBlock", null);
        served(Level.BUCKET, "encryption", "GetBucketEncryption", "PutBucketEncryption", "DeleteBucketEncryption",
                null);
        served(Level.BUCKET, "notification", "GetBucketNotificationConfiguration",
                "PutBucketNotificationConfiguration", null, null);
        served(Level.BUCKET, "location", "GetBucketLocation", null, null, null);
        served(Level.BUCKET, "versioning", "GetBucketVersioning", "PutBucketVersioning", null, null);
        served(Level.BUCKET, "versions", "ListObjectVersions", null, null, null);
        served(Level.BUCKET, "tagging", "GetBucketTagging", "PutBucketTagging", "DeleteBucketTagging", null);
        served(Level.BUCKET, "cors", "GetBucketCors", "PutBucketCors", "DeleteBucketCors", null);
        served(Level.OBJECT, "tagging", "GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging", null);
        served(Level.BUCKET, "uploads", "ListMultipartUploads", null, null, null);
        served(Level.BUCKET, "delete", null, null, null, "DeleteObjects");
        served(Level.OBJECT, "acl", "GetObjectAcl", "PutObjectAcl", null, null);
        served(Level.OBJECT, "attributes", "GetObjectAttributes", null, null, null);
        served(Level.OBJECT, "uploads", null, null, null, "CreateMultipartUpload");
        served(Level.OBJECT, "uploadId", "ListParts", "UploadPart", "AbortMultipartUpload",
                "CompleteMultipartUpload");

        // In S3's API model, not served.
        unserved(Level.BUCKET, "lifecycle", "GetBucketLifecycleConfiguration", "PutBucketLifecycleConfiguration",
                "DeleteBucketLifecycle", null);
        unserved(Level.BUCKET, "website", "GetBucketWebsite", "PutBucketWebsite", "DeleteBucketWebsite", null);
        unserved(Level.BUCKET, "logging", "GetBucketLogging", "PutBucketLogging", null, null);
        unserved(Level.BUCKET, "ownershipControls", "GetBucketOwnershipControls", "PutBucketOwnershipControls",
                "DeleteBucketOwnershipControls", null);
        unserved(Level.BUCKET, "object-lock", "GetObjectLockConfiguration", "PutObjectLockConfiguration", null, null);
        unserved(Level.BUCKET, "requestPayment", "GetBucketRequestPayment", "PutBucketRequestPayment", null, null);
        unserved(Level.BUCKET, "replication", "GetBucketReplication", "PutBucketReplication",
                "DeleteBucketReplication", null);
        unserved(Level.BUCKET, "accelerate", "GetBucketAccelerateConfiguration", "PutBucketAccelerateConfiguration",
                null, null);
        unserved(Level.BUCKET, "intelligent-tiering", "GetBucketIntelligentTieringConfiguration",
                "PutBucketIntelligentTieringConfiguration", "DeleteBucketIntelligentTieringConfiguration", null);
        unserved(Level.BUCKET, "analytics", "GetBucketAnalyticsConfiguration", "PutBucketAnalyticsConfiguration",
                "DeleteBucketAnalyticsConfiguration", null);
        unserved(Level.BUCKET, "metrics", "GetBucketMetricsConfiguration", "PutBucketMetricsConfiguration",
                "DeleteBucketMetricsConfiguration", null);
        unserved(Level.BUCKET, "inventory", "GetBucketInventoryConfiguration", "PutBucketInventoryConfiguration",
                "DeleteBucketInventoryConfiguration", null);
        unserved(Level.BUCKET, "abac", "GetBucketAbac", "PutBucketAbac", null, null);
        unserved(Level.BUCKET, "metadataConfiguration", "GetBucketMetadataConfiguration", null,
                "DeleteBucketMetadataConfiguration", "CreateBucketMetadataConfiguration");
        unserved(Level.BUCKET, "metadataTable", "GetBucketMetadataTableConfiguration", null,
                "DeleteBucketMetadataTableConfiguration", "CreateBucketMetadataTableConfiguration");
        unserved(Level.BUCKET, "metadataInventoryTable", null, "UpdateBucketMetadataInventoryTableConfiguration",
                null, null);
        unserved(Level.BUCKET, "metadataJournalTable", null, "UpdateBucketMetadataJournalTableConfiguration", null,
                null);
        unserved(Level.BUCKET, "session", "CreateSession", null, null, null);
        unserved(Level.OBJECT, "legal-hold", "GetObjectLegalHold", "PutObjectLegalHold", null, null);
        unserved(Level.OBJECT, "retention", "GetObjectRetention", "PutObjectRetention", null, null);
        unserved(Level.OBJECT, "torrent", "GetObjectTorrent", null, null, null);
        unserved(Level.OBJECT, "renameObject", null, "RenameObject", null, null);
        unserved(Level.OBJECT, "encryption", null, "UpdateObjectEncryption", null, null);
        unserved(Level.OBJECT, "restore", null, null, null, "RestoreObject");
        unserved(Level.OBJECT, "select", null, null, null, "SelectObjectContent");
    }

    private S3Subresources() {
    }

    private static void served(Level level, String parameter, String get, String put, String delete, String post) {
        add(level, parameter, true, get, put, delete, post);
    }

    private static void unserved(Level level, String parameter, String get, String put, String delete, String post) {
        add(level, parameter, false, get, put, delete, post);
    }

    private static void add(Level level, String parameter, boolean served, String get, String put, String delete,
            String post) {
        PARAMETERS.get(level).add(parameter);
        Map<String, Operation> operations = TABLE.get(level);
        for (String[] method : new String[][] {{"GET", get}, {"PUT", put}, {"DELETE", delete}, {"POST", post}}) {
            if (method[1] != null) {
                operations.put(method[0] + " " + parameter, new Operation(method[1], served));
            }
        }
    }

    /**
     * The operation a request names by its sub-resource, or empty when it names none.
     *
     * @param parameters the names of the request's query parameters
     * @throws S3ProxyException MethodNotAllowed when the sub-resource has no operation for this method
     */
    static Optional<Operation> of(Level level, String method, Set<String> parameters) {
        if ("HEAD".equals(method) || "OPTIONS".equals(method)) {
            return Optional.empty(); // HeadBucket and HeadObject ignore parameters, as S3 does
        }
        for (String parameter : PARAMETERS.get(level)) {
            if (parameters.contains(parameter)) {
                if (level == Level.BUCKET && "GET".equals(method) && !parameters.contains("id")
                        && LISTS.containsKey(parameter)) {
                    return Optional.of(LISTS.get(parameter));
                }
                Operation operation = TABLE.get(level).get(method + " " + parameter);
                if (operation == null) {
                    throw new S3ProxyException(S3ErrorCode.METHOD_NOT_ALLOWED);
                }
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a request for an operation this emulator does not serve with S3's {@code NotImplemented} (501), naming
     * the operation; lets every other request through.
     */
    static void refuseUnserved(Level level, String method, Set<String> parameters) {
        of(level, method, parameters).filter(operation -> !operation.served()).ifPresent(operation -> {
            throw notImplemented(operation.name());
        });
    }

    /** S3's NotImplemented, with its own wording, naming the operation. */
    static RuntimeException notImplemented(String operation) {
        return S3Errors.of(501, "NotImplemented", "A header you provided implies functionality that is not"
                + " implemented. The embedded emulator does not serve the S3 operation " + operation
                + "; run this against --target localstack or a real account.");
    }
}
