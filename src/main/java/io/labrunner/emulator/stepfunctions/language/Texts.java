package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;

/** JSON as Step Functions prints it inside error causes: compact, fields in their order. */
final class Texts {

    private Texts() {
    }

    static String compact(JsonNode node) {
        if (node == null) {
            return "null";
        }
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
