package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a request's members after the protocol core checked them against EventBridge's model. */
record Input(JsonNode node) {
    String text(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.asText();
    }

    boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    Integer number(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.intValue();
    }

    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        node.path(name).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** EventBridge's tag list ({@code [{"Key": k, "Value": v}]}) as an ordered map. */
    Map<String, String> tags(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        node.path(name).forEach(tag -> out.put(tag.path("Key").asText(), tag.path("Value").asText("")));
        return out;
    }
}
