package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a guardrail decided about some text, read from ApplyGuardrail's response.
 *
 * @param intervened  the guardrail blocked or masked something
 * @param blocked     it blocked: the text is replaced by the guardrail's blocked message
 * @param outputs     the texts to use instead (the blocked message, or the masked texts)
 * @param response    the whole ApplyGuardrail response, whose assessments go into traces
 */
record GuardrailVerdict(boolean intervened, boolean blocked, List<String> outputs, ObjectNode response) {

    static GuardrailVerdict of(ObjectNode response) {
        boolean intervened = "GUARDRAIL_INTERVENED".equals(response.path("action").asText());
        List<String> outputs = new ArrayList<>();
        response.path("outputs").forEach(o -> outputs.add(o.path("text").asText()));
        return new GuardrailVerdict(intervened, intervened && anyBlocked(response.path("assessments")), outputs, response);
    }

    /** The first assessment, as Converse's trace reports it per guardrail. */
    JsonNode assessment() {
        return response.path("assessments").path(0);
    }

    /** Masked outputs are all "ANONYMIZED"; anything a policy blocked says "BLOCKED" somewhere in its assessment. */
    private static boolean anyBlocked(JsonNode node) {
        if (node.isObject() && "BLOCKED".equals(node.path("action").asText())) {
            return true;
        }
        for (JsonNode child : node) {
            if (anyBlocked(child)) {
                return true;
            }
        }
        return false;
    }
}
