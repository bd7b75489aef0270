package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests generated from an API model, each breaking one constraint of one member of an otherwise
 * valid input: below min, above max, off-pattern, outside the enum, a required member missing —
 * top-level members, members of nested structures, and elements of lists and maps. Each case names
 * the violation AWS reports for it.
 */
public final class ConformanceCases {
    /** Lengths above this are not sent: a 1 MiB NextToken proves nothing a 128-character name does not. */
    private static final long LARGEST_SENT = 70_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SAMPLES = List.of("a", "0", "shardId-000000000000",
            "arn:aws:kinesis:us-east-1:000000000000:stream/a", "abcdefghijklmnopqrst-abc",
            "arn:aws:kinesis:us-east-1:000000000000:stream/a/consumer/c:1");

    private final ServiceModel model;
    private final List<String> samples;
    private final List<String> notExercised = new ArrayList<>();
    private Quoting quoting = Quoting.EVERY_VALUE;

    public ConformanceCases(ServiceModel model) {
        this(model, List.of());
    }

    /**
     * @param extraSamples valid values for the service's patterned strings (account ids, ARNs) that the
     *                     built-in samples do not fit, so their constraints can be exercised too
     */
    public ConformanceCases(ServiceModel model, List<String> extraSamples) {
        this.model = model;
        this.samples = new ArrayList<>(SAMPLES);
        this.samples.addAll(extraSamples);
    }

    /**
     * One generated request.
     *
     * @param operation  the operation called
     * @param name       what is broken, for the test's name
     * @param body       the JSON body
     * @param violation  the text the ValidationException must contain
     */
    public record Case(String operation, String name, ObjectNode body, String violation) {
    }

    /**
     * Which values the service quotes back (every value by default; Bedrock only scalars, so an empty list
     * reads {@code Value at 'tools'}).
     */
    public ConformanceCases quoting(Quoting quoting) {
        this.quoting = quoting;
        return this;
    }

    /** Constraints the generator could not exercise (no valid sample, or too large to send). */
    public int skipped() {
        return notExercised.size();
    }

    /**
     * The cases of every operation in {@code operations}, after printing how many operations, cases and
     * unexercised constraints the service's conformance run has.
     */
    public List<Case> casesOf(String service, List<String> operations) {
        List<Case> all = new ArrayList<>();
        operations.forEach(operation -> all.addAll(cases(operation)));
        System.out.printf("%s conformance: %d operations, %d constraint cases, %d constraints not exercised%n",
                service, operations.size(), all.size(), skipped());
        return all;
    }

    /** What each constraint not exercised is, and why: for tuning the samples. */
    public List<String> notExercised() {
        return List.copyOf(notExercised);
    }

    private void skip(String why) {
        notExercised.add(why);
    }

    /**
     * A valid input of the operation with only its required members, each a valid sample; an empty object
     * for an operation without input, and null when the generator knows no valid sample.
     */
    public ObjectNode baseline(String operationName) {
        Operation operation = model.operation(operationName).orElseThrow();
        return operation.input() == null ? NODES.objectNode() : (ObjectNode) sample(model.shape(operation.input()));
    }

    public List<Case> cases(String operationName) {
        Operation operation = model.operation(operationName).orElseThrow();
        List<Case> cases = new ArrayList<>();
        if (operation.input() == null) {
            return cases;
        }
        Shape input = model.shape(operation.input());
        JsonNode baseline = sample(input);
        if (baseline == null) {
            skip(operationName + ": no valid input sample");
            return cases;
        }
        structure(operationName, (ObjectNode) baseline, List.of(), input, "", cases);
        return cases;
    }

    private void structure(String op, ObjectNode root, List<Object> at, Shape shape, String prefix, List<Case> out) {
        for (Map.Entry<String, String> member : shape.members().entrySet()) {
            String name = member.getKey();
            Shape type = model.shape(member.getValue());
            String path = prefix + lower(name);
            if (shape.required().contains(name)) {
                ObjectNode body = root.deepCopy();
                ((ObjectNode) locate(body, at)).remove(name);
                out.add(new Case(op, path + " missing", body,
                        "Value null at '" + path + "' failed to satisfy constraint: Member must not be null"));
            }
            JsonNode sample = sample(type);
            if (sample == null) {
                skip(path + ": no valid sample of " + type.name());
                continue;
            }
            ObjectNode withMember = root.deepCopy();
            ((ObjectNode) locate(withMember, at)).set(name, sample);
            List<Object> here = append(at, name);
            member(op, withMember, here, type, path, out);
        }
    }

    private void member(String op, ObjectNode root, List<Object> at, Shape type, String path, List<Case> out) {
        switch (type.type()) {
            case STRUCTURE -> structure(op, root, at, type, path + ".", out);
            case LIST -> list(op, root, at, type, path, out);
            case MAP -> map(op, root, at, type, path, out);
            default -> {
                for (Broken broken : scalarViolations(type)) {
                    out.add(new Case(op, path + " " + broken.what(), replace(root, at, broken.value()),
                            (hidden(type) ? "Value" : "Value " + ValueText.of(broken.value()))
                                    + " at '" + path + "' failed to satisfy constraint: " + broken.constraint()));
                }
            }
        }
    }

    private void list(String op, ObjectNode root, List<Object> at, Shape type, String path, List<Case> out) {
        Shape element = model.shape(type.member());
        JsonNode one = sample(element);
        if (type.min() != null && type.min().signum() > 0) {
            out.add(new Case(op, path + " empty", replace(root, at, NODES.arrayNode()), collection("'[]'") + " at '" + path
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + plain(type.min())));
        }
        if (type.max() != null) {
            if (type.max().longValue() < 1000 && one != null) {
                ArrayNode many = NODES.arrayNode();
                for (long i = 0; i <= type.max().longValue(); i++) {
                    many.add(one.deepCopy());
                }
                out.add(new Case(op, path + " too long", replace(root, at, many), " at '" + path
                        + "' failed to satisfy constraint: Member must have length less than or equal to " + plain(type.max())));
            } else {
                skip(path + ": too many elements to send");
            }
        }
        if (one == null) {
            skip(path + ": no valid element sample of " + element.name());
            return;
        }
        if (element.type() == ShapeType.STRUCTURE || element.type() == ShapeType.LIST || element.type() == ShapeType.MAP) {
            member(op, root, append(at, 0), element, path + ".1.member", out);
            return;
        }
        for (Broken broken : scalarViolations(element)) {
            ArrayNode list = NODES.arrayNode().add(broken.value());
            out.add(new Case(op, path + " element " + broken.what(), replace(root, at, list),
                    " at '" + path + "' failed to satisfy constraint: Member must satisfy constraint: ["));
        }
    }

    private void map(String op, ObjectNode root, List<Object> at, Shape type, String path, List<Case> out) {
        Shape key = model.shape(type.key());
        Shape value = model.shape(type.value());
        JsonNode keySample = sample(key);
        JsonNode valueSample = sample(value);
        if (keySample == null || valueSample == null) {
            skip(path + ": no valid key or value sample");
            return;
        }
        if (type.min() != null && type.min().signum() > 0) {
            out.add(new Case(op, path + " empty", replace(root, at, NODES.objectNode()), collection("'{}'") + " at '" + path
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + plain(type.min())));
        }
        if (type.max() != null && type.max().longValue() < 1000) {
            ObjectNode many = NODES.objectNode();
            for (long i = 0; i <= type.max().longValue(); i++) {
                many.set("k" + i, valueSample);
            }
            out.add(new Case(op, path + " too many entries", replace(root, at, many), " at '" + path
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + plain(type.max())));
        }
        for (Broken broken : scalarViolations(key)) {
            ObjectNode map = NODES.objectNode().set(broken.value().asText(), valueSample);
            out.add(new Case(op, path + " key " + broken.what(), replace(root, at, map),
                    " at '" + path + "' failed to satisfy constraint: Map keys must satisfy constraint: ["));
        }
        if (value.type() == ShapeType.STRUCTURE) {
            ObjectNode map = NODES.objectNode().set(keySample.asText(), valueSample);
            ObjectNode body = replace(root, at, map);
            member(op, body, append(at, keySample.asText()), value, path + "." + keySample.asText() + ".member", out);
            return;
        }
        for (Broken broken : scalarViolations(value)) {
            ObjectNode map = NODES.objectNode().set(keySample.asText(), broken.value());
            out.add(new Case(op, path + " value " + broken.what(), replace(root, at, map),
                    " at '" + path + "' failed to satisfy constraint: Map value must satisfy constraint: ["));
        }
    }

    /** Whether a scalar of {@code type} is left out of the message: a blob, or a sensitive value where redacted. */
    private boolean hidden(Shape type) {
        return type.type() == ShapeType.BLOB || quoting == Quoting.SCALARS && type.sensitive();
    }

    /** How a collection's value is shown before {@code at}: quoted, or not at all. */
    private String collection(String quoted) {
        return quoting == Quoting.EVERY_VALUE ? "Value " + quoted : "Value";
    }

    /** A value breaking one constraint, and AWS's words for it. */
    private record Broken(String what, JsonNode value, String constraint) {
    }

    private List<Broken> scalarViolations(Shape type) {
        List<Broken> broken = new ArrayList<>();
        boolean number = switch (type.type()) {
            case INTEGER, LONG, DOUBLE, FLOAT -> true;
            default -> false;
        };
        if (!type.enumValues().isEmpty()) {
            broken.add(new Broken("outside the enum", NODES.textNode("NOT_AN_ENUM_VALUE"),
                    "Member must satisfy enum value set: [" + String.join(", ", type.enumValues()) + "]"));
        }
        if (type.pattern() != null && type.pattern().compiled() != null) {
            String off = offPattern(type);
            if (off == null) {
                skip(type.name() + ": no value off its pattern");
            } else {
                broken.add(new Broken("off pattern", NODES.textNode(off),
                        "Member must satisfy regular expression pattern: " + type.pattern().source()));
            }
        }
        if (number) {
            if (type.min() != null) {
                broken.add(new Broken("below min", NODES.numberNode(type.min().subtract(BigDecimal.ONE).toBigInteger()),
                        "Member must have value greater than or equal to " + plain(type.min())));
            }
            if (type.max() != null) {
                broken.add(new Broken("above max", NODES.numberNode(type.max().add(BigDecimal.ONE).toBigInteger()),
                        "Member must have value less than or equal to " + plain(type.max())));
            }
            return broken;
        }
        if (type.type() != ShapeType.STRING && type.type() != ShapeType.BLOB) {
            return broken;
        }
        String fill = type.type() == ShapeType.BLOB ? "a" : String.valueOf(sampleString(type, "a").charAt(0));
        if (type.min() != null && type.min().signum() > 0) {
            broken.add(new Broken("below min length", text(type, fill.repeat(type.min().intValue() - 1)),
                    "Member must have length greater than or equal to " + plain(type.min())));
        }
        if (type.max() != null) {
            if (type.max().longValue() <= LARGEST_SENT) {
                broken.add(new Broken("above max length", text(type, fill.repeat(type.max().intValue() + 1)),
                        "Member must have length less than or equal to " + plain(type.max())));
            } else {
                skip(type.name() + ": too long to send");
            }
        }
        return broken;
    }

    private static JsonNode text(Shape type, String value) {
        if (type.type() == ShapeType.BLOB) {
            return NODES.textNode(Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return NODES.textNode(value);
    }

    /** A valid value of {@code shape}, or null when the generator knows none. */
    private JsonNode sample(Shape shape) {
        return switch (shape.type()) {
            case STRUCTURE -> {
                ObjectNode node = NODES.objectNode();
                for (String required : shape.required()) {
                    JsonNode member = sample(model.shape(shape.members().get(required)));
                    if (member == null) {
                        yield null;
                    }
                    node.set(required, member);
                }
                yield node;
            }
            case LIST -> {
                JsonNode element = sample(model.shape(shape.member()));
                yield element == null ? null : NODES.arrayNode().add(element);
            }
            case MAP -> {
                JsonNode key = sample(model.shape(shape.key()));
                JsonNode value = sample(model.shape(shape.value()));
                yield key == null || value == null ? null : NODES.objectNode().set(key.asText(), value);
            }
            case STRING -> {
                if (!shape.enumValues().isEmpty()) {
                    yield NODES.textNode(shape.enumValues().get(0));
                }
                String s = sampleString(shape, null);
                yield s == null ? null : NODES.textNode(s);
            }
            case INTEGER, LONG, DOUBLE, FLOAT -> NODES.numberNode(shape.min() != null ? shape.min().toBigInteger()
                    : shape.max() != null ? shape.max().toBigInteger() : java.math.BigInteger.ONE);
            case BOOLEAN -> NODES.booleanNode(false);
            case BLOB -> NODES.textNode(Base64.getEncoder().encodeToString(
                    "a".repeat(shape.min() == null ? 1 : Math.max(1, shape.min().intValue())).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)));
            case TIMESTAMP -> NODES.numberNode(1_700_000_000L);
            case DOCUMENT -> NODES.objectNode();
        };
    }

    private String sampleString(Shape shape, String fallback) {
        long min = shape.min() == null ? 0 : shape.min().longValue();
        long max = shape.max() == null ? Long.MAX_VALUE : shape.max().longValue();
        List<String> candidates = new ArrayList<>(samples);
        if (min > 1 && min < 10_000) {
            candidates.add("a".repeat((int) min));
        }
        for (String candidate : candidates) {
            if (candidate.length() >= min && candidate.length() <= max
                    && (shape.pattern() == null || shape.pattern().matches(candidate))) {
                return candidate;
            }
        }
        return fallback;
    }

    private static String offPattern(Shape shape) {
        long min = shape.min() == null ? 1 : Math.max(1, shape.min().longValue());
        // A line break or a control character breaks the single-line text patterns (Glue's names and comments).
        for (String c : List.of("!", "#", " ", "\t", "\n", "\u0001", ":")) {
            String candidate = c.repeat((int) Math.min(min, 1000));
            if (!shape.pattern().matches(candidate)
                    && (shape.max() == null || candidate.length() <= shape.max().longValue())) {
                return candidate;
            }
        }
        return null;
    }

    private static ObjectNode replace(ObjectNode root, List<Object> at, JsonNode value) {
        ObjectNode body = root.deepCopy();
        JsonNode parent = locate(body, at.subList(0, at.size() - 1));
        Object last = at.get(at.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return body;
    }

    private static JsonNode locate(JsonNode root, List<Object> at) {
        JsonNode node = root;
        for (Object step : at) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static List<Object> append(List<Object> at, Object step) {
        List<Object> next = new ArrayList<>(at);
        next.add(step);
        return next;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String lower(String name) {
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
