package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds Glue requests the way the SDK sends them: POST /, JSON 1.1 body, X-Amz-Target. */
final class GlueRequests {
    static final ObjectMapper JSON = new ObjectMapper();

    private GlueRequests() {
    }

    static AwsRequest request(String operation, String json) {
        return new AwsRequest("POST", "/", Map.of(),
                Map.of("x-amz-target", "AWSGlue." + operation, "content-type", "application/x-amz-json-1.1"),
                json.getBytes(StandardCharsets.UTF_8), "glue", "us-east-1", "test");
    }

    /** Calls the service and parses its JSON answer. JSON is written with single quotes for readability. */
    static JsonNode call(AwsService glue, String operation, String json) {
        return send(glue, request(operation, json.replace('\'', '"')));
    }

    /**
     * Sends a request and parses the answer; an error answer is turned back into the {@link AwsException}
     * it renders, after checking its header and body agree, so tests assert errors by code and message.
     */
    static JsonNode send(AwsService glue, AwsRequest request) {
        AwsResponse response = glue.handle(request);
        JsonNode body;
        try {
            body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.status() != 200) {
            String code = body.path("__type").asText();
            if (!code.equals(response.headers().get("x-amzn-ErrorType"))) {
                throw new AssertionError("x-amzn-ErrorType disagrees with body " + body);
            }
            String message = body.has("message") ? body.path("message").asText() : body.path("Message").asText(null);
            throw new AwsException(code, message, response.status());
        }
        return body;
    }
}
