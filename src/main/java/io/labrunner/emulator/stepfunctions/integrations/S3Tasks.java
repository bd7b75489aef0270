package io.labrunner.emulator.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.iam.access.Denial;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.stepfunctions.asl.ExecutionInfo;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code arn:aws:states:::aws-sdk:s3:<action>} on the emulator's own S3, as the execution's role: GetObject (the
 * body as text, as Step Functions returns it), PutObject (a JSON body is written as its text), HeadObject,
 * ListObjectsV2, CopyObject and DeleteObject. S3's errors carry the {@code S3.} prefix and an {@code Exception}
 * suffix ({@code S3.NoSuchKeyException}).
 */
final class S3Tasks {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final S3Objects s3;
    private final ServiceAccess access;

    S3Tasks(S3Objects s3, ServiceAccess access) {
        this.s3 = s3;
        this.access = access;
    }

    JsonNode run(String action, JsonNode parameters, ExecutionInfo execution, String resource) {
        String bucket = parameters.path("Bucket").asText(null);
        if (bucket == null) {
            throw new TaskFailure("S3.S3Exception", "The request must name a Bucket (Service: S3, Status Code: 400)");
        }
        String session = RoleCalls.sessionName(execution.executionArn());
        return switch (action) {
            case "getObject" -> {
                String key = key(parameters);
                allow(access.s3Object(execution.roleArn(), session, "s3:GetObject", bucket, key));
                byte[] body = object(bucket, key);
                ObjectNode out = described(body);
                out.put("Body", new String(body, StandardCharsets.UTF_8));
                yield out;
            }
            case "headObject" -> {
                String key = key(parameters);
                allow(access.s3Object(execution.roleArn(), session, "s3:GetObject", bucket, key));
                yield described(object(bucket, key));
            }
            case "putObject" -> {
                String key = key(parameters);
                allow(access.s3Object(execution.roleArn(), session, "s3:PutObject", bucket, key));
                requireBucket(bucket);
                JsonNode given = parameters.path("Body");
                byte[] body = (given.isTextual() ? given.asText() : given.isMissingNode() ? "" : given.toString())
                        .getBytes(StandardCharsets.UTF_8);
                s3.put(bucket, key, body);
                yield NODES.objectNode().put("ETag", etag(body));
            }
            case "deleteObject" -> {
                String key = key(parameters);
                allow(access.s3Object(execution.roleArn(), session, "s3:DeleteObject", bucket, key));
                requireBucket(bucket);
                s3.delete(bucket, key);
                yield NODES.objectNode();
            }
            case "copyObject" -> copy(parameters, bucket, execution, session);
            case "listObjectsV2" -> list(parameters, bucket, execution, session);
            default -> throw RoleCalls.unavailable(resource, "the emulator serves S3 actions getObject, putObject,"
                    + " headObject, listObjectsV2, copyObject and deleteObject to state machines");
        };
    }

    private JsonNode copy(JsonNode parameters, String bucket, ExecutionInfo execution, String session) {
        String key = key(parameters);
        String source = parameters.path("CopySource").asText("");
        source = source.startsWith("/") ? source.substring(1) : source;
        int slash = source.indexOf('/');
        if (slash <= 0) {
            throw new TaskFailure("S3.S3Exception", "CopySource must be bucket/key (Service: S3, Status Code: 400)");
        }
        String sourceBucket = source.substring(0, slash);
        String sourceKey = java.net.URLDecoder.decode(source.substring(slash + 1), StandardCharsets.UTF_8);
        allow(access.s3Object(execution.roleArn(), session, "s3:GetObject", sourceBucket, sourceKey));
        allow(access.s3Object(execution.roleArn(), session, "s3:PutObject", bucket, key));
        byte[] body = object(sourceBucket, sourceKey);
        requireBucket(bucket);
        s3.put(bucket, key, body);
        ObjectNode out = NODES.objectNode();
        out.putObject("CopyObjectResult").put("ETag", etag(body))
                .put("LastModified", java.time.Instant.now().toString());
        return out;
    }

    private JsonNode list(JsonNode parameters, String bucket, ExecutionInfo execution, String session) {
        String prefix = parameters.path("Prefix").asText("");
        allow(access.s3List(execution.roleArn(), session, bucket, prefix));
        requireBucket(bucket);
        int maxKeys = parameters.path("MaxKeys").asInt(1000);
        String after = parameters.path("StartAfter").asText("");
        String token = parameters.path("ContinuationToken").asText(null);
        if (token != null) {
            after = new String(java.util.Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        }
        String start = after;
        List<S3Objects.S3Object> all = s3.list(bucket, prefix).stream().filter(o -> o.key().compareTo(start) > 0)
                .toList();
        List<S3Objects.S3Object> page = all.subList(0, Math.min(maxKeys, all.size()));
        ObjectNode out = NODES.objectNode();
        ArrayNode contents = out.putArray("Contents");
        for (S3Objects.S3Object object : page) {
            contents.addObject().put("Key", object.key()).put("Size", object.size()).put("StorageClass", "STANDARD");
        }
        if (page.isEmpty()) {
            out.remove("Contents");
        }
        boolean truncated = page.size() < all.size();
        out.put("IsTruncated", truncated);
        out.put("KeyCount", page.size());
        out.put("MaxKeys", maxKeys);
        out.put("Name", bucket);
        out.put("Prefix", prefix);
        if (truncated) {
            out.put("NextContinuationToken", java.util.Base64.getEncoder()
                    .encodeToString(page.get(page.size() - 1).key().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private byte[] object(String bucket, String key) {
        requireBucket(bucket);
        return s3.get(bucket, key).orElseThrow(() -> error("NoSuchKey", "The specified key does not exist.", 404));
    }

    private void requireBucket(String bucket) {
        if (!s3.bucketExists(bucket)) {
            throw error("NoSuchBucket", "The specified bucket does not exist", 404);
        }
    }

    private static ObjectNode described(byte[] body) {
        return NODES.objectNode().put("ContentLength", body.length).put("ETag", etag(body))
                .put("ContentType", "binary/octet-stream");
    }

    private static String key(JsonNode parameters) {
        String key = parameters.path("Key").asText(null);
        if (key == null || key.isEmpty()) {
            throw new TaskFailure("S3.S3Exception", "The request must name a Key (Service: S3, Status Code: 400)");
        }
        return key;
    }

    private static void allow(Optional<Denial> denial) {
        if (denial.isPresent()) {
            throw error("AccessDenied", "Access Denied", 403);
        }
    }

    private static TaskFailure error(String code, String message, int status) {
        return new TaskFailure(RoleCalls.errorName("S3", code), message + " (Service: S3, Status Code: " + status
                + ", Request ID: " + UUID.randomUUID() + ")");
    }

    private static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
