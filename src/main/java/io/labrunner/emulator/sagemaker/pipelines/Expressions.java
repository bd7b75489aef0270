package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions of a pipeline definition's Arguments: {@code {"Get": "Parameters.X"}}, {@code {"Get":
 * "Execution.PipelineExecutionArn"}}, {@code {"Get": "Steps.Train.FinalMetricDataList['validation:auc'].Value"}}
 * (a step's properties are its Describe output; a list is indexed by position or by the name its items carry),
 * {@code {"Std:Join": {"On": "/", "Values": [...]}}} and {@code {"Std:JsonGet": {"PropertyFile": {"Get":
 * "Steps.Eval.PropertyFiles.Report"}, "Path": "metrics.auc.value"}}}.
 */
final class Expressions {
    private static final Pattern SEGMENT = Pattern.compile("\\.?([A-Za-z0-9_:-]+)|\\[(\\d+)]|\\['([^']*)']|\\[\"([^\"]*)\"]");
    /** The members a list's items are named by: FinalMetricDataList by MetricName, Outputs by OutputName, ... */
    private static final List<String> ITEM_NAMES = List.of("MetricName", "OutputName", "InputName", "ChannelName",
            "Name");

    /** What expressions read while an execution runs. */
    interface Context {
        /** A parameter's value, typed. */
        JsonNode parameter(String name);

        /** An execution variable (PipelineExecutionArn, PipelineName, StartDateTime, ...), or null. */
        JsonNode execution(String variable);

        /** A step's properties, or null when it has not succeeded. */
        JsonNode properties(String step);

        /** The JSON document a step's property file holds. */
        JsonNode propertyFile(String step, String file);
    }

    private Expressions() {
    }

    /** {@code node} with every expression replaced by its value. */
    static JsonNode resolve(JsonNode node, Context context) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Get")) {
                return get(node.get("Get").asText(), context);
            }
            if (node.size() == 1 && node.has("Std:Join")) {
                return join(node.get("Std:Join"), context);
            }
            if (node.size() == 1 && node.has("Std:JsonGet")) {
                return jsonGet(node.get("Std:JsonGet"), context);
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue(), context)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(resolve(item, context)));
            return out;
        }
        return node.deepCopy();
    }

    /** A value as text, as Std:Join writes it: numbers and booleans as JSON prints them. */
    static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    private static JsonNode get(String path, Context context) {
        String[] parts = path.split("\\.", 2);
        if (parts.length < 2) {
            throw new ExpressionException("Cannot resolve '" + path + "'");
        }
        switch (parts[0]) {
            case "Parameters":
                return context.parameter(parts[1]);
            case "Execution": {
                JsonNode value = context.execution(parts[1]);
                if (value == null) {
                    throw new ExpressionException("Unknown execution variable '" + path + "'");
                }
                return value;
            }
            case "Steps":
                return stepProperty(parts[1], path, context);
            default:
                throw new ExpressionException("Cannot resolve '" + path + "'");
        }
    }

    private static JsonNode stepProperty(String rest, String path, Context context) {
        List<String> segments = segments(rest, path);
        String step = segments.get(0);
        if (segments.size() == 3 && "PropertyFiles".equals(segments.get(1))) {
            return context.propertyFile(step, segments.get(2));
        }
        JsonNode value = context.properties(step);
        if (value == null) {
            throw new ExpressionException("Step '" + step + "' has no properties for '" + path + "'");
        }
        for (String segment : segments.subList(1, segments.size())) {
            value = child(value, segment);
            if (value == null || value.isMissingNode()) {
                throw new ExpressionException("Property '" + path + "' does not exist in step '" + step + "'");
            }
        }
        return value.deepCopy();
    }

    private static JsonNode child(JsonNode value, String segment) {
        if (value.isArray()) {
            if (segment.chars().allMatch(Character::isDigit)) {
                return value.get(Integer.parseInt(segment));
            }
            for (JsonNode item : value) {
                for (String member : ITEM_NAMES) {
                    if (segment.equals(item.path(member).asText(null))) {
                        return item;
                    }
                }
            }
            return null;
        }
        return value.get(segment);
    }

    private static List<String> segments(String rest, String path) {
        List<String> out = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw new ExpressionException("Cannot parse property reference '" + path + "'");
            }
            for (int group = 1; group <= 4; group++) {
                if (matcher.group(group) != null) {
                    out.add(matcher.group(group));
                }
            }
            at = matcher.end();
        }
        if (out.isEmpty()) {
            throw new ExpressionException("Cannot parse property reference '" + path + "'");
        }
        return out;
    }

    private static JsonNode join(JsonNode join, Context context) {
        StringBuilder out = new StringBuilder();
        String on = join.path("On").asText("");
        Iterator<JsonNode> values = join.path("Values").elements();
        while (values.hasNext()) {
            out.append(text(resolve(values.next(), context)));
            if (values.hasNext()) {
                out.append(on);
            }
        }
        return TextNode.valueOf(out.toString());
    }

    private static JsonNode jsonGet(JsonNode jsonGet, Context context) {
        JsonNode file = resolve(jsonGet.path("PropertyFile"), context);
        String path = text(resolve(jsonGet.path("Path"), context));
        JsonNode value = file;
        for (String segment : segments(path, path)) {
            value = value == null ? null : child(value, segment);
        }
        if (value == null || value.isMissingNode()) {
            throw new ExpressionException("Unable to evaluate JsonGet: path '" + path
                    + "' does not exist in the property file");
        }
        return value.deepCopy();
    }

    /** The steps the expressions in {@code node} read. */
    static Set<String> stepsReadBy(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        for (String path : gets(node)) {
            if (path.startsWith("Steps.")) {
                List<String> segments = segments(path.substring("Steps.".length()), path);
                out.add(segments.get(0));
            }
        }
        return out;
    }

    /** The parameters the expressions in {@code node} read. */
    static Set<String> parametersReadBy(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        for (String path : gets(node)) {
            if (path.startsWith("Parameters.")) {
                out.add(path.substring("Parameters.".length()));
            }
        }
        return out;
    }

    private static List<String> gets(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.size() == 1 && node.has("Get") && node.get("Get").isTextual()) {
            out.add(node.get("Get").asText());
            return;
        }
        for (JsonNode child : node) {
            collect(child, out);
        }
    }

    /** An expression that cannot be evaluated: the step fails with this message. */
    static final class ExpressionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpressionException(String message) {
            super(message);
        }
    }
}
