package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        AwsResponse response = glue.handle(request(operation, json.replace('\'', '"')));
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
