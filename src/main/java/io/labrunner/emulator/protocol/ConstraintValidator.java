package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a type-checked request against the model's constraints and lists every violation, in
 * AWS's order and words, for one ValidationException:
 * {@code Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1}.
 *
 * <p>Order: members in model order, depth first; per member: not null, enum, pattern, minimum,
 * maximum (as responses recorded against Kinesis list them). Paths name members in lower camel
 * case; a list element is {@code records.1.member} (1-based), a map value {@code tags.key.member}.
 * Elements of a list of scalars, and a map's keys and values, are reported once for the whole
 * collection, as AWS does: {@code Member must satisfy constraint: [..]},
 * {@code Map keys must satisfy constraint: [..]}, {@code Map value must satisfy constraint: [..]}.
 * A blob's value is not quoted back; a service that quotes no value at all (Athena:
 * {@code Value at 'maxResults' failed to satisfy constraint: ...}) is checked with
 * {@code quotesValues} false, and then only a missing member still reads {@code Value null at}.
 * AWS reports at most ten violations.
 */
final class ConstraintValidator {
    private static final int MAX_REPORTED = 10;
    private final ServiceModel model;
    private final Quoting quoting;
    private final List<String> violations = new ArrayList<>();

    private ConstraintValidator(ServiceModel model, Quoting quoting) {
        this.model = model;
        this.quoting = quoting;
    }

    /** Every violation in {@code input}, empty when it satisfies the model. */
    static List<String> violations(ServiceModel model, JsonNode input, Shape shape) {
        return violations(model, input, shape, true);
    }

    /** Every violation in {@code input}; values quoted back only when {@code quotesValues}. */
    static List<String> violations(ServiceModel model, JsonNode input, Shape shape, boolean quotesValues) {
        return violations(model, input, shape, quotesValues ? Quoting.EVERY_VALUE : Quoting.NO_VALUE);
    }

    /** Every violation in {@code input}, values quoted back as {@code quoting} says. */
    static List<String> violations(ServiceModel model, JsonNode input, Shape shape, Quoting quoting) {
        ConstraintValidator validator = new ConstraintValidator(model, quoting);
        validator.structure(input, shape, "");
        return validator.violations;
    }

    private void structure(JsonNode node, Shape shape, String prefix) {
        for (Map.Entry<String, String> member : shape.members().entrySet()) {
            String path = prefix + lowerFirst(member.getKey());
            JsonNode value = node.get(member.getKey());
            if (value == null || value.isNull()) {
                if (shape.required().contains(member.getKey())) {
                    add(value, null, path, "Member must not be null");
                }
                continue;
            }
            value(value, model.shape(member.getValue()), path);
        }
    }

    private void value(JsonNode node, Shape shape, String path) {
        for (String constraint : ownViolations(node, shape)) {
            add(node, shape, path, constraint);
        }
        switch (shape.type()) {
            case STRUCTURE -> structure(node, shape, path + ".");
            case LIST -> elements(node, shape, path);
            case MAP -> entries(node, shape, path);
            default -> {
            }
        }
    }

    private void elements(JsonNode list, Shape shape, String path) {
        Shape member = model.shape(shape.member());
        if (isScalar(member)) {
            if (member.unconstrained()) {
                return;
            }
            for (JsonNode element : list) {
                if (!element.isNull() && !ownViolations(element, member).isEmpty()) {
                    add(list, shape, path, "Member must satisfy constraint: " + allConstraints(member));
                    return;
                }
            }
            return;
        }
        int index = 1;
        for (JsonNode element : list) {
            if (!element.isNull()) {
                value(element, member, path + "." + index + ".member");
            }
            index++;
        }
    }

    private void entries(JsonNode map, Shape shape, String path) {
        Shape key = model.shape(shape.key());
        Shape value = model.shape(shape.value());
        if (!key.unconstrained()) {
            for (Iterator<String> names = map.fieldNames(); names.hasNext(); ) {
                if (!ownViolations(com.fasterxml.jackson.databind.node.TextNode.valueOf(names.next()), key).isEmpty()) {
                    add(map, shape, path, "Map keys must satisfy constraint: " + allConstraints(key));
                    break;
                }
            }
        }
        if (isScalar(value)) {
            if (value.unconstrained()) {
                return;
            }
            for (JsonNode v : map) {
                if (!ownViolations(v, value).isEmpty()) {
                    add(map, shape, path, "Map value must satisfy constraint: " + allConstraints(value));
                    return;
                }
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            value(entry.getValue(), value, path + "." + entry.getKey() + ".member");
        }
    }

    /** The constraints of {@code shape} that {@code node} itself breaks, in AWS's order. */
    private static List<String> ownViolations(JsonNode node, Shape shape) {
        if (shape.unconstrained()) {
            return List.of();
        }
        List<String> broken = new ArrayList<>(2);
        if (!shape.enumValues().isEmpty() && node.isTextual() && !shape.enumValues().contains(node.textValue())) {
            broken.add(enumConstraint(shape));
        }
        if (shape.pattern() != null && node.isTextual() && !shape.pattern().matches(node.textValue())) {
            broken.add(patternConstraint(shape));
        }
        if (isNumber(shape)) {
            BigDecimal number = node.decimalValue();
            if (shape.min() != null && number.compareTo(shape.min()) < 0) {
                broken.add("Member must have value greater than or equal to " + plain(shape.min()));
            }
            if (shape.max() != null && number.compareTo(shape.max()) > 0) {
                broken.add("Member must have value less than or equal to " + plain(shape.max()));
            }
        } else if (shape.min() != null || shape.max() != null) {
            long length = length(node);
            if (shape.min() != null && length < shape.min().longValue()) {
                broken.add("Member must have length greater than or equal to " + plain(shape.min()));
            }
            if (shape.max() != null && length > shape.max().longValue()) {
                broken.add("Member must have length less than or equal to " + plain(shape.max()));
            }
        }
        return broken;
    }

    /** Every constraint of an element shape, as AWS lists them for a collection: maximum first. */
    private static String allConstraints(Shape shape) {
        List<String> all = new ArrayList<>();
        String unit = isNumber(shape) ? "value" : "length";
        if (shape.max() != null) {
            all.add("Member must have " + unit + " less than or equal to " + plain(shape.max()));
        }
        if (shape.min() != null) {
            all.add("Member must have " + unit + " greater than or equal to " + plain(shape.min()));
        }
        if (shape.pattern() != null) {
            all.add(patternConstraint(shape));
        }
        if (!shape.enumValues().isEmpty()) {
            all.add(enumConstraint(shape));
        }
        return "[" + String.join(", ", all) + "]";
    }

    private static String enumConstraint(Shape shape) {
        return "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]";
    }

    private static String patternConstraint(Shape shape) {
        return "Member must satisfy regular expression pattern: " + shape.pattern().source();
    }

    private void add(JsonNode value, Shape shape, String path, String constraint) {
        if (violations.size() >= MAX_REPORTED) {
            return;
        }
        boolean missing = value == null || value.isNull();
        boolean hidden = !missing && (quoting == Quoting.NO_VALUE || shape != null && (shape.type() == ShapeType.BLOB
                || quoting == Quoting.SCALARS && (!isScalar(shape) || shape.sensitive())));
        String shown = hidden ? "" : " " + ValueText.of(value);
        violations.add("Value" + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
    }

    private static long length(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().length();
        }
        if (node.isBinary()) {
            return ((com.fasterxml.jackson.databind.node.BinaryNode) node).binaryValue().length;
        }
        return node.size();
    }

    private static boolean isNumber(Shape shape) {
        return switch (shape.type()) {
            case INTEGER, LONG, DOUBLE, FLOAT -> true;
            default -> false;
        };
    }

    private static boolean isScalar(Shape shape) {
        return switch (shape.type()) {
            case STRUCTURE, LIST, MAP -> false;
            default -> true;
        };
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** AWS names members in lower camel case in its messages, e.g. {@code streamName}. */
    static String lowerFirst(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
