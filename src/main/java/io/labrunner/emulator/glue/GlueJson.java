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
import io.labrunner.emulator.AwsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Glue's records as JSON trees: PascalCase member names, output timestamps as epoch seconds (a number
 * with a fraction), absent members left out. Requests reach the handlers already read and checked by
 * the protocol core; this only maps them onto Glue's records.
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
                            // The protocol core hands input timestamps over as epoch milliseconds.
                            return Instant.ofEpochMilli(p.getLongValue());
                        }
                    }));

    private GlueJson() {
    }

    /** A JSON document held in a member (a crawler's Configuration); an empty one reads as {@code {}}. */
    static JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AwsException("SerializationException", "Malformed JSON body", 400);
        }
        return node == null || node.isMissingNode() ? MAPPER.createObjectNode() : node;
    }

    /**
     * A structure member of input the protocol core has already checked against Glue's model (present
     * when required, every member of its model type), read into {@code type}.
     */
    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException e) {
            // The model and the record disagree: a fault of ours, answered without internals.
            throw new IllegalStateException("Cannot read validated Glue input as " + type.getSimpleName(), e);
        }
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
