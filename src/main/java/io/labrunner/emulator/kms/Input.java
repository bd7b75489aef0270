package io.labrunner.emulator.kms;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a request's members after the protocol core checked them against the KMS model. */
record Input(JsonNode node) {
    String text(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.asText();
    }

    Integer integer(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.intValue();
    }

    /** A blob member's bytes (the core decoded its base64), or null when absent. */
    byte[] blob(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return null;
        }
        try {
            return child.binaryValue();
        } catch (IOException e) {
            throw KmsErrors.validation("Value at '" + name + "' is not a blob");
        }
    }

    Map<String, String> stringMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode child = node.get(name);
        if (child != null) {
            child.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    /** KMS's tag list ({@code [{"TagKey": k, "TagValue": v}]}) as an ordered map. */
    Map<String, String> tags(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode child = node.get(name);
        if (child != null) {
            child.forEach(tag -> out.put(tag.path("TagKey").asText(), tag.path("TagValue").asText()));
        }
        return out;
    }

    /** A required member the model leaves optional: KMS names it as a ValidationException does. */
    String required(String name) {
        String value = text(name);
        if (value == null) {
            throw KmsErrors.validation("1 validation error detected: Value null at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
