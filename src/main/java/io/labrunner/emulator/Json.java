package io.labrunner.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The one Jackson mapper the JSON services share, and the request/response conversions they all need. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    /** The shared, thread-safe mapper: ignores unknown fields, omits nulls. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * The request body as a JSON object; an empty body reads as {@code {}}.
     *
     * @throws AwsException {@code SerializationException} (400) for malformed JSON or a body that is not an
     *         object (an array, a string, {@code null}), as AWS JSON services answer
     */
    public static JsonNode body(AwsRequest request) {
        if (request.body().length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw new AwsException("SerializationException", "Malformed JSON request body", 400);
        }
        if (node == null || node.isMissingNode()) {
            return object();
        }
        if (!node.isObject()) {
            throw new AwsException("SerializationException", "The request body must be a JSON object", 400);
        }
        return node;
    }

    /** A 200 JSON 1.1 response with {@code value} serialized. */
    public static AwsResponse response(Object value) {
        try {
            return AwsResponse.json(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getName(), e);
        }
    }
}
