package io.labrunner.emulator.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a request's members after the protocol core checked them against the Secrets Manager model. */
record Input(JsonNode node) {
    String text(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.asText();
    }

    Long number(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.longValue();
    }

    boolean flag(String name, boolean otherwise) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? otherwise : child.asBoolean();
    }

    boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    byte[] blob(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return null;
        }
        try {
            return child.binaryValue();
        } catch (IOException e) {
            throw SecretsErrors.invalidParameter("Invalid " + name);
        }
    }

    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        node.path(name).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Secrets Manager's tag list ({@code [{"Key": k, "Value": v}]}) as an ordered map. */
    Map<String, String> tags(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        node.path(name).forEach(tag -> out.put(tag.path("Key").asText(), tag.path("Value").asText("")));
        return out;
    }
}
