package io.labrunner.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code detail} of an S3 event on EventBridge, member for member as "EventBridge event message structure"
 * (S3 user guide) shows it: version, bucket, object (key, size, etag, version-id, sequencer), request-id,
 * requester, source-ip-address, reason, and deletion-type for deletions.
 */
final class S3EventDetail {
    private S3EventDetail() {
    }

    static ObjectNode of(ObjectEvents.ObjectEvent event) {
        ObjectNode detail = Json.object();
        detail.put("version", "0");
        detail.putObject("bucket").put("name", event.bucket());
        ObjectNode object = detail.putObject("object");
        object.put("key", event.key());
        if (event.size() != null) {
            object.put("size", event.size());
        }
        if (event.etag() != null) {
            object.put("etag", event.etag());
        }
        if (event.versionId() != null) {
            object.put("version-id", event.versionId());
        }
        object.put("sequencer", event.sequencer());
        detail.put("request-id", event.requestId());
        detail.put("requester", event.requester());
        detail.put("source-ip-address", event.sourceIp());
        detail.put("reason", event.reason());
        if (event.deletionType() != null) {
            detail.put("deletion-type", event.deletionType());
        }
        return detail;
    }
}
