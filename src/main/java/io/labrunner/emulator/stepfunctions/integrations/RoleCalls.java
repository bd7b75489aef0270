package io.labrunner.emulator.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.calls.ServiceCalls;
import io.labrunner.emulator.stepfunctions.asl.ExecutionInfo;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Calls the emulator's services as an execution's role, and turns their errors into task failures named as Step
 * Functions names them: {@code <Service>.<Code>}, with an {@code Exception} suffix added where the code lacks one
 * (developer guide, "Using AWS SDK service integrations": {@code S3.BucketAlreadyExistsException}).
 */
final class RoleCalls {
    private static final String SESSION_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final ServiceCalls calls;

    RoleCalls(ServiceCalls calls) {
        this.calls = calls;
    }

    /**
     * @param errorPrefix the service name its errors carry ({@code SageMaker})
     * @param resource    the task's resource, named when the emulator cannot make the call at all
     */
    JsonNode call(ExecutionInfo execution, String signingName, String operation, JsonNode input, String errorPrefix,
            String resource) {
        try {
            return calls.call(ServiceCalls.Principal.role(execution.roleArn(), sessionName(execution.executionArn())),
                    signingName, operation, input, execution.region());
        } catch (AwsException e) {
            throw failure(e, errorPrefix, resource);
        }
    }

    static TaskFailure failure(AwsException e, String errorPrefix, String resource) {
        if (e.status() == 501 || "NotImplemented".equals(e.code())) {
            return unavailable(resource, e.getMessage());
        }
        return new TaskFailure(errorName(errorPrefix, e.code()), e.getMessage() + " (Service: " + errorPrefix
                + ", Status Code: " + e.status() + ", Request ID: " + UUID.randomUUID() + ")");
    }

    static String errorName(String errorPrefix, String code) {
        return errorPrefix + "." + (code.endsWith("Exception") ? code : code + "Exception");
    }

    /** An integration the emulator cannot serve: {@code States.TaskFailed} naming it. */
    static TaskFailure unavailable(String resource, String why) {
        return new TaskFailure("States.TaskFailed", "The embedded emulator cannot run " + resource + ": " + why);
    }

    /**
     * The session Step Functions assumes the execution role under: 32 letters, one per execution (CloudTrail shows
     * such a random session name for Step Functions' calls).
     */
    static String sessionName(String executionArn) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(executionArn.getBytes(StandardCharsets.UTF_8));
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                name.append(SESSION_CHARACTERS.charAt((hash[i] & 0xff) % SESSION_CHARACTERS.length()));
            }
            return name.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
