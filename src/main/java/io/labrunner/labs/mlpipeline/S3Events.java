package io.labrunner.labs.mlpipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * An "Object Created" event in the shape S3 sends to EventBridge (Amazon S3 user guide, "EventBridge event message
 * structure"), for asking EventBridge's TestEventPattern what a rule would match.
 */
final class S3Events {
    private static final ObjectMapper JSON = new ObjectMapper();

    private S3Events() {
    }

    static String objectCreated(String account, String region, String bucket, String key) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.nameUUIDFromBytes((bucket + "/" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
        event.put("detail-type", "Object Created");
        event.put("source", "aws.s3");
        event.put("account", account);
        event.put("time", "2026-12-01T00:00:00Z");
        event.put("region", region);
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        ObjectNode object = detail.putObject("object");
        object.put("key", key);
        object.put("size", 1024);
        object.put("etag", "d41d8cd98f00b204e9800998ecf8427e");
        object.put("sequencer", "0062E99A88DC407460");
        detail.put("request-id", "N4N7GDK58NMKJ12R");
        detail.put("requester", account);
        detail.put("source-ip-address", "203.0.113.15");
        detail.put("reason", "PutObject");
        return event.toString();
    }
}
