package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Gathers a REST-JSON request's input into one tree, shaped as the operation's input structure, so the core's
 * type checks and constraints apply to it as to a JSON body: members bound to URI labels, query parameters and
 * headers from there (text converted to the member's type), the rest from the JSON body, or the whole body as
 * the {@code payload} member (a blob: the bytes as sent; a structure: its JSON). A body member that the model
 * binds elsewhere is ignored, as AWS reads it only from its place.
 */
final class RestInputReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ServiceModel model;

    RestInputReader(ServiceModel model) {
        this.model = model;
    }

    /** The raw input tree (not yet type-checked) of {@code request} for {@code input}. */
    ObjectNode read(AwsRequest request, Shape input, Map<String, String> labels) {
        ObjectNode tree = body(request, input);
        for (Map.Entry<String, MemberBinding> bound : input.bindings().entrySet()) {
            String member = bound.getKey();
            MemberBinding binding = bound.getValue();
            Shape shape = model.shape(input.members().get(member));
            JsonNode value = switch (binding.location()) {
                case URI -> text(labels.get(binding.wireName()), shape, member);
                case QUERYSTRING -> query(request.query().get(binding.wireName()), shape, member);
                case HEADER -> text(request.header(binding.wireName()).orElse(null), shape, member);
                default -> null;
            };
            if (value != null) {
                tree.set(member, value);
            }
        }
        return tree;
    }

    private ObjectNode body(AwsRequest request, Shape input) {
        byte[] bytes = request.body() == null ? new byte[0] : request.body();
        if (input.payload() != null) {
            ObjectNode tree = NODES.objectNode();
            Shape payload = model.shape(input.members().get(input.payload()));
            if (bytes.length == 0) {
                return tree;
            }
            if (payload.type() == ShapeType.BLOB || payload.type() == ShapeType.STRING) {
                tree.set(input.payload(), payload.type() == ShapeType.BLOB ? BinaryNode.valueOf(bytes)
                        : TextNode.valueOf(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            } else {
                tree.set(input.payload(), json(bytes));
            }
            return tree;
        }
        if (bytes.length == 0) {
            return NODES.objectNode();
        }
        JsonNode body = json(bytes);
        if (!body.isObject()) {
            // The core's decoder words a body of the wrong JSON type as AWS does.
            new InputDecoder(model, WireFormat.JSON).decode(body, input);
        }
        ObjectNode tree = (ObjectNode) body;
        input.bindings().keySet().forEach(tree::remove);
        return tree;
    }

    private static JsonNode json(byte[] bytes) {
        return WireFormat.JSON.read(bytes).orElseThrow(() -> ProtocolErrors.serialization(null));
    }

    private static JsonNode query(List<String> values, Shape shape, String member) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (shape.type() == ShapeType.LIST) {
            ArrayNode list = NODES.arrayNode();
            values.forEach(v -> list.add(v));
            return list;
        }
        return text(values.get(0), shape, member);
    }

    /** A label, query or header value as a member of {@code shape}'s type. */
    private static JsonNode text(String value, Shape shape, String member) {
        if (value == null) {
            return null;
        }
        try {
            return switch (shape.type()) {
                case INTEGER, LONG -> LongNode.valueOf(new BigDecimal(value.trim()).longValueExact());
                case DOUBLE, FLOAT -> DecimalNode.valueOf(new BigDecimal(value.trim()));
                case BOOLEAN -> switch (value) {
                    case "true" -> BooleanNode.TRUE;
                    case "false" -> BooleanNode.FALSE;
                    default -> throw notOfType(value, shape, member);
                };
                default -> TextNode.valueOf(value);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw notOfType(value, shape, member);
        }
    }

    /**
     * A query or header value that is not of its member's type. AWS's wording for this is not on record;
     * it is answered as a ValidationException naming the member, which is how Bedrock refuses bad parameters.
     */
    private static AwsException notOfType(String value, Shape shape, String member) {
        return AwsException.validation(ProtocolErrors.validationMessage(List.of("Value '" + value + "' at '"
                + ConstraintValidator.lowerFirst(member) + "' failed to satisfy constraint: Member must be "
                + shape.type().withArticle())));
    }
}
