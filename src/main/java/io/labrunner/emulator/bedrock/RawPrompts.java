package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The JSON-schema checks the raw-prompt bodies (Llama, Mistral) share, worded as Bedrock's schema validator words them. */
final class RawPrompts {
    private RawPrompts() {
    }

    /** {@code prompt} must be a string and the length field an integer. */
    static void typeProblems(JsonNode body, List<String> problems, String promptField, String lengthField) {
        if (body.has(promptField) && !body.path(promptField).isTextual()) {
            problems.add("#/" + promptField + ": expected type: String, found: " + AnthropicMessages.typeName(body.path(promptField)));
        }
        if (body.has(lengthField) && !body.path(lengthField).isIntegralNumber()) {
            problems.add("#/" + lengthField + ": expected type: Integer, found: " + AnthropicMessages.typeName(body.path(lengthField)));
        }
    }

    /** The length must lie in 1..limit. */
    static void rangeProblems(List<String> problems, String lengthField, int value, int limit) {
        if (value < 1) {
            problems.add("#/" + lengthField + ": " + value + " is not greater or equal to 1");
        } else if (value > limit) {
            problems.add("#/" + lengthField + ": " + value + " is not less or equal to " + limit);
        }
    }
}
