package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Create request's {@code Tags} list as a map, in the order given. */
public final class Tags {
    private Tags() {
    }

    public static Map<String, String> of(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            out.put(tag.path("Key").asText(), tag.path("Value").asText(""));
        }
        return out;
    }
}
