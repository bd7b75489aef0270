package io.labrunner.emulator.athena;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.protocol.ErrorWithMembers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Athena's request errors: a 400 InvalidRequestException whose body names the reason twice, in
 * {@code AthenaErrorCode} (the model's member, which SDKs read) and in {@code ErrorCode} (sent by Athena
 * beside it with the same value), e.g. {@code INVALID_INPUT} or {@code QUERY_EXECUTION_NOT_FOUND}.
 * Raw responses recorded against Athena in aoyagikouhei/athena-local ({@code src/response.rs},
 * {@code src/operation/query_execution.rs}) show this shape for every InvalidRequestException, model
 * constraint violations included.
 */
final class AthenaErrors {
    static final String INVALID_INPUT = "INVALID_INPUT";

    private AthenaErrors() {
    }

    static AwsException invalidRequest(String message, String athenaErrorCode) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("AthenaErrorCode", athenaErrorCode);
        members.put("ErrorCode", athenaErrorCode);
        return new ErrorWithMembers("InvalidRequestException", message, 400, members);
    }

    /** The generic reason, which Athena also gives for a request breaking the model's constraints. */
    static AwsException invalidInput(String message) {
        return invalidRequest(message, INVALID_INPUT);
    }

    static AwsException executionNotFound(String id) {
        return invalidRequest("QueryExecution " + id + " was not found", "QUERY_EXECUTION_NOT_FOUND");
    }

    static AwsException workGroupNotFound(String name) {
        return invalidInput("WorkGroup " + name + " is not found.");
    }

    /** GetQueryResults on a query that is not (or did not end) SUCCEEDED. */
    static AwsException invalidState(String message) {
        return invalidRequest(message, "INVALID_QUERY_EXECUTION_STATE");
    }

    /** GetQueryResults on a cancelled query: it has no results to find. */
    static AwsException resultNotFound() {
        return invalidRequest("Could not find results", "RESULT_NOT_FOUND");
    }
}
