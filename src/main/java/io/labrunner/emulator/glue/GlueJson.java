package io.labrunner.emulator.glue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Glue's JSON 1.1 wire format: PascalCase member names, timestamps as epoch seconds (a number with
 * a fraction), absent members left out.
 */
final class GlueJson {
    static final ObjectMapper MAPPER = withoutScalarCoercion(new ObjectMapper())
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

    /**
     * Glue reads each member as its model's type: a number where a string belongs (or "12" where a number
     * belongs) is a SerializationException there, not silently converted.
     */
    private static ObjectMapper withoutScalarCoercion(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** A JSON document (a request body, a crawler's Configuration); an empty one reads as {@code {}}. */
    static JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            throw serialization("Malformed JSON body");
        }
        return node == null || node.isMissingNode() ? MAPPER.createObjectNode() : node;
    }

    /** The request body, which must be a JSON object. */
    static JsonNode requestBody(byte[] body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw serialization("The request body must be a JSON object");
        }
        return node;
    }

    /**
     * A required structure member read into {@code type}.
     *
     * @param where the member's name as Glue's validation messages give it, e.g. {@code databaseInput}
     * @throws io.labrunner.emulator.AwsException InvalidInputException when absent, SerializationException
     *         when it or a member inside it has the wrong JSON type (the message names the member, never a class)
     */
    static <T> T read(JsonNode node, String where, Class<T> type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw GlueErrors.invalidInput("1 validation error detected: Value null at '" + where
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!node.isObject()) {
            throw serialization("Unexpected value type at " + where + ": expected an object");
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            StringBuilder path = new StringBuilder(where);
            for (JsonMappingException.Reference ref : e.getPath()) {
                path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            throw serialization("Unexpected value type at " + path);
        } catch (IOException e) {
            throw serialization("Unreadable value at " + where);
        }
    }

    private static AwsException serialization(String message) {
        return new AwsException("SerializationException", message, 400);
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
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw serialization("Unexpected value type at " + member + ": expected a string");
        }
        if (v == null || v.isNull()) {
            throw GlueErrors.invalidInput("1 validation error detected: Value null at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return v.asText();
    }
}
