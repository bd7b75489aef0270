package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.protocol.WireFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls a {@link KinesisService} the way SDK v2 does over the wire: POST /, X-Amz-Target and a body
 * in CBOR or JSON. CBOR error responses are turned back into {@link AwsException} so tests check
 * errors the same way in both formats.
 */
final class KinesisCaller {
    private final KinesisService service;
    private final WireFormat format;

    KinesisCaller(KinesisService service, WireFormat format) {
        this.service = service;
        this.format = format;
    }

    WireFormat format() {
        return format;
    }

    AwsResponse raw(String operation, Map<String, ?> body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", format.contentType("1.1"));
        headers.put("x-amz-target", "Kinesis_20131202." + operation);
        AwsRequest request = new AwsRequest("POST", "/", Map.of(), headers, format.write(body), "kinesis",
                "us-east-1", "test");
        return service.handle(request);
    }

    JsonNode call(String operation, Map<String, ?> body) {
        AwsResponse response = raw(operation, body);
        if (response.status() != 200) {
            JsonNode error = parse(response.body());
            String header = response.headers().get("x-amzn-ErrorType");
            if (!error.path("__type").asText().equals(header)) {
                throw new AssertionError("x-amzn-ErrorType " + header + " disagrees with body " + error);
            }
            String message = error.has("message") ? error.path("message").asText() : error.path("Message").asText(null);
            throw new AwsException(error.path("__type").asText(), message, response.status());
        }
        if (!response.contentType().equals(format.contentType("1.1"))) {
            throw new AssertionError("answered " + response.contentType() + " to a " + format + " request");
        }
        return parse(response.body());
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            return format == WireFormat.CBOR
                    ? new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().readTree(body)
                    : new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Conveniences for the common calls.

    void createStream(String name, int shards) {
        call("CreateStream", Map.of("StreamName", name, "ShardCount", shards));
    }

    JsonNode describe(String name) {
        return call("DescribeStream", Map.of("StreamName", name)).path("StreamDescription");
    }

    JsonNode putRecord(String name, String partitionKey, byte[] data) {
        return call("PutRecord", Map.of("StreamName", name, "PartitionKey", partitionKey, "Data", data));
    }

    String iterator(String name, String shardId, String type) {
        return call("GetShardIterator", Map.of("StreamName", name, "ShardId", shardId, "ShardIteratorType", type))
                .path("ShardIterator").asText();
    }

    JsonNode getRecords(String iterator) {
        return call("GetRecords", Map.of("ShardIterator", iterator));
    }

    static byte[] data(JsonNode record) {
        try {
            return record.path("Data").binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(JsonNode records) {
        return java.util.stream.StreamSupport.stream(records.spliterator(), false)
                .map(r -> new String(data(r), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }
}
