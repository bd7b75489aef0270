package io.labrunner.emulator.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.stepfunctions.integrations.TaskTokens;
import java.util.Map;

/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat for {@code .waitForTaskToken} tasks: a token no task ever
 * had is an InvalidToken; one whose task already ended (it succeeded, failed, timed out, or its execution stopped)
 * is TaskTimedOut, as AWS answers a late callback.
 */
final class TaskOperations {
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final TaskTokens tokens;

    TaskOperations(TaskTokens tokens) {
        this.tokens = tokens;
    }

    Object success(ObjectNode in, String region) {
        String token = in.path("taskToken").asText();
        JsonNode output;
        try {
            output = STRICT.readTree(in.path("output").asText());
        } catch (JsonProcessingException e) {
            throw SfnErrors.invalidOutput(e.getOriginalMessage());
        }
        if (output == null || output.isMissingNode()) {
            throw SfnErrors.invalidOutput("No content to map due to end-of-input");
        }
        requireWaiting(token);
        if (!tokens.succeed(token, output)) {
            throw SfnErrors.taskTimedOut();
        }
        return Map.of();
    }

    Object failure(ObjectNode in, String region) {
        String token = in.path("taskToken").asText();
        requireWaiting(token);
        // An empty error is matched by States.ALL only; AWS records it as given.
        if (!tokens.fail(token, in.path("error").asText(""), in.path("cause").asText(""))) {
            throw SfnErrors.taskTimedOut();
        }
        return Map.of();
    }

    Object heartbeat(ObjectNode in, String region) {
        String token = in.path("taskToken").asText();
        requireWaiting(token);
        if (!tokens.heartbeat(token)) {
            throw SfnErrors.taskTimedOut();
        }
        return Map.of();
    }

    private void requireWaiting(String token) {
        switch (tokens.status(token)) {
            case UNKNOWN -> throw SfnErrors.invalidToken("Invalid token");
            case ENDED -> throw SfnErrors.taskTimedOut();
            default -> {
            }
        }
    }
}
