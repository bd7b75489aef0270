package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a step ended.
 *
 * @param status     Succeeded, Failed or Stopped
 * @param outcome    a Condition step's outcome; null for other steps
 */
record StepOutcome(String status, String failureReason, JsonNode metadata, JsonNode properties, Boolean outcome) {

    static StepOutcome failed(String reason, JsonNode metadata) {
        return new StepOutcome(StepRun.FAILED, reason, metadata, null, null);
    }
}
