package io.labrunner.emulator.stepfunctions.language;

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
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The States Language's intrinsic functions ({@code States.Format('{}', $.x)} and the others AWS documents), as
 * they appear in a {@code .$} field of a payload template, an {@code Assign} or a Choice-free JSONPath field.
 *
 * <p>The grammar (ASL specification, "Intrinsic Functions"; Step Functions developer guide, "Intrinsic functions
 * for JSONPath states"): {@code States.Name(arg, ...)} where an argument is a single-quoted string (with
 * {@code \'}, {@code \{}, {@code \}} and {@code \\} escapes), a number, {@code true}/{@code false}/{@code null}, a
 * path ({@code $.x}, {@code $$.Execution.Id}, {@code $var.x}) or another intrinsic call.
 *
 * <p>A call that cannot be evaluated (wrong argument types, a limit exceeded, a path that names nothing) fails
 * with {@link TaskFailure} {@code States.IntrinsicFailure}... except a path that names nothing, which AWS reports
 * as {@code States.Runtime} like any other path in a template.
 */
public final class Intrinsics {
    /** The error the ASL specification names for a failing intrinsic function. */
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    /** AWS's limit on the items ArrayRange may produce and the characters Base64/Hash accept. */
    static final int ARRAY_RANGE_LIMIT = 1000;
    static final int STRING_LIMIT = 10_000;
    /** "You can nest up to 10 intrinsic functions within a field" (developer guide, intrinsic functions). */
    static final int NESTING_LIMIT = 10;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Intrinsics() {
    }

    /** Whether {@code text} looks like an intrinsic call ({@code States.} followed by a name and {@code (}). */
    public static boolean isIntrinsic(String text) {
        return text != null && text.startsWith("States.") && text.indexOf('(') > 0;
    }

    /**
     * What is wrong with {@code expression} as an intrinsic call — an unknown function, bad syntax, a wrong number
     * of arguments, a literal argument of the wrong type — or empty when it is a well-formed call.
     * The definition validator reports these; paths inside are checked with {@link JsonPaths#isPath}.
     */
    public static Optional<String> problem(String expression) {
        try {
            Call call = new Parser(expression).parseWhole();
            checkStatically(call);
            if (calls(call) > NESTING_LIMIT) {
                return Optional.of("Invalid intrinsic function '" + expression + "': more than " + NESTING_LIMIT
                        + " intrinsic functions in one field");
            }
            return Optional.empty();
        } catch (IntrinsicSyntaxException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Evaluates one intrinsic call.
     *
     * @param expression the call, e.g. {@code States.Format('Hello, {}', $.name)}
     * @param input      what {@code $} paths read
     * @param context    what {@code $$} paths read (the Context Object)
     * @param variables  what {@code $name} paths read (workflow variables); may be empty
     * @throws TaskFailure {@code States.IntrinsicFailure} when the call fails, {@code States.Runtime} when a path
     *                     argument names nothing
     */
    public static JsonNode evaluate(String expression, JsonNode input, JsonNode context,
            Map<String, JsonNode> variables) {
        try {
            return evaluateOrMismatch(expression, input, context, variables);
        } catch (JsonPaths.PathMismatch e) {
            throw new TaskFailure("States.Runtime", "The JsonPath argument '" + e.path()
                    + "' of the intrinsic function '" + expression + "' could not be found in the input '"
                    + input + "'");
        }
    }

    /** As {@link #evaluate}, but a path argument that names nothing escapes as {@link JsonPaths.PathMismatch}. */
    static JsonNode evaluateOrMismatch(String expression, JsonNode input, JsonNode context,
            Map<String, JsonNode> variables) {
        Call call;
        try {
            call = new Parser(expression).parseWhole();
        } catch (IntrinsicSyntaxException e) {
            throw new TaskFailure(INTRINSIC_FAILURE, e.getMessage());
        }
        return new Evaluator(input, context, variables).call(call);
    }

    // ---------------------------------------------------------------- syntax tree

    sealed interface Arg permits Literal, StringLiteral, PathArg, Call {
    }

    /** A number, boolean or null literal. */
    record Literal(JsonNode value) implements Arg {
    }

    /** A quoted string: {@code raw} keeps the escapes (States.Format needs them), {@code value} drops them. */
    record StringLiteral(String raw, String value) implements Arg {
    }

    record PathArg(String path) implements Arg {
    }

    record Call(String name, List<Arg> args) implements Arg {
    }

    /** A malformed call; the message says what and where. */
    static final class IntrinsicSyntaxException extends RuntimeException {
        IntrinsicSyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    /** A recursive-descent parser over the call's text. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text == null ? "" : text;
        }

        Call parseWhole() {
            skipSpaces();
            Call call = call();
            skipSpaces();
            if (at != text.length()) {
                throw error("unexpected '" + text.substring(at) + "' after the call");
            }
            return call;
        }

        private Call call() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            String name = text.substring(start, at);
            if (!name.startsWith("States.") || name.length() == "States.".length()) {
                throw error("expected an intrinsic function name at position " + start);
            }
            if (!FUNCTIONS.containsKey(name)) {
                throw error("unknown intrinsic function '" + name + "'");
            }
            skipSpaces();
            expect('(');
            List<Arg> args = new ArrayList<>();
            skipSpaces();
            if (peek() == ')') {
                at++;
                return new Call(name, args);
            }
            while (true) {
                skipSpaces();
                args.add(arg());
                skipSpaces();
                char c = peek();
                if (c == ',') {
                    at++;
                } else if (c == ')') {
                    at++;
                    return new Call(name, args);
                } else {
                    throw error("expected ',' or ')' at position " + at + " in " + name);
                }
            }
        }

        private Arg arg() {
            char c = peek();
            if (c == '\'') {
                return string();
            }
            if (c == '$') {
                return path();
            }
            if (c == '-' || Character.isDigit(c)) {
                return number();
            }
            if (text.startsWith("States.", at)) {
                return call();
            }
            for (String word : List.of("true", "false", "null")) {
                if (text.startsWith(word, at) && !isWordChar(at + word.length())) {
                    at += word.length();
                    return new Literal(word.equals("null") ? NODES.nullNode() : NODES.booleanNode(word.equals("true")));
                }
            }
            throw error("unexpected argument at position " + at);
        }

        private StringLiteral string() {
            int start = ++at;
            StringBuilder value = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '\\') {
                    char escaped = at + 1 < text.length() ? text.charAt(at + 1) : '\0';
                    // Only \' \{ \} and \\ are escapes; AWS refuses any other backslash at creation
                    // (LocalStack's AWS-recorded snapshot of escape_sequences_illegal_intrinsic_function).
                    if ("'{}\\".indexOf(escaped) < 0 || escaped == '\0') {
                        throw error("illegal escape at position " + at);
                    }
                    value.append(escaped);
                    at += 2;
                } else if (c == '\'') {
                    String raw = text.substring(start, at);
                    at++;
                    return new StringLiteral(raw, value.toString());
                } else {
                    value.append(c);
                    at++;
                }
            }
            throw error("unterminated string starting at position " + (start - 1));
        }

        /** A path runs to the next top-level ',' or ')' — brackets and quotes inside a path are skipped over. */
        private PathArg path() {
            int start = at;
            int depth = 0;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '\'' || c == '"') {
                    int close = text.indexOf(c, at + 1);
                    at = close < 0 ? text.length() : close + 1;
                    continue;
                }
                if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ']' || (c == ')' && depth > 0)) {
                    depth--;
                } else if (depth == 0 && (c == ',' || c == ')')) {
                    break;
                }
                at++;
            }
            String path = text.substring(start, at).strip();
            if (!PathValues.isValid(path)) {
                throw error("invalid path '" + path + "'");
            }
            return new PathArg(path);
        }

        private Literal number() {
            int start = at;
            if (peek() == '-') {
                at++;
            }
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || ".eE+-".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            String digits = text.substring(start, at);
            try {
                BigDecimal n = new BigDecimal(digits);
                boolean integral = digits.indexOf('.') < 0 && digits.indexOf('e') < 0 && digits.indexOf('E') < 0;
                if (integral && n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                    return new Literal(NODES.numberNode(n.longValueExact()));
                }
                return new Literal(NODES.numberNode(n.doubleValue()));
            } catch (NumberFormatException | ArithmeticException e) {
                throw error("invalid number '" + digits + "'");
            }
        }

        private boolean isWordChar(int i) {
            return i < text.length() && Character.isLetterOrDigit(text.charAt(i));
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "' at position " + at);
            }
            at++;
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IntrinsicSyntaxException error(String what) {
            return new IntrinsicSyntaxException("Invalid intrinsic function '" + text + "': " + what);
        }
    }

    // ---------------------------------------------------------------- arity and literal checks

    /** Each function's argument count: minimum and maximum (-1 = any). */
    private record Arity(int min, int max) {
    }

    private static final Map<String, Arity> FUNCTIONS = Map.ofEntries(
            Map.entry("States.Format", new Arity(1, -1)),
            Map.entry("States.StringToJson", new Arity(1, 1)),
            Map.entry("States.JsonToString", new Arity(1, 1)),
            Map.entry("States.Array", new Arity(0, -1)),
            Map.entry("States.ArrayPartition", new Arity(2, 2)),
            Map.entry("States.ArrayContains", new Arity(2, 2)),
            Map.entry("States.ArrayRange", new Arity(3, 3)),
            Map.entry("States.ArrayGetItem", new Arity(2, 2)),
            Map.entry("States.ArrayLength", new Arity(1, 1)),
            Map.entry("States.ArrayUnique", new Arity(1, 1)),
            Map.entry("States.Base64Encode", new Arity(1, 1)),
            Map.entry("States.Base64Decode", new Arity(1, 1)),
            Map.entry("States.Hash", new Arity(2, 2)),
            Map.entry("States.JsonMerge", new Arity(3, 3)),
            Map.entry("States.MathRandom", new Arity(2, 3)),
            Map.entry("States.MathAdd", new Arity(2, 2)),
            Map.entry("States.StringSplit", new Arity(2, 2)),
            Map.entry("States.UUID", new Arity(0, 0)));

    private static void checkStatically(Call call) {
        Arity arity = FUNCTIONS.get(call.name());
        int n = call.args().size();
        if (n < arity.min() || (arity.max() >= 0 && n > arity.max())) {
            throw new IntrinsicSyntaxException("Invalid arguments in " + call.name() + ": expected "
                    + (arity.max() == arity.min() ? String.valueOf(arity.min())
                    : arity.max() < 0 ? "at least " + arity.min() : arity.min() + " to " + arity.max())
                    + " argument(s), got " + n);
        }
        if (call.name().equals("States.Format") && !(call.args().get(0) instanceof StringLiteral)
                && !(call.args().get(0) instanceof PathArg)) {
            throw new IntrinsicSyntaxException("Invalid arguments in States.Format: the template must be a string");
        }
        for (Arg arg : call.args()) {
            if (arg instanceof Call inner) {
                checkStatically(inner);
            }
        }
    }

    private static int calls(Call call) {
        int count = 1;
        for (Arg arg : call.args()) {
            if (arg instanceof Call inner) {
                count += calls(inner);
            }
        }
        return count;
    }

    static int countPlaceholders(String raw) {
        int count = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                count++;
                i++;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------- evaluation

    private record Evaluator(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {

        JsonNode call(Call call) {
            try {
                checkStatically(call);
            } catch (IntrinsicSyntaxException e) {
                throw failure(e.getMessage());
            }
            List<JsonNode> args = new ArrayList<>();
            for (Arg arg : call.args()) {
                args.add(value(arg));
            }
            return switch (call.name()) {
                case "States.Format" -> format(call, args);
                case "States.StringToJson" -> stringToJson(text(call, args, 0));
                case "States.JsonToString" -> NODES.textNode(args.get(0).toString());
                case "States.Array" -> NODES.arrayNode().addAll(args);
                case "States.ArrayPartition" -> partition(call, array(call, args, 0), integer(call, args, 1));
                case "States.ArrayContains" -> NODES.booleanNode(contains(array(call, args, 0), args.get(1)));
                case "States.ArrayRange" -> range(call, integer(call, args, 0), integer(call, args, 1),
                        integer(call, args, 2));
                case "States.ArrayGetItem" -> getItem(call, array(call, args, 0), integer(call, args, 1));
                case "States.ArrayLength" -> NODES.numberNode(array(call, args, 0).size());
                case "States.ArrayUnique" -> unique(array(call, args, 0));
                case "States.Base64Encode" -> NODES.textNode(Base64.getEncoder().encodeToString(
                        limited(call, text(call, args, 0)).getBytes(StandardCharsets.UTF_8)));
                case "States.Base64Decode" -> base64Decode(call, limited(call, text(call, args, 0)));
                case "States.Hash" -> hash(call, limited(call, text(call, args, 0)), text(call, args, 1));
                case "States.JsonMerge" -> merge(call, args);
                case "States.MathRandom" -> random(call, args);
                case "States.MathAdd" -> add(call, args);
                case "States.StringSplit" -> split(text(call, args, 0), text(call, args, 1));
                case "States.UUID" -> NODES.textNode(UUID.randomUUID().toString());
                default -> throw failure("unknown intrinsic function '" + call.name() + "'");
            };
        }

        private JsonNode value(Arg arg) {
            if (arg instanceof Literal literal) {
                return literal.value();
            }
            if (arg instanceof StringLiteral string) {
                return NODES.textNode(string.value());
            }
            if (arg instanceof PathArg path) {
                return PathValues.read(path.path(), input, context, variables);
            }
            return call((Call) arg);
        }

        private JsonNode format(Call call, List<JsonNode> args) {
            // A template read from a path has no escapes to honour, only placeholders.
            String raw = call.args().get(0) instanceof StringLiteral literal ? literal.raw() : text(call, args, 0);
            int placeholders = countPlaceholders(raw);
            if (placeholders != args.size() - 1) {
                throw failure("Invalid arguments in States.Format: the template has " + placeholders
                        + " placeholder(s) but " + (args.size() - 1) + " argument(s) follow it");
            }
            StringBuilder out = new StringBuilder();
            int next = 1;
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    out.append(raw.charAt(++i));
                } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                    out.append(formatted(args.get(next++)));
                    i++;
                } else {
                    out.append(c);
                }
            }
            return NODES.textNode(out.toString());
        }

        /**
         * How States.Format prints an argument: strings as they are, other values as Java prints them — an object
         * as {@code {Arg1=1, Arg2=[]}} (LocalStack's AWS-recorded snapshot of test_format_2).
         */
        private static String formatted(JsonNode value) {
            if (value.isTextual()) {
                return value.textValue();
            }
            if (value.isObject()) {
                List<String> fields = new ArrayList<>();
                value.fields().forEachRemaining(e -> fields.add(e.getKey() + "=" + formatted(e.getValue())));
                return "{" + String.join(", ", fields) + "}";
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(formatted(item)));
                return "[" + String.join(", ", items) + "]";
            }
            return value.toString();
        }

        private JsonNode stringToJson(String text) {
            if (text.isBlank()) {
                return NODES.nullNode(); // as AWS answers for "" and " " (test_string_to_json snapshot)
            }
            try {
                return Json.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw failure("Invalid arguments in States.StringToJson: '" + text + "' is not valid JSON");
            }
        }

        private JsonNode partition(Call call, ArrayNode array, long size) {
            if (size <= 0) {
                throw failure("Invalid arguments in " + call.name() + ": the chunk size must be a positive integer");
            }
            ArrayNode out = NODES.arrayNode();
            ArrayNode chunk = null;
            for (JsonNode item : array) {
                if (chunk == null || chunk.size() == size) {
                    chunk = out.addArray();
                }
                chunk.add(item);
            }
            return out;
        }

        private static boolean contains(ArrayNode array, JsonNode value) {
            for (JsonNode item : array) {
                if (JsonValues.same(item, value)) {
                    return true;
                }
            }
            return false;
        }

        private JsonNode range(Call call, long start, long end, long step) {
            if (step == 0) {
                throw failure("Invalid arguments in " + call.name() + ": the step must not be 0");
            }
            ArrayNode out = NODES.arrayNode();
            for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
                if (out.size() == ARRAY_RANGE_LIMIT) {
                    throw failure("Invalid arguments in " + call.name() + ": the range has more than "
                            + ARRAY_RANGE_LIMIT + " items");
                }
                out.add(i);
            }
            return out;
        }

        private JsonNode getItem(Call call, ArrayNode array, long index) {
            if (index < 0 || index >= array.size()) {
                throw failure("Invalid arguments in " + call.name() + ": index " + index
                        + " is out of bounds for an array of " + array.size() + " items");
            }
            return array.get((int) index);
        }

        private static JsonNode unique(ArrayNode array) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode item : array) {
                if (!contains(out, item)) {
                    out.add(item);
                }
            }
            return out;
        }

        private JsonNode base64Decode(Call call, String text) {
            try {
                return NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw failure("Invalid arguments in " + call.name() + ": '" + text + "' is not Base64");
            }
        }

        private JsonNode hash(Call call, String data, String algorithm) {
            if (!HASH_ALGORITHMS.contains(algorithm)) {
                throw failure("Invalid arguments in " + call.name() + ": the algorithm must be one of "
                        + "MD5, SHA-1, SHA-256, SHA-384, SHA-512, not '" + algorithm + "'");
            }
            try {
                byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
                return NODES.textNode(HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm, e);
            }
        }

        private JsonNode merge(Call call, List<JsonNode> args) {
            if (!args.get(0).isObject() || !args.get(1).isObject()) {
                throw failure("Invalid arguments in " + call.name() + ": both arguments to merge must be objects");
            }
            if (!args.get(2).isBoolean()) {
                throw failure("Invalid arguments in " + call.name() + ": the third argument must be a boolean");
            }
            if (args.get(2).booleanValue()) {
                // AWS documents only the shallow merge: the deep-merge flag must be false.
                throw failure("Invalid arguments in " + call.name() + ": deep merge is not supported; pass false");
            }
            ObjectNode out = ((ObjectNode) args.get(0)).deepCopy();
            args.get(1).fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
            return out;
        }

        private JsonNode random(Call call, List<JsonNode> args) {
            long start = rounded(call, args, 0);
            long end = rounded(call, args, 1);
            if (end <= start) {
                throw failure("Invalid arguments in " + call.name() + ": the end must be greater than the start");
            }
            Random random = args.size() == 3 ? new Random(rounded(call, args, 2)) : ThreadLocalRandom.current();
            return NODES.numberNode(start + (long) Math.floor(random.nextDouble() * (end - start)));
        }

        /**
         * AWS rounds each operand half up before adding: 1.49 + 1.5 = 3, -1.5 + -1.51 = -3 (LocalStack's
         * AWS-recorded snapshot of test_math_add).
         */
        private JsonNode add(Call call, List<JsonNode> args) {
            long sum = rounded(call, args, 0) + rounded(call, args, 1);
            if (sum < Integer.MIN_VALUE || sum > Integer.MAX_VALUE) {
                throw failure("Invalid arguments in " + call.name() + ": the sum " + sum
                        + " is outside the 32-bit integer range");
            }
            return NODES.numberNode((int) sum);
        }

        /** Splits at every character of the delimiter, dropping empty pieces (as AWS's examples show). */
        private static JsonNode split(String text, String delimiter) {
            ArrayNode out = NODES.arrayNode();
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (delimiter.indexOf(c) >= 0) {
                    if (!piece.isEmpty()) {
                        out.add(piece.toString());
                    }
                    piece.setLength(0);
                } else {
                    piece.append(c);
                }
            }
            if (!piece.isEmpty()) {
                out.add(piece.toString());
            }
            return out;
        }

        private String limited(Call call, String text) {
            if (text.length() > STRING_LIMIT) {
                throw failure("Invalid arguments in " + call.name() + ": the input exceeds " + STRING_LIMIT
                        + " characters");
            }
            return text;
        }

        private String text(Call call, List<JsonNode> args, int i) {
            JsonNode value = args.get(i);
            if (!value.isTextual()) {
                throw failure("Invalid arguments in " + call.name() + ": argument " + (i + 1)
                        + " must be a string, got " + value);
            }
            return value.textValue();
        }

        private ArrayNode array(Call call, List<JsonNode> args, int i) {
            JsonNode value = args.get(i);
            if (!value.isArray()) {
                throw failure("Invalid arguments in " + call.name() + ": argument " + (i + 1)
                        + " must be an array, got " + value);
            }
            return (ArrayNode) value;
        }

        private long rounded(Call call, List<JsonNode> args, int i) {
            JsonNode value = args.get(i);
            if (!value.isNumber()) {
                throw failure("Invalid arguments in " + call.name() + ": argument " + (i + 1)
                        + " must be a number, got " + value);
            }
            return Math.round(value.doubleValue());
        }

        private long integer(Call call, List<JsonNode> args, int i) {
            JsonNode value = args.get(i);
            if (!value.isNumber() || !JsonValues.isIntegral(value)) {
                throw failure("Invalid arguments in " + call.name() + ": argument " + (i + 1)
                        + " must be an integer, got " + value);
            }
            return value.decimalValue().longValue();
        }

        private static TaskFailure failure(String cause) {
            return new TaskFailure(INTRINSIC_FAILURE, cause);
        }
    }

    /** Distinct items in first-seen order, for callers that need a set semantics. */
    static Set<String> names() {
        return new LinkedHashSet<>(FUNCTIONS.keySet());
    }
}
