package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A value as AWS quotes it in a validation message: {@code ''}, {@code '0'}, {@code '[a, b]'},
 * {@code '{key=value}'}, or {@code null} unquoted.
 */
final class ValueText {
    private ValueText() {
    }

    static String of(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        return "'" + raw(value) + "'";
    }

    private static String raw(JsonNode value) {
        if (value.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(raw(value.get(i)));
            }
            return out.append(']').toString();
        }
        if (value.isObject()) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(first ? "" : ", ").append(e.getKey()).append('=').append(raw(e.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        return value.asText();
    }
}
