package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.labrunner.emulator.AwsException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the flat fields of a query-protocol request into the tree the input shape describes, the
 * same tree {@link InputDecoder} makes of a JSON body, so one {@link ConstraintValidator} checks both.
 * The query protocol's names (as botocore's and SDK v2's serializers write them): a nested structure's
 * member is {@code Outer.Inner}, a list's elements {@code Name.member.1}, {@code Name.member.2}, ... (an
 * empty list is {@code Name=} with no value), a map's entries {@code Name.entry.1.key} and
 * {@code Name.entry.1.value}.
 *
 * <p>Fields no member names are ignored, as AWS ignores unknown members; list and map entries are read in
 * index order, and an index that is not a positive number names nothing. A value that cannot be its
 * member's type (letters for an integer, {@code maybe} for a boolean, a list or structure given a plain
 * value) is a 400 InvalidParameterValue, one of the query APIs' common errors
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html); AWS's exact wording for it is
 * not on record, so the message names the field and the type it must have.
 */
final class FormDecoder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ServiceModel model;
    private final NavigableMap<String, String> fields;

    /** @param fields every field of the request, each name once */
    FormDecoder(ServiceModel model, Map<String, String> fields) {
        this.model = model;
        this.fields = new TreeMap<>(fields);
    }

    /** The fields read against {@code input}; members without fields are absent. */
    ObjectNode decode(Shape input) {
        return structure(input, "");
    }

    private ObjectNode structure(Shape shape, String prefix) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<String, String> member : shape.members().entrySet()) {
            JsonNode value = value(model.shape(member.getValue()), prefix + member.getKey());
            if (value != null) {
                node.set(member.getKey(), value);
            }
        }
        return node;
    }

    /** The value at field name {@code name}, or null when the request gives none. */
    private JsonNode value(Shape shape, String name) {
        return switch (shape.type()) {
            case STRUCTURE -> {
                requireNoPlainValue(name, "a structure: its members are " + name + ".<Member>.");
                yield hasFieldsUnder(name + ".") ? structure(shape, name + ".") : null;
            }
            case LIST -> list(shape, name);
            case MAP -> map(shape, name);
            default -> {
                String text = fields.get(name);
                yield text == null ? null : scalar(shape, name, text);
            }
        };
    }

    private JsonNode list(Shape shape, String name) {
        String prefix = name + ".member.";
        TreeSet<Long> indexes = indexes(prefix);
        if (indexes.isEmpty()) {
            // botocore and SDK v2 send an empty list as the bare name with no value.
            requireNoPlainValue(name, "a list: its entries are " + prefix + "N.");
            return fields.containsKey(name) ? NODES.arrayNode() : null;
        }
        Shape member = model.shape(shape.member());
        ArrayNode list = NODES.arrayNode();
        for (long index : indexes) {
            JsonNode element = value(member, prefix + index);
            if (element != null) {
                list.add(element);
            }
        }
        return list;
    }

    private JsonNode map(Shape shape, String name) {
        String prefix = name + ".entry.";
        TreeSet<Long> indexes = indexes(prefix);
        if (indexes.isEmpty()) {
            requireNoPlainValue(name, "a map: its entries are " + prefix + "N.key and " + prefix + "N.value.");
            return fields.containsKey(name) ? NODES.objectNode() : null;
        }
        Shape key = model.shape(shape.key());
        Shape value = model.shape(shape.value());
        ObjectNode map = NODES.objectNode();
        for (long index : indexes) {
            JsonNode k = value(key, prefix + index + ".key");
            JsonNode v = value(value, prefix + index + ".value");
            if (k != null && v != null) {
                map.set(k.asText(), v);
            }
        }
        return map;
    }

    /** The entry numbers used under {@code prefix} ({@code Name.member.}), in order. */
    private TreeSet<Long> indexes(String prefix) {
        TreeSet<Long> indexes = new TreeSet<>();
        for (String field : fields.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet()) {
            String rest = field.substring(prefix.length());
            int dot = rest.indexOf('.');
            String digits = dot < 0 ? rest : rest.substring(0, dot);
            if (!digits.isEmpty() && digits.length() < 10 && digits.chars().allMatch(Character::isDigit)
                    && Long.parseLong(digits) > 0) {
                indexes.add(Long.parseLong(digits));
            }
        }
        return indexes;
    }

    private boolean hasFieldsUnder(String prefix) {
        String next = fields.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    private void requireNoPlainValue(String name, String what) {
        String text = fields.get(name);
        if (text != null && !text.isEmpty()) {
            throw invalid(name, text, "is not " + what);
        }
    }

    private JsonNode scalar(Shape shape, String name, String text) {
        String trimmed = text.strip();
        try {
            return switch (shape.type()) {
                case INTEGER -> IntNode.valueOf(Integer.parseInt(trimmed));
                case LONG -> LongNode.valueOf(Long.parseLong(trimmed));
                case DOUBLE, FLOAT -> {
                    BigDecimal number = new BigDecimal(trimmed);
                    if (!Double.isFinite(number.doubleValue())) {
                        throw new NumberFormatException(trimmed);
                    }
                    yield DecimalNode.valueOf(number);
                }
                case BOOLEAN -> {
                    String lower = trimmed.toLowerCase(Locale.ROOT);
                    if (!lower.equals("true") && !lower.equals("false")) {
                        throw invalid(name, text, "is not a valid boolean.");
                    }
                    yield BooleanNode.valueOf(lower.equals("true"));
                }
                case TIMESTAMP -> LongNode.valueOf(timestampMillis(name, trimmed));
                case BLOB -> blob(name, text);
                default -> TextNode.valueOf(text);
            };
        } catch (NumberFormatException e) {
            throw invalid(name, text, "is not a valid " + shape.type().withArticle().replaceFirst("^an? ", "")
                    .toLowerCase(Locale.ROOT) + ".");
        }
    }

    /** The query protocol sends timestamps as ISO 8601; epoch seconds are taken too. */
    private static long timestampMillis(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException notIso) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException notInstant) {
                try {
                    return new BigDecimal(text).movePointRight(3).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    throw invalid(name, text, "is not a valid timestamp.");
                }
            }
        }
    }

    private static JsonNode blob(String name, String text) {
        try {
            return BinaryNode.valueOf(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw invalid(name, text, "is not valid base64.");
        }
    }

    private static AwsException invalid(String name, String text, String problem) {
        return new AwsException("InvalidParameterValue", "Value '" + text + "' for parameter " + name + " " + problem,
                400);
    }
}
