package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.bedrock.GuardrailConfig.Source;
import java.util.List;

/**
 * Applies a stored guardrail version to texts, as ApplyGuardrail does; the runtime's text operations
 * use it for {@code guardrailConfig} without reaching into the guardrail store themselves.
 */
@FunctionalInterface
interface GuardrailGate {

    /**
     * Assesses {@code texts} with the guardrail version's policies.
     *
     * @return ApplyGuardrail's response shape: action, outputs, assessments, usage
     * @throws io.labrunner.emulator.AwsException when the guardrail or version does not exist
     */
    ObjectNode apply(String identifier, String version, Source source, List<String> texts);
}
