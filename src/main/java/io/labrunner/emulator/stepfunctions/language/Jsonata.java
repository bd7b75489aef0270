package io.labrunner.emulator.stepfunctions.language;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * JSONata, the query language of {@code "QueryLanguage": "JSONata"} states, on the {@code com.dashjoin:jsonata}
 * implementation. Expressions see {@code $states} ({@code input}, {@code result}, {@code errorOutput},
 * {@code context}) and the workflow variables as {@code $name}, plus the functions Step Functions adds:
 * {@code $partition}, {@code $range}, {@code $hash}, {@code $random}, {@code $uuid} and {@code $parse}
 * (developer guide, "Transforming data with JSONata in Step Functions").
 */
public final class Jsonata {
    /** The error AWS raises when a JSONata expression fails or yields what the field cannot take. */
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long RUNTIME_LIMIT_MILLIS = 10_000;
    private static final int DEPTH_LIMIT = 500;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private Jsonata() {
    }

    /** Whether {@code text} is a JSONata field value: {@code {%} ... {@code %}}. */
    public static boolean isExpression(String text) {
        return text != null && text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
    }

    /** The expression inside {@code {% ... %}}, trimmed. */
    public static String unwrap(String text) {
        return text.substring(2, text.length() - 2).strip();
    }

    /** What is wrong with {@code expression} as JSONata (its syntax error), or empty when it parses. */
    public static Optional<String> problem(String expression) {
        try {
            com.dashjoin.jsonata.Jsonata.jsonata(expression);
            return Optional.empty();
        } catch (JException e) {
            return Optional.of(e.getMessage()); // without its code, as AWS reports it
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Evaluates one JSONata expression (without the {@code {% %}} delimiters) for no particular field.
     *
     * @param statesBinding the {@code $states} object: {@code input}, {@code context}, and where the field
     *                      allows them {@code result} and {@code errorOutput}
     * @param variables     the workflow variables, bound as {@code $name}; may be empty
     * @return the value, or null when the expression yields nothing (JSONata's undefined)
     * @throws TaskFailure {@code States.QueryEvaluationError} when it does not parse or fails
     */
    public static JsonNode evaluate(String expression, JsonNode statesBinding, Map<String, JsonNode> variables) {
        return toJsonOrFail(run(expression, null, statesBinding, variables), expression, null, true);
    }

    /**
     * Evaluates the expression of one field, e.g. {@code Output}, {@code Arguments/FunctionName},
     * {@code Choices[0]/Condition}: an expression that yields nothing fails, as AWS fails it.
     *
     * @throws TaskFailure {@code States.QueryEvaluationError}, the cause as AWS words it: {@code The JSONata
     *                     expression '$x' specified for the field 'Output/result' returned nothing (undefined).} or
     *                     {@code ... threw an error during evaluation. T1006: Attempted to invoke a non-function}
     *                     (LocalStack's AWS-recorded snapshots; floci-io/floci pull request 2783 for the two
     *                     endings), without the "An error occurred while executing the state" prefix the
     *                     interpreter adds
     */
    public static JsonNode evaluate(String expression, String field, JsonNode statesBinding,
            Map<String, JsonNode> variables) {
        return toJsonOrFail(run(expression, field, statesBinding, variables), expression, field, false);
    }

    /**
     * A JSONata-mode field ({@code Arguments}, {@code Output}, {@code Assign}, {@code Items}...) for no particular
     * field name: as {@link #evaluateTemplate(JsonNode, String, JsonNode, Map)} with the field left unnamed.
     */
    public static JsonNode evaluateTemplate(JsonNode template, JsonNode statesBinding,
            Map<String, JsonNode> variables) {
        return evaluateTemplate(template, "", statesBinding, variables);
    }

    /**
     * A JSONata-mode field: every string that is {@code {% expr %}} is replaced by the expression's value, inside
     * objects and arrays too (the field path grows {@code Output/a/b}, {@code Output/list[0]}); other values
     * stay literal. An expression that yields nothing fails the state.
     */
    public static JsonNode evaluateTemplate(JsonNode template, String field, JsonNode statesBinding,
            Map<String, JsonNode> variables) {
        if (template == null) {
            return null;
        }
        if (template.isTextual() && isExpression(template.textValue())) {
            return evaluate(unwrap(template.textValue()), field, statesBinding, variables);
        }
        if (template.isObject()) {
            ObjectNode out = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String path = field.isEmpty() ? entry.getKey() : field + "/" + entry.getKey();
                out.set(entry.getKey(), evaluateTemplate(entry.getValue(), path, statesBinding, variables));
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < template.size(); i++) {
                out.add(evaluateTemplate(template.get(i), field + "[" + i + "]", statesBinding, variables));
            }
            return out;
        }
        return template;
    }

    /**
     * Checks the type of a field's value, e.g. {@code Items} must be an array: {@code The JSONata expression '1'
     * specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for
     * value: 1} (LocalStack's AWS-recorded test_base_evaluate_expressions snapshot).
     *
     * @param expected one of {@code array}, {@code object}, {@code string}, {@code number}, {@code boolean}
     */
    public static JsonNode requireType(JsonNode value, String expected, String expression, String field) {
        String actual = typeName(value);
        if (!actual.equals(expected)) {
            throw new TaskFailure(QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
                    + "' specified for the field '" + field + "' returned an unexpected result type. Expected '"
                    + expected + "', but was '" + actual + "' for value: " + Texts.compact(value));
        }
        return value;
    }

    private static String typeName(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return "string";
    }

    private static Object run(String expression, String field, JsonNode statesBinding,
            Map<String, JsonNode> variables) {
        com.dashjoin.jsonata.Jsonata compiled;
        try {
            compiled = com.dashjoin.jsonata.Jsonata.jsonata(expression);
        } catch (RuntimeException e) {
            throw failure(expression, field, e);
        }
        Frame frame = compiled.createFrame();
        if (variables != null) {
            variables.forEach((name, value) -> frame.bind(name, toJava(value)));
        }
        frame.bind("states", toJava(statesBinding));
        bindStepFunctionsFunctions(frame);
        // Bounds so that a runaway expression fails the state instead of holding a thread.
        frame.setRuntimeBounds(RUNTIME_LIMIT_MILLIS, DEPTH_LIMIT);
        try {
            return compiled.evaluate(null, frame);
        } catch (TaskFailure e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw failure(expression, field, e);
        }
    }

    private static JsonNode toJsonOrFail(Object result, String expression, String field, boolean undefinedAllowed) {
        if (result == null) {
            if (undefinedAllowed) {
                return null;
            }
            throw new TaskFailure(QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
                    + "' specified for the field '" + field + "' returned nothing (undefined).");
        }
        if (result instanceof JFunction || result instanceof com.dashjoin.jsonata.Jsonata.JLambda
                || (result instanceof Map<?, ?> map && map.containsKey("_jsonata_lambda"))) {
            throw new TaskFailure(QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
                    + "' specified for the field '" + field + "' returned an unsupported result type.");
        }
        return toJson(result);
    }

    /** The {@code $states} binding for a state: its input and the Context Object (result/errorOutput added later). */
    public static ObjectNode states(JsonNode input, JsonNode context) {
        ObjectNode states = NODES.objectNode();
        states.set("input", input);
        states.set("context", context);
        return states;
    }

    /** A coded JSONata error ends {@code . T1006: <message>}, an uncoded one {@code : <message>}. */
    private static TaskFailure failure(String expression, String field, Throwable e) {
        String ending;
        if (e instanceof JException j && j.getError() != null) {
            ending = ". " + j.getError() + ": " + j.getMessage();
        } else if (e instanceof StackOverflowError) {
            ending = ": the expression recursed too deeply";
        } else {
            ending = ": " + e.getMessage();
        }
        return new TaskFailure(QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
                + "' specified for the field '" + (field == null ? "" : field)
                + "' threw an error during evaluation" + ending);
    }

    // ---------------------------------------------------------------- Step Functions' own functions

    private static void bindStepFunctionsFunctions(Frame frame) {
        frame.bind("partition", new JFunction((input, args) -> partition(args), null));
        frame.bind("range", new JFunction((input, args) -> range(args), null));
        frame.bind("hash", new JFunction((input, args) -> hash(args), null));
        frame.bind("random", new JFunction((input, args) -> random(args), null));
        frame.bind("uuid", new JFunction((input, args) -> UUID.randomUUID().toString(), null));
        frame.bind("parse", new JFunction((input, args) -> parse(args), null));
    }

    private static Object partition(List<?> args) {
        List<?> array = args.get(0) instanceof List<?> list ? list : List.of(args.get(0));
        int size = number(args, 1, "$partition").intValue();
        if (size <= 0) {
            throw new TaskFailure(QUERY_EVALUATION_ERROR, "$partition: the chunk size must be a positive integer");
        }
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i += size) {
            out.add(new ArrayList<>(array.subList(i, Math.min(array.size(), i + size))));
        }
        return out;
    }

    private static Object range(List<?> args) {
        long start = number(args, 0, "$range").longValue();
        long end = number(args, 1, "$range").longValue();
        long step = number(args, 2, "$range").longValue();
        if (step == 0) {
            throw new TaskFailure(QUERY_EVALUATION_ERROR, "$range: the step must not be 0");
        }
        // A JSONata sequence, so that a one-number range reads as that number, as AWS answers $range(1, 9, 9)
        // (LocalStack's AWS-recorded test_array_jsonata snapshot).
        List<Object> out = com.dashjoin.jsonata.Utils.createSequence();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
            if (out.size() == Intrinsics.ARRAY_RANGE_LIMIT) {
                throw new TaskFailure(QUERY_EVALUATION_ERROR, "$range: the range has more than "
                        + Intrinsics.ARRAY_RANGE_LIMIT + " items");
            }
            out.add(i);
        }
        return out;
    }

    private static Object hash(List<?> args) {
        if (args.size() < 2 || !(args.get(0) instanceof String data) || !(args.get(1) instanceof String algorithm)
                || !HASH_ALGORITHMS.contains(algorithm)) {
            throw new TaskFailure(QUERY_EVALUATION_ERROR,
                    "$hash takes a string and one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }

    private static Object random(List<?> args) {
        Random random = args.isEmpty() || args.get(0) == null ? ThreadLocalRandom.current()
                : new Random(number(args, 0, "$random").longValue());
        return random.nextDouble();
    }

    private static Object parse(List<?> args) {
        if (args.isEmpty() || !(args.get(0) instanceof String text)) {
            throw new TaskFailure(QUERY_EVALUATION_ERROR, "$parse takes a string");
        }
        try {
            return toJava(Json.mapper().readTree(text));
        } catch (JsonProcessingException e) {
            throw new TaskFailure(QUERY_EVALUATION_ERROR, "$parse: '" + text + "' is not valid JSON");
        }
    }

    private static Number number(List<?> args, int i, String function) {
        if (args.size() <= i || !(args.get(i) instanceof Number n)) {
            throw new TaskFailure(QUERY_EVALUATION_ERROR, function + ": argument " + (i + 1) + " must be a number");
        }
        return n;
    }

    // ---------------------------------------------------------------- Jackson <-> Java

    static Object toJava(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isNull()) {
            return com.dashjoin.jsonata.Jsonata.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), toJava(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(item -> out.add(toJava(item)));
            return out;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value == com.dashjoin.jsonata.Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            map.forEach((k, v) -> {
                JsonNode item = toJson(v);
                if (item != null) {
                    out.set(String.valueOf(k), item);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = NODES.arrayNode();
            for (Object item : list) {
                JsonNode node = toJson(item);
                if (node != null) {
                    out.add(node);
                }
            }
            return out;
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new TaskFailure(QUERY_EVALUATION_ERROR, "The JSONata expression yields " + d
                        + ", which is not a JSON number");
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return NODES.numberNode(d.longValue());
            }
            return NODES.numberNode(d);
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f.doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (value instanceof java.math.BigInteger b) {
            return NODES.numberNode(b);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.longValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof JFunction || value instanceof com.dashjoin.jsonata.Jsonata.JLambda) {
            throw new TaskFailure(QUERY_EVALUATION_ERROR, "The JSONata expression yields a function, not a value");
        }
        return Json.mapper().valueToTree(value);
    }
}
