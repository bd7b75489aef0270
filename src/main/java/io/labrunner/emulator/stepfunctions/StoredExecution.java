package io.labrunner.emulator.stepfunctions;

import java.time.Instant;

/**
 * One execution as DescribeExecution shows it, kept in the state store; {@code definition}, {@code roleArn} and
 * {@code machineUpdateDate} are the state machine's as the execution started (DescribeStateMachineForExecution).
 */
record StoredExecution(String arn, String stateMachineArn, String stateMachineName, String name, String region,
        String status, Instant startDate, Instant stopDate, String input, String output, String error, String cause,
        String definition, String roleArn, Instant machineUpdateDate) {

    boolean running() {
        return "RUNNING".equals(status);
    }

    StoredExecution ended(String newStatus, Instant stop, String newOutput, String newError, String newCause) {
        return new StoredExecution(arn, stateMachineArn, stateMachineName, name, region, newStatus, startDate, stop, input,
                newOutput, newError, newCause, definition, roleArn, machineUpdateDate);
    }
}
