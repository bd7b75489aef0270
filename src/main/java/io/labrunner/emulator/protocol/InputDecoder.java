package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks a request tree's JSON types against the operation's input shape and normalises it, the
 * first of AWS's checks: a value of the wrong type is a SerializationException, raised before any
 * constraint is looked at. AWS's messages name the JSON token and the member's type
 * ({@code STRING_VALUE can not be converted to an Integer}, {@code Start of list found where not
 * expected}, {@code Expected null}); recorded against Athena and Kinesis.
 *
 * <p>Normalised: members the model does not know, and null members, list elements and map values,
 * are dropped (AWS ignores unknown members); blobs become {@link BinaryNode}s (base64 decoded once,
 * here); timestamps become epoch milliseconds in a {@link LongNode}. Numbers must fit their member's type exactly: a fraction or an
 * overflow is refused rather than silently truncated.
 */
final class InputDecoder {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private final ServiceModel model;
    private final WireFormat format;

    InputDecoder(ServiceModel model, WireFormat format) {
        this.model = model;
        this.format = format;
    }

    /** The request body checked against {@code input}; it is changed in place and returned. */
    ObjectNode decode(JsonNode body, Shape input) {
        if (body.isArray()) {
            throw ProtocolErrors.serialization("Start of list found where not expected");
        }
        if (!body.isObject()) {
            throw ProtocolErrors.serialization(null);
        }
        return structure((ObjectNode) body, input);
    }

    private JsonNode value(JsonNode node, Shape shape) {
        return switch (shape.type()) {
            case STRUCTURE -> {
                if (node.isArray()) {
                    throw ProtocolErrors.serialization("Start of list found where not expected");
                }
                if (!node.isObject()) {
                    throw ProtocolErrors.serialization("Expected null");
                }
                yield structure((ObjectNode) node, shape);
            }
            case LIST -> list(node, shape);
            case MAP -> map(node, shape);
            case STRING -> {
                requireScalar(node, shape, node.isTextual());
                yield node;
            }
            case BOOLEAN -> {
                requireScalar(node, shape, node.isBoolean());
                yield node;
            }
            case INTEGER -> {
                requireScalar(node, shape, node.isIntegralNumber() ? node.canConvertToInt()
                        : truncatesWithin(node, Integer.MIN_VALUE, Integer.MAX_VALUE));
                yield node.isIntegralNumber() ? node : IntNode.valueOf((int) node.doubleValue());
            }
            case LONG -> {
                requireScalar(node, shape, node.isIntegralNumber() ? node.canConvertToLong()
                        : truncatesWithin(node, Long.MIN_VALUE, Long.MAX_VALUE));
                yield node.isIntegralNumber() ? node : LongNode.valueOf((long) node.doubleValue());
            }
            case DOUBLE, FLOAT -> {
                requireScalar(node, shape, node.isNumber() && Double.isFinite(node.doubleValue()));
                yield node;
            }
            case BLOB -> blob(node, shape);
            case TIMESTAMP -> timestamp(node, shape);
            case DOCUMENT -> node;
        };
    }

    /**
     * AWS's JSON readers take a fraction where a whole number belongs and drop the fraction (kinesalite's
     * tests, recorded against Kinesis, see 1.5 read as 1); a number whose whole part does not fit is
     * refused.
     */
    private static boolean truncatesWithin(JsonNode node, double min, double max) {
        double value = node.doubleValue();
        return node.isNumber() && Double.isFinite(value) && value > min - 1 && value < max + 1;
    }

    private ObjectNode structure(ObjectNode node, Shape shape) {
        Map<String, String> members = shape.members();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String memberShape = members.get(field.getKey());
            if (memberShape == null || field.getValue().isNull()) {
                it.remove();
                continue;
            }
            JsonNode decoded = value(field.getValue(), model.shape(memberShape));
            if (decoded != field.getValue()) {
                field.setValue(decoded);
            }
        }
        return node;
    }

    private JsonNode list(JsonNode node, Shape shape) {
        if (node.isObject()) {
            throw ProtocolErrors.serialization("Start of structure or map found where not expected.");
        }
        if (!node.isArray()) {
            throw ProtocolErrors.serialization("Expected list or null");
        }
        ArrayNode array = (ArrayNode) node;
        Shape member = model.shape(shape.member());
        for (int i = array.size() - 1; i >= 0; i--) {
            JsonNode element = array.get(i);
            if (element.isNull()) {
                // A null element is dropped like a null member, so no handler ever sees one.
                array.remove(i);
                continue;
            }
            JsonNode decoded = value(element, member);
            if (decoded != element) {
                array.set(i, decoded);
            }
        }
        return array;
    }

    private JsonNode map(JsonNode node, Shape shape) {
        if (node.isArray()) {
            throw ProtocolErrors.serialization("Start of list found where not expected");
        }
        if (!node.isObject()) {
            throw ProtocolErrors.serialization("Expected map or null");
        }
        Shape valueShape = model.shape(shape.value());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isNull()) {
                it.remove();
                continue;
            }
            JsonNode decoded = value(entry.getValue(), valueShape);
            if (decoded != entry.getValue()) {
                entry.setValue(decoded);
            }
        }
        return node;
    }

    private JsonNode blob(JsonNode node, Shape shape) {
        if (node.isBinary()) {
            return node;
        }
        requireScalar(node, shape, node.isTextual());
        String text = node.textValue();
        if (text.length() % 4 != 0) {
            throw ProtocolErrors.serialization("'" + text + "' can not be converted to a Blob: Base64 encoded length "
                    + "is expected a multiple of 4 bytes but found: " + text.length());
        }
        try {
            // java.util.Base64 decodes several times faster than Jackson's lenient decoder.
            return BinaryNode.valueOf(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw ProtocolErrors.serialization("'" + text + "' can not be converted to a Blob: Invalid Base64 character");
        }
    }

    private JsonNode timestamp(JsonNode node, Shape shape) {
        if (!node.isNumber()) {
            requireScalar(node, shape, false);
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw ProtocolErrors.serialization("NUMBER_VALUE can not be converted to a Timestamp");
        }
        // SDK v2's CBOR sends tag 1 over epoch milliseconds as an integer; JSON sends epoch seconds.
        BigDecimal millis = format == WireFormat.CBOR && node.isIntegralNumber() ? node.decimalValue()
                : node.decimalValue().multiply(THOUSAND);
        try {
            return LongNode.valueOf(millis.setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
        } catch (ArithmeticException e) {
            throw ProtocolErrors.serialization("NUMBER_VALUE can not be converted to a Timestamp");
        }
    }

    /** Refuses a value of the wrong JSON type for a scalar member, in AWS's words. */
    private static void requireScalar(JsonNode node, Shape shape, boolean fits) {
        if (fits) {
            return;
        }
        if (node.isArray()) {
            throw ProtocolErrors.serialization("Start of list found where not expected");
        }
        if (node.isObject()) {
            throw ProtocolErrors.serialization("Start of structure or map found where not expected.");
        }
        String token;
        if (node.isTextual()) {
            token = "STRING_VALUE";
        } else if (node.isBoolean()) {
            token = node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        } else if (node.isBinary()) {
            token = "BLOB_VALUE";
        } else {
            token = "NUMBER_VALUE";
        }
        throw ProtocolErrors.serialization(token + " can not be converted to " + shape.type().withArticle());
    }
}
