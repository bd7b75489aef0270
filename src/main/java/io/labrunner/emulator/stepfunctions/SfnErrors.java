package io.labrunner.emulator.stepfunctions;

import io.labrunner.emulator.AwsException;

/**
 * Step Functions' errors in its own words: {@code <Title Case Code>: '<detail>'}, as the service writes them
 * (e.g. {@code State Machine Does Not Exist: 'arn:aws:states:...'}).
 */
final class SfnErrors {
    private SfnErrors() {
    }

    static AwsException machineDoesNotExist(String arn) {
        return new AwsException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'", 400);
    }

    static AwsException executionDoesNotExist(String arn) {
        return new AwsException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'", 400);
    }

    static AwsException machineExists(String arn) {
        return new AwsException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'", 400);
    }

    static AwsException executionExists(String arn) {
        return new AwsException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'", 400);
    }

    static AwsException deleting(String arn) {
        return new AwsException("StateMachineDeleting", "State Machine is being deleted: '" + arn + "'", 400);
    }

    static AwsException invalidArn(String detail) {
        return new AwsException("InvalidArn", "Invalid Arn: '" + detail + "'", 400);
    }

    static AwsException invalidName(String name) {
        return new AwsException("InvalidName", "Invalid Name: '" + name + "'", 400);
    }

    static AwsException invalidInput(String detail) {
        return new AwsException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + detail + "'",
                400);
    }

    static AwsException invalidOutput(String detail) {
        return new AwsException("InvalidOutput", "Invalid Output: '" + detail + "'", 400);
    }

    static AwsException invalidToken(String detail) {
        return new AwsException("InvalidToken", "Invalid Token: '" + detail + "'", 400);
    }

    static AwsException taskTimedOut() {
        return new AwsException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'", 400);
    }

    static AwsException taskDoesNotExist() {
        return new AwsException("TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'", 400);
    }

    static AwsException typeNotSupported(String detail) {
        return new AwsException("StateMachineTypeNotSupported", detail, 400);
    }

    static AwsException resourceNotFound(String arn) {
        return new AwsException("ResourceNotFound", "Resource not found: '" + arn + "'", 400);
    }

    static AwsException tooManyTags(String arn) {
        return new AwsException("TooManyTags", "Too many tags: '" + arn + "'", 400);
    }

    static AwsException invalidDefinition(String message) {
        return new AwsException("InvalidDefinition", message, 400);
    }

    static AwsException invalidLogging(String detail) {
        return new AwsException("InvalidLoggingConfiguration", "Invalid Logging Configuration: " + detail, 400);
    }

    static AwsException missingParameter(String message) {
        return new AwsException("MissingRequiredParameter", message, 400);
    }

    /** The execution role Step Functions cannot assume (a missing role, or one whose trust policy leaves it out). */
    static AwsException roleNotAssumable() {
        return new AwsException("AccessDeniedException", "Neither the global service principal states.amazonaws.com,"
                + " nor the regional one is authorized to assume the provided role.", 400);
    }
}
