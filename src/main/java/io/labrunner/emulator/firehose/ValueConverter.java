package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.hive.HiveType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Converts one JSON value to its column's Hive type, or rejects the record as Firehose does
 * ({@code DataFormatConversion.MalformedData}). The result is plain JSON that DuckDB reads as the column's
 * type. OpenX is lenient where the Hive JSON SerDe is strict: numbers and booleans given as strings, and
 * nested JSON read into a string column, are accepted only by OpenX
 * (https://docs.aws.amazon.com/firehose/latest/dev/record-format-conversion.html).
 */
final class ValueConverter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final FormatConversion.JsonDeserializer deserializer;
    private final KeyMatcher keys;

    ValueConverter(FormatConversion.JsonDeserializer deserializer) {
        this.deserializer = deserializer;
        this.keys = new KeyMatcher(deserializer);
    }

    KeyMatcher keys() {
        return keys;
    }

    /** The value as its column's type; JSON null stays null. */
    JsonNode convert(JsonNode value, HiveType type) {
        if (value == null || value.isNull()) {
            return NODES.nullNode();
        }
        switch (type.kind()) {
            case TINYINT: return NODES.numberNode(integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case SMALLINT: return NODES.numberNode(integral(value, Short.MIN_VALUE, Short.MAX_VALUE));
            case INT: return NODES.numberNode(integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case BIGINT: return NODES.numberNode(integral(value, Long.MIN_VALUE, Long.MAX_VALUE));
            case FLOAT: case DOUBLE: return NODES.numberNode(number(value).doubleValue());
            case DECIMAL: return NODES.numberNode(decimal(value, type));
            case STRING: case VARCHAR: case CHAR: case BINARY: return NODES.textNode(text(value, type));
            case BOOLEAN: return NODES.booleanNode(bool(value));
            case DATE: return NODES.textNode(Timestamps.date(value));
            case TIMESTAMP: return NODES.textNode(Timestamps.timestamp(value, deserializer));
            case ARRAY: return array(value, type.children().get(0));
            case MAP: return map(value, type);
            default: return struct(value, type);
        }
    }

    private long integral(JsonNode value, long min, long max) {
        BigDecimal n = number(value);
        try {
            long v = n.longValueExact();
            if (v < min || v > max) {
                throw RecordRejected.mismatch("Value out of range. Value:\"" + value.asText() + "\"");
            }
            return v;
        } catch (ArithmeticException e) {
            throw RecordRejected.mismatch("For input string: \"" + value.asText() + "\"");
        }
    }

    private BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual() && deserializer.openX()) {
            try {
                return new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                throw RecordRejected.mismatch("For input string: \"" + value.asText() + "\"");
            }
        }
        throw RecordRejected.mismatch("For input string: \"" + value.asText() + "\"");
    }

    private BigDecimal decimal(JsonNode value, HiveType type) {
        BigDecimal scaled = number(value).setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > type.precision() && scaled.compareTo(BigDecimal.ZERO) != 0) {
            throw RecordRejected.mismatch("Value " + value.asText() + " does not fit decimal("
                    + type.precision() + "," + type.scale() + ")");
        }
        return scaled;
    }

    private String text(JsonNode value, HiveType type) {
        String text;
        if (value.isContainerNode()) {
            // "The Hive SerDe doesn't convert nested JSON into strings."
            if (!deserializer.openX()) {
                throw RecordRejected.mismatch("Cannot read nested JSON " + value + " as a string");
            }
            text = value.toString();
        } else {
            text = value.asText();
        }
        boolean sized = type.kind() == HiveType.Kind.VARCHAR || type.kind() == HiveType.Kind.CHAR;
        // Hive truncates a value longer than its varchar/char length.
        return sized && type.precision() > 0 && text.length() > type.precision() ? text.substring(0, type.precision()) : text;
    }

    private boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().toLowerCase(Locale.ROOT);
        if (value.isTextual() && (text.equals("true") || text.equals("false"))) {
            return text.equals("true");
        }
        throw RecordRejected.mismatch("Cannot read " + value + " as a boolean");
    }

    private ArrayNode array(JsonNode value, HiveType element) {
        if (!value.isArray()) {
            throw RecordRejected.mismatch("Expected an array, found " + value);
        }
        ArrayNode out = NODES.arrayNode();
        value.forEach(v -> out.add(convert(v, element)));
        return out;
    }

    private ObjectNode map(JsonNode value, HiveType type) {
        if (!value.isObject()) {
            throw RecordRejected.mismatch("Expected an object for a map, found " + value);
        }
        ObjectNode out = NODES.objectNode();
        HiveType keyType = type.children().get(0);
        HiveType valueType = type.children().get(1);
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            // Keys arrive as JSON strings whatever their type: checked against it, kept as text.
            JsonNode key = convert(keyType.kind() == HiveType.Kind.STRING ? NODES.textNode(f.getKey())
                    : lenientNumberOrText(f.getKey()), keyType);
            out.set(key.asText(), convert(f.getValue(), valueType));
        }
        return out;
    }

    private static JsonNode lenientNumberOrText(String key) {
        try {
            return NODES.numberNode(new BigInteger(key));
        } catch (NumberFormatException e) {
            return NODES.textNode(key);
        }
    }

    private ObjectNode struct(JsonNode value, HiveType type) {
        if (!value.isObject()) {
            throw RecordRejected.mismatch("Expected an object for a struct, found " + value);
        }
        ObjectNode out = NODES.objectNode();
        for (int i = 0; i < type.fieldNames().size(); i++) {
            String field = type.fieldNames().get(i);
            out.set(field, convert(keys.find((ObjectNode) value, field, false), type.children().get(i)));
        }
        return out;
    }
}
