package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;

/**
 * One of a pipeline's parameters: {@code {"Name": ..., "Type": "String|Integer|Float|Boolean", "DefaultValue": ...}}.
 *
 * @param defaultValue null when the parameter has none (StartPipelineExecution must then give it)
 */
record ParameterDefinition(String name, String type, JsonNode defaultValue) {
    static final List<String> TYPES = List.of("String", "Integer", "Float", "Boolean");

    /** A value as StartPipelineExecution gives it (always text), as this parameter's type. */
    JsonNode typed(String value) {
        try {
            return switch (type) {
                case "Integer" -> LongNode.valueOf(Long.parseLong(value.trim()));
                case "Float" -> DoubleNode.valueOf(Double.parseDouble(value.trim()));
                case "Boolean" -> booleanOf(value);
                default -> TextNode.valueOf(value);
            };
        } catch (NumberFormatException e) {
            throw PipelineErrors.validation("Value '" + value + "' of parameter '" + name + "' is not a valid "
                    + type + ".");
        }
    }

    /** The default as this parameter's type, or null. */
    JsonNode typedDefault() {
        if (defaultValue == null || defaultValue.isNull()) {
            return null;
        }
        return defaultValue.isTextual() ? typed(defaultValue.asText()) : typed(defaultValue.asText());
    }

    private JsonNode booleanOf(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new NumberFormatException(value);
        }
        return BooleanNode.valueOf(text.equals("true"));
    }
}
