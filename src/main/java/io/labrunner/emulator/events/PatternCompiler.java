package io.labrunner.emulator.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an event pattern's JSON into its alternatives: each a map from a field's dotted path to the values that
 * field may take ({@code $or} multiplies the alternatives). Read token by token, as AWS's matcher (Event Ruler,
 * aws/event-ruler) reads it, so a refusal names the same reason and the same position: AWS answers
 * {@code Event pattern is not valid. Reason: <reason>\n at [Source: (String)"<pattern>"; line: L, column: C]}, as
 * recorded against AWS in LocalStack's {@code tests/aws/services/events/test_events_patterns.snapshot.json}.
 */
final class PatternCompiler {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String OR = "$or";
    /** Jackson (which AWS's message comes from) shows at most this much of the source. */
    private static final int SHOWN_SOURCE = 500;

    private final String source;
    private final JsonParser parser;

    private PatternCompiler(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /**
     * @throws InvalidPatternException with AWS's reason, and the position where one applies
     */
    static List<Map<String, List<ValueMatcher>>> compile(String pattern) {
        try (JsonParser parser = JSON.createParser(pattern)) {
            PatternCompiler compiler = new PatternCompiler(pattern, parser);
            return compiler.pattern();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidPatternException(e.getOriginalMessage()
                    + (at == null ? "" : location(pattern, at.getLineNr(), at.getColumnNr())));
        } catch (IOException e) {
            throw new InvalidPatternException(e.getMessage());
        }
    }

    private List<Map<String, List<ValueMatcher>>> pattern() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw refuse("Filter is not an object");
        }
        List<Map<String, List<ValueMatcher>>> rules = new ArrayList<>();
        // Like AWS's matcher, reading stops at the end of the first object.
        object(rules, "");
        return rules;
    }

    private void object(List<Map<String, List<ValueMatcher>>> rules, String path) throws IOException {
        boolean any = false;
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            any = true;
            String name = parser.currentName();
            if (OR.equals(name)) {
                or(rules, path);
                continue;
            }
            String field = path.isEmpty() ? name : path + "." + name;
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                object(rules, field);
            } else if (token == JsonToken.START_ARRAY) {
                values(rules, field);
            } else {
                throw refuse("\"" + name + "\" must be an object or an array");
            }
        }
        if (!any) {
            throw refuse("Empty objects are not allowed");
        }
    }

    private void or(List<Map<String, List<ValueMatcher>>> rules, String path) throws IOException {
        List<Map<String, List<ValueMatcher>>> before = copy(rules);
        rules.clear();
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw refuse("It must be an Array followed with $or.");
        }
        int branches = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            branches++;
            if (token != JsonToken.START_OBJECT) {
                throw refuse("Only JSON object is allowed in array of $or relationship.");
            }
            List<Map<String, List<ValueMatcher>>> branch = copy(before);
            if (branch.isEmpty()) {
                branch.add(new LinkedHashMap<>());
            }
            object(branch, path);
            rules.addAll(branch);
        }
        if (branches < 2) {
            throw refuse("There must have at least 2 Objects in $or relationship.");
        }
    }

    private static List<Map<String, List<ValueMatcher>>> copy(List<Map<String, List<ValueMatcher>>> rules) {
        List<Map<String, List<ValueMatcher>>> out = new ArrayList<>();
        rules.forEach(rule -> out.add(new LinkedHashMap<>(rule)));
        return out;
    }

    private void values(List<Map<String, List<ValueMatcher>>> rules, String field) throws IOException {
        List<ValueMatcher> values = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            switch (token) {
                case START_OBJECT -> values.add(expression());
                case VALUE_STRING -> values.add(new ValueMatcher.Exact(
                        com.fasterxml.jackson.databind.node.TextNode.valueOf(parser.getText())));
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.add(new ValueMatcher.Exact(
                        com.fasterxml.jackson.databind.node.DecimalNode.valueOf(parser.getDecimalValue())));
                case VALUE_TRUE, VALUE_FALSE -> values.add(new ValueMatcher.Exact(
                        com.fasterxml.jackson.databind.node.BooleanNode.valueOf(token == JsonToken.VALUE_TRUE)));
                case VALUE_NULL -> values.add(new ValueMatcher.Exact(
                        com.fasterxml.jackson.databind.node.NullNode.getInstance()));
                default -> throw refuse("Match value must be String, number, true, false, or null");
            }
        }
        if (values.isEmpty()) {
            throw refuse("Empty arrays are not allowed");
        }
        if (rules.isEmpty()) {
            rules.add(new LinkedHashMap<>());
        }
        for (Map<String, List<ValueMatcher>> rule : rules) {
            rule.put(field, values);
        }
    }

    /** One {@code {"operator": ...}} entry of a value list. */
    private ValueMatcher expression() throws IOException {
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            throw refuse("Match expression name not found");
        }
        String operator = parser.currentName();
        JsonToken token = parser.nextToken();
        ValueMatcher matcher;
        switch (operator) {
            case "prefix", "suffix" -> {
                boolean prefix = operator.equals("prefix");
                if (token == JsonToken.START_OBJECT) {
                    return ignoringCase(prefix);
                }
                if (token != JsonToken.VALUE_STRING) {
                    throw refuse(operator + " match pattern must be a string");
                }
                matcher = prefix ? new ValueMatcher.Prefix(parser.getText(), false)
                        : new ValueMatcher.Suffix(parser.getText(), false);
                endOfExpression("Only one key allowed in match expression");
            }
            case "numeric" -> {
                if (token != JsonToken.START_ARRAY) {
                    throw refuse("Value of numeric must be an array.");
                }
                matcher = numeric();
                endOfExpression("Too many elements in numeric expression");
            }
            case "anything-but" -> matcher = anythingBut(token);
            case "exists" -> {
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw refuse("exists match pattern must be either true or false.");
                }
                matcher = new ValueMatcher.Exists(token == JsonToken.VALUE_TRUE);
                endOfExpression("Only one key allowed in match expression");
            }
            case "cidr" -> {
                if (token != JsonToken.VALUE_STRING) {
                    // Event Ruler's wording for this case, as AWS answers it.
                    throw refuse("prefix match pattern must be a string");
                }
                matcher = unpositioned(parser.getText());
                endOfExpression("Only one key allowed in match expression");
            }
            case "equals-ignore-case" -> {
                if (token != JsonToken.VALUE_STRING) {
                    throw refuse("equals-ignore-case match pattern must be a string");
                }
                matcher = new ValueMatcher.EqualsIgnoreCase(parser.getText());
                endOfExpression("Only one key allowed in match expression");
            }
            case "wildcard" -> {
                if (token != JsonToken.VALUE_STRING) {
                    throw refuse("wildcard match pattern must be a string");
                }
                matcher = wildcard(parser.getText());
                endOfExpression("Only one key allowed in match expression");
            }
            default -> throw refuse("Unrecognized match type " + operator);
        }
        return matcher;
    }

    /** {@code {"prefix": {"equals-ignore-case": "p"}}}, and the same for suffix. */
    private ValueMatcher ignoringCase(boolean prefix) throws IOException {
        String kind = prefix ? "Prefix" : "Suffix";
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            throw refuse(kind + " expression name not found");
        }
        String inner = parser.currentName();
        if (!"equals-ignore-case".equals(inner)) {
            throw refuse("Unsupported " + kind.toLowerCase(java.util.Locale.ROOT) + " pattern: " + inner);
        }
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw refuse("equals-ignore-case match pattern must be a string");
        }
        ValueMatcher matcher = prefix ? new ValueMatcher.Prefix(parser.getText(), true)
                : new ValueMatcher.Suffix(parser.getText(), true);
        endOfExpression("Only one key allowed in match expression");
        endOfExpression("Only one key allowed in match expression");
        return matcher;
    }

    private ValueMatcher anythingBut(JsonToken first) throws IOException {
        JsonToken token = first;
        String inner = null;
        if (token == JsonToken.START_OBJECT) {
            if (parser.nextToken() != JsonToken.FIELD_NAME) {
                throw refuse("Anything-But expression name not found");
            }
            inner = parser.currentName();
            if (!Set.of("equals-ignore-case", "prefix", "suffix", "wildcard").contains(inner)) {
                throw refuse("Unsupported anything-but pattern: " + inner);
            }
            token = parser.nextToken();
        }
        if (token != JsonToken.START_ARRAY && token != JsonToken.VALUE_STRING
                && token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw refuse("Value of anything-but must be an array or single string/number value.");
        }
        ValueMatcher matcher;
        if (inner == null) {
            matcher = token == JsonToken.START_ARRAY ? anythingButList() : anythingButValue(token);
        } else {
            List<String> texts = new ArrayList<>();
            if (token == JsonToken.START_ARRAY) {
                // AWS repeats the position for refusals inside these lists: Event Ruler reports them twice.
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    texts.add(anythingButText(inner, token, true));
                }
            } else {
                texts.add(anythingButText(inner, token, false));
            }
            List<ValueMatcher> excluded = new ArrayList<>();
            for (String text : texts) {
                excluded.add(switch (inner) {
                    case "prefix" -> new ValueMatcher.Prefix(text, false);
                    case "suffix" -> new ValueMatcher.Suffix(text, false);
                    case "equals-ignore-case" -> new ValueMatcher.EqualsIgnoreCase(text);
                    default -> wildcard(text);
                });
            }
            matcher = new ValueMatcher.AnythingButMatching(inner, excluded);
        }
        endOfExpression("Too many elements in numeric expression");
        if (inner != null) {
            endOfExpression("Too many elements in numeric expression");
        }
        return matcher;
    }

    private String anythingButText(String inner, JsonToken token, boolean inList) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (text.isEmpty() && (inner.equals("prefix") || inner.equals("suffix"))) {
                throw refuse("Null prefix/suffix not allowed", inList);
            }
            return text;
        }
        throw refuse(switch (inner) {
            case "equals-ignore-case" ->
                    "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.";
            case "wildcard" -> "wildcard match pattern must be a string";
            default -> "prefix/suffix match pattern must be a string";
        }, inList);
    }

    private ValueMatcher anythingButValue(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return new ValueMatcher.AnythingBut(Set.of(parser.getText()), Set.of());
        }
        return new ValueMatcher.AnythingBut(Set.of(), Set.of(parser.getDecimalValue()));
    }

    private ValueMatcher anythingButList() throws IOException {
        Set<String> strings = new HashSet<>();
        Set<BigDecimal> numbers = new HashSet<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            switch (token) {
                case VALUE_STRING -> strings.add(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> numbers.add(parser.getDecimalValue());
                default -> throw refuse("Inside anything but list, start|null|boolean is not supported.", true);
            }
        }
        if (strings.isEmpty() == numbers.isEmpty()) {
            throw refuse("Inside anything but list, either all values are number or string, "
                    + "mixed type is not supported");
        }
        return new ValueMatcher.AnythingBut(strings, numbers);
    }

    /** {@code ["=", 5]}, {@code [">", 0]}, {@code [">=", 0, "<", 5]}...; the opening bracket is read. */
    private ValueMatcher numeric() throws IOException {
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw refuse("Invalid member in numeric match: " + parser.getText());
        }
        String operator = parser.getText();
        JsonToken token = parser.nextToken();
        switch (operator) {
            case "=" -> {
                BigDecimal value = number(token, "Value of equals must be numeric");
                endOfNumeric("Too many elements in numeric expression");
                return new ValueMatcher.NumericRange(value, true, value, true);
            }
            case ">", ">=" -> {
                BigDecimal low = number(token, "Value of " + operator + " must be numeric");
                token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    return new ValueMatcher.NumericRange(low, operator.equals(">="), null, false);
                }
                if (token != JsonToken.VALUE_STRING) {
                    throw refuse("Bad value in numeric range: " + parser.getText());
                }
                String upper = parser.getText();
                if (!upper.equals("<") && !upper.equals("<=")) {
                    throw refuse("Bad numeric range operator: " + upper);
                }
                BigDecimal high = number(parser.nextToken(), "Value of " + upper + " must be numeric");
                endOfNumeric("Too many terms in numeric range expression");
                return new ValueMatcher.NumericRange(low, operator.equals(">="), high, upper.equals("<="));
            }
            case "<", "<=" -> {
                BigDecimal high = number(token, "Value of " + operator + " must be numeric");
                endOfNumeric("Too many elements in numeric expression");
                return new ValueMatcher.NumericRange(null, false, high, operator.equals("<="));
            }
            default -> throw refuse("Unrecognized numeric range operator: " + operator);
        }
    }

    private BigDecimal number(JsonToken token, String reason) throws IOException {
        if (token == null || !token.isNumeric()) {
            throw refuse(reason);
        }
        return parser.getDecimalValue();
    }

    private void endOfNumeric(String reason) throws IOException {
        if (parser.nextToken() != JsonToken.END_ARRAY) {
            throw refuse(reason);
        }
    }

    private void endOfExpression(String reason) throws IOException {
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw refuse(reason);
        }
    }

    private ValueMatcher wildcard(String text) {
        try {
            return Wildcards.compile(text);
        } catch (IllegalArgumentException e) {
            throw refuse(e.getMessage());
        }
    }

    /** Refusals AWS words without a position (CIDR blocks). */
    private static ValueMatcher unpositioned(String block) {
        try {
            return IpAddresses.cidr(block);
        } catch (IllegalArgumentException e) {
            throw new InvalidPatternException(e.getMessage());
        }
    }

    private InvalidPatternException refuse(String reason) {
        return refuse(reason, false);
    }

    private InvalidPatternException refuse(String reason, boolean twice) {
        JsonLocation at = parser.currentLocation();
        String where = location(source, at.getLineNr(), at.getColumnNr());
        return new InvalidPatternException(reason + where + (twice ? where : ""));
    }

    private static String location(String source, int line, int column) {
        String shown = source.length() <= SHOWN_SOURCE ? source
                : source.substring(0, SHOWN_SOURCE) + "\"[truncated " + (source.length() - SHOWN_SOURCE) + " chars]";
        String quoted = source.length() <= SHOWN_SOURCE ? "\"" + shown + "\"" : "\"" + shown;
        return "\n at [Source: (String)" + quoted + "; line: " + line + ", column: " + column + "]";
    }

    /** A pattern AWS refuses; the message is the reason (and position) after "Event pattern is not valid. Reason: ". */
    static final class InvalidPatternException extends RuntimeException {
        InvalidPatternException(String reason) {
            super(reason, null, false, false);
        }
    }
}
