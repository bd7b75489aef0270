package io.labrunner.emulator.glue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Glue's JSON 1.1 wire format: PascalCase member names, timestamps as epoch seconds (a number with
 * a fraction), absent members left out.
 */
final class GlueJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule()
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
                                throws IOException {
                            gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3));
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            BigDecimal seconds = p.getDecimalValue();
                            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
                        }
                    }));

    private GlueJson() {
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
            return node == null ? MAPPER.createObjectNode() : node;
        } catch (IOException e) {
            throw new io.labrunner.emulator.AwsException("SerializationException", "Malformed JSON body", 400);
        }
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException e) {
            // Jackson's own message names Java types; the member path is what a caller can act on.
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                    ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                            : Integer.toString(r.getIndex())).collect(java.util.stream.Collectors.joining("."))
                    : "";
            throw GlueErrors.invalidInput(path.isEmpty() ? "Invalid input." : "Invalid input at '" + path + "'.");
        }
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static AwsResponse response(JsonNode node) {
        try {
            return AwsResponse.json(MAPPER.writeValueAsString(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A required string member, or InvalidInputException as Glue's validation gives it. */
    static String required(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull() || !v.isTextual()) {
            throw GlueErrors.invalidInput("1 validation error detected: Value null at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return v.asText();
    }
}
