package io.labrunner.emulator.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.AccessRequests;
import java.util.ArrayList;
import java.util.List;

/**
 * What IAM authorizes for Step Functions' operations: {@code states:<Operation>} on the state machine or the
 * execution the request names (Step Functions' "Actions, resources, and condition keys" page); list, validate and
 * callback operations on {@code *}. CreateStateMachine and UpdateStateMachine also pass the execution role
 * ({@code iam:PassRole} to {@code states.amazonaws.com}).
 */
final class StepFunctionsAccess {
    private static final String SERVICE = "states.amazonaws.com";

    private StepFunctionsAccess() {
    }

    static List<AccessRequest> of(AwsRequest request) {
        String operation = request.operation().orElse("");
        String action = "states:" + operation;
        JsonNode in = AccessRequests.jsonBody(request);
        switch (operation) {
            case "CreateStateMachine": {
                String arn = SfnNames.machineArn(request.regionOrDefault(), IamDirectory.ACCOUNT_ID,
                        AccessRequests.text(in, "*", "name"));
                return withPassRole(AccessRequests.on(action, arn), in);
            }
            case "UpdateStateMachine":
                return withPassRole(AccessRequests.on(action, AccessRequests.text(in, "*", "stateMachineArn")), in);
            case "DescribeStateMachine", "DeleteStateMachine", "StartExecution", "StartSyncExecution",
                    "ListExecutions":
                return AccessRequests.on(action, AccessRequests.text(in, "*", "stateMachineArn"));
            case "DescribeExecution", "StopExecution", "GetExecutionHistory", "DescribeStateMachineForExecution":
                return AccessRequests.on(action, AccessRequests.text(in, "*", "executionArn"));
            case "TagResource", "UntagResource", "ListTagsForResource":
                return AccessRequests.on(action, AccessRequests.text(in, "*", "resourceArn"));
            default:
                return AccessRequests.on(action, "*");
        }
    }

    private static List<AccessRequest> withPassRole(List<AccessRequest> requests, JsonNode in) {
        List<AccessRequest> out = new ArrayList<>(requests);
        String role = AccessRequests.text(in, null, "roleArn");
        if (role != null) {
            out.add(AccessRequests.passRole(role, IamDirectory.ACCOUNT_ID, SERVICE));
        }
        return out;
    }
}
