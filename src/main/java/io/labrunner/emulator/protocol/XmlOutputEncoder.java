package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a handler's output as the query protocol's XML, walking the output shape: members in the
 * model's order under their own names, list elements as {@code <member>}, map entries as
 * {@code <entry><key/><value/></entry>}, timestamps in ISO 8601 ({@code 2026-01-01T00:00:00Z}), booleans as
 * {@code true}/{@code false}. Absent (null) members are left out; an empty list is written as an empty
 * element, as AWS answers {@code <PolicyNames/>}.
 *
 * <p>Output values are maps (or JSON objects) for structures and maps, collections (or JSON arrays) for
 * lists, {@link Instant}s or epoch milliseconds for timestamps, {@code byte[]} for blobs, and any value
 * whose text is the scalar. A member the shape does not have is a bug in the handler, so it fails loudly.
 */
final class XmlOutputEncoder {
    private final ServiceModel model;

    XmlOutputEncoder(ServiceModel model) {
        this.model = model;
    }

    /** Writes the members of {@code output} (a structure of {@code shape}) into the open element. */
    void members(XmlWriter xml, Object output, Shape shape) {
        Map<String, Object> values = fields(output, shape);
        for (String unknown : values.keySet()) {
            if (!shape.members().containsKey(unknown)) {
                throw new IllegalStateException(shape.name() + " has no member " + unknown);
            }
        }
        for (Map.Entry<String, String> member : shape.members().entrySet()) {
            Object value = values.get(member.getKey());
            if (value != null) {
                value(xml, member.getKey(), value, model.shape(member.getValue()));
            }
        }
    }

    private void value(XmlWriter xml, String element, Object value, Shape shape) {
        switch (shape.type()) {
            case STRUCTURE -> {
                xml.start(element);
                members(xml, value, shape);
                xml.end();
            }
            case LIST -> {
                Shape member = model.shape(shape.member());
                xml.start(element);
                for (Object item : elements(value)) {
                    if (item != null) {
                        value(xml, "member", item, member);
                    }
                }
                xml.end();
            }
            case MAP -> {
                Shape key = model.shape(shape.key());
                Shape entryValue = model.shape(shape.value());
                xml.start(element);
                for (Map.Entry<String, Object> entry : fields(value, shape).entrySet()) {
                    xml.start("entry");
                    value(xml, "key", entry.getKey(), key);
                    if (entry.getValue() != null) {
                        value(xml, "value", entry.getValue(), entryValue);
                    }
                    xml.end();
                }
                xml.end();
            }
            default -> xml.element(element, scalar(value, shape));
        }
    }

    private static String scalar(Object value, Shape shape) {
        Object plain = value instanceof JsonNode node ? plain(node) : value;
        return switch (shape.type()) {
            case TIMESTAMP -> DateTimeFormatter.ISO_INSTANT.format(plain instanceof Number millis
                    ? Instant.ofEpochMilli(millis.longValue()) : (Instant) plain);
            case BLOB -> plain instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : plain.toString();
            default -> plain.toString();
        };
    }

    private static Object plain(JsonNode node) {
        try {
            return node.isBinary() ? node.binaryValue() : node.isNumber() ? node.numberValue() : node.asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a binary node always has its bytes", e);
        }
    }

    /** A structure's or map's values by member name or key, in their own order. */
    private static Map<String, Object> fields(Object value, Shape shape) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return fields;
        }
        if (value instanceof JsonNode node && node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    fields.put(field.getKey(), field.getValue());
                }
            }
            return fields;
        }
        throw new IllegalStateException(shape.name() + " is written from a map, not " + value.getClass().getSimpleName());
    }

    private static Collection<?> elements(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        if (value instanceof JsonNode node && node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
        throw new IllegalStateException("a list is written from a collection, not " + value.getClass().getSimpleName());
    }
}
