package io.labrunner.emulator.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.access.AccessRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What IAM authorizes for Step Functions' requests. */
class StepFunctionsAccessTest {

    private static AwsRequest request(String operation, String body) {
        return new AwsRequest("POST", "/", Map.of(), Map.of("x-amz-target", "AWSStepFunctions." + operation),
                body.getBytes(StandardCharsets.UTF_8), "states", "eu-west-1", "test");
    }

    @Test
    void createStateMachineActsOnTheNewMachinesArnAndPassesItsRoleToStepFunctions() {
        List<AccessRequest> requests = StepFunctionsAccess.of(request("CreateStateMachine",
                "{\"name\":\"m\",\"roleArn\":\"arn:aws:iam::000000000000:role/R\",\"definition\":\"{}\"}"));
        assertThat(requests).extracting(AccessRequest::action, AccessRequest::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple("states:CreateStateMachine",
                        "arn:aws:states:eu-west-1:000000000000:stateMachine:m"),
                org.assertj.core.groups.Tuple.tuple("iam:PassRole", "arn:aws:iam::000000000000:role/R"));
        assertThat(requests.get(1).keys()).containsEntry("iam:PassedToService", List.of("states.amazonaws.com"));
    }

    @Test
    void executionOperationsActOnTheExecutionAndCallbacksOnEverything() {
        String execution = "arn:aws:states:eu-west-1:000000000000:execution:m:e";
        assertThat(StepFunctionsAccess.of(request("DescribeExecution", "{\"executionArn\":\"" + execution + "\"}")))
                .extracting(AccessRequest::action, AccessRequest::resource).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("states:DescribeExecution", execution));
        assertThat(StepFunctionsAccess.of(request("SendTaskSuccess", "{\"taskToken\":\"t\",\"output\":\"{}\"}")))
                .extracting(AccessRequest::resource).containsExactly("*");
    }
}
