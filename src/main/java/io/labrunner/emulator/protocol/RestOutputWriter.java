package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a REST-JSON operation's output as the model places it: members bound to headers as headers, a
 * {@code payload} member as the whole body (a blob as its bytes), every other member in the JSON body; the
 * status is the operation's {@code responseCode} (202 for Bedrock's CreateGuardrail, for one).
 */
final class RestOutputWriter {
    private static final byte[] EMPTY = new byte[0];
    private static final String JSON = "application/json";
    private final ServiceModel model;
    private final OutputEncoder encoder = new OutputEncoder(List.of());
    private final ObjectMapper trees = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module
            .SimpleModule("aws-timestamps").addSerializer(Instant.class, new Timestamps.InstantSerializer()));

    RestOutputWriter(ServiceModel model) {
        this.model = model;
    }

    AwsResponse write(Operation operation, Object output) {
        int status = operation.http() == null ? 200 : operation.http().responseCode();
        if (operation.output() == null || output == null) {
            return new AwsResponse(status, JSON, Map.of(), EMPTY);
        }
        Shape shape = model.shape(operation.output());
        JsonNode tree = trees.valueToTree(output);
        if (!(tree instanceof ObjectNode body)) {
            throw new IllegalStateException(operation.name() + " returned no structure");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType = JSON;
        for (Map.Entry<String, MemberBinding> bound : shape.bindings().entrySet()) {
            JsonNode value = body.remove(bound.getKey());
            if (value == null || value.isNull() || bound.getValue().location() != MemberBinding.Location.HEADER) {
                continue;
            }
            if ("content-type".equalsIgnoreCase(bound.getValue().wireName())) {
                contentType = value.asText();
            } else {
                headers.put(bound.getValue().wireName(), value.asText());
            }
        }
        if (shape.payload() != null) {
            JsonNode payload = body.get(shape.payload());
            if (payload == null || payload.isNull()) {
                return new AwsResponse(status, contentType, headers, EMPTY);
            }
            Shape payloadShape = model.shape(shape.members().get(shape.payload()));
            byte[] bytes = switch (payloadShape.type()) {
                case BLOB -> binary(payload);
                case STRING -> payload.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                default -> encoder.encode(payload, WireFormat.JSON);
            };
            return new AwsResponse(status, contentType, headers, bytes);
        }
        return new AwsResponse(status, contentType, headers, encoder.encode(body, WireFormat.JSON));
    }

    private static byte[] binary(JsonNode payload) {
        try {
            return payload.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A blob payload that is not bytes", e);
        }
    }
}
