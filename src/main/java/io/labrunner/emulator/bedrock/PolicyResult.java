package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one policy found in one text.
 *
 * @param blocked    the policy blocks the content
 * @param masked     the policy changed the text (PII anonymized) without blocking it
 * @param text       the text after the policy (masked or unchanged)
 * @param assessment the policy's assessment in ApplyGuardrail's shape, or null when nothing was found
 */
record PolicyResult(boolean blocked, boolean masked, String text, ObjectNode assessment) {

    static PolicyResult clean(String text) {
        return new PolicyResult(false, false, text, null);
    }

    boolean intervened() {
        return blocked || masked;
    }
}
