package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;

/**
 * A request's {@code guardrailConfig}: which guardrail version to apply and whether to trace it.
 *
 * @param identifier guardrail id or ARN
 * @param version    {@code DRAFT} or a version number
 * @param trace      whether the response carries {@code trace.guardrail}
 */
record GuardrailRequest(String identifier, String version, boolean trace) {

    /** Reads {@code guardrailConfig}; null when the request has none. */
    static GuardrailRequest of(JsonNode config) {
        if (config == null || config.isMissingNode() || config.isNull()) {
            return null;
        }
        String identifier = required(config, "guardrailIdentifier");
        String version = required(config, "guardrailVersion");
        String trace = config.path("trace").asText("disabled");
        return new GuardrailRequest(identifier, version, trace.startsWith("enabled"));
    }

    private static String required(JsonNode config, String field) {
        JsonNode value = config.path(field);
        if (!value.isTextual()) {
            throw AwsException.validation("1 validation error detected: Value null at 'guardrailConfig." + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }
}
