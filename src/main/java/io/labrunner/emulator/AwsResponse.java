package io.labrunner.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete response from a service handler. */
public record AwsResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static AwsResponse json(String json) {
        return new AwsResponse(200, "application/x-amz-json-1.1", Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    public static AwsResponse xml(String xml) {
        return new AwsResponse(200, "text/xml", Map.of(), xml.getBytes(StandardCharsets.UTF_8));
    }

    public static AwsResponse of(int status, String contentType, byte[] body) {
        return new AwsResponse(status, contentType, Map.of(), body);
    }
}
