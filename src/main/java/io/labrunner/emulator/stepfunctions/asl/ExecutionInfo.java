package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What the Context Object's {@code $$.Execution} and {@code $$.StateMachine} say of one execution.
 *
 * @param executionArn     the execution's ARN
 * @param name             the execution's name
 * @param stateMachineArn  the state machine's ARN
 * @param stateMachineName the state machine's name
 * @param roleArn          the role the execution's tasks act as
 * @param region           the region it runs in
 * @param startTime        when it started
 * @param input            the execution's input
 */
public record ExecutionInfo(String executionArn, String name, String stateMachineArn, String stateMachineName,
        String roleArn, String region, Instant startTime, JsonNode input) {
}
