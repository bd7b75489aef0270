package io.labrunner.emulator.stepfunctions.asl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Input and output processing in AWS's order: InputPath, Parameters, task, ResultSelector, ResultPath, OutputPath. */
class DataFlowTest {
    private static final String ADD = "arn:aws:states:::lambda:invoke";

    private static FakeTasks adder() {
        return new FakeTasks().answer(ADD, call -> io.labrunner.emulator.Json.mapper().getNodeFactory()
                .numberNode(call.parameters().get("val1").asInt() + call.parameters().get("val2").asInt()));
    }

    @Test
    void theSpecsAdditionExamplePutsTheSumBesideTheRawInput() {
        // The States Language specification's example: InputPath selects the numbers, ResultPath puts the sum
        // into the state's raw input.
        Runs runs = Runs.finish("""
                {"StartAt": "Add", "States": {"Add": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "InputPath": "$.numbers", "ResultPath": "$.sum", "End": true}}}
                """, "{\"title\": \"Numbers to add\", \"numbers\": {\"val1\": 3, \"val2\": 4}}", adder());

        assertThat(runs.output()).isEqualTo(Runs.read(
                "{\"title\": \"Numbers to add\", \"numbers\": {\"val1\": 3, \"val2\": 4}, \"sum\": 7}"));
    }

    @Test
    void outputPathSelectsFromTheCombinedOutput() {
        Runs runs = Runs.finish("""
                {"StartAt": "Add", "States": {"Add": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "InputPath": "$.numbers", "ResultPath": "$.sum", "OutputPath": "$.sum", "End": true}}}
                """, "{\"numbers\": {\"val1\": 3, \"val2\": 4}}", adder());

        assertThat(runs.output()).isEqualTo(Runs.read("7"));
    }

    @Test
    void aNullResultPathDiscardsTheResultAndKeepsTheRawInput() {
        Runs runs = Runs.finish("""
                {"StartAt": "Add", "States": {"Add": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "InputPath": "$.numbers", "ResultPath": null, "End": true}}}
                """, "{\"numbers\": {\"val1\": 3, \"val2\": 4}}", adder());

        assertThat(runs.output()).isEqualTo(Runs.read("{\"numbers\": {\"val1\": 3, \"val2\": 4}}"));
    }

    @Test
    void nullInputAndOutputPathsMeanAnEmptyObject() {
        Runs runs = Runs.finish("""
                {"StartAt": "State0", "States": {
                  "State0": {"Type": "Pass", "InputPath": null, "ResultPath": "$.FromInput", "Next": "State1"},
                  "State1": {"Type": "Pass", "OutputPath": null, "End": true}}}
                """, "{\"InputValue\": 0}", new FakeTasks());

        assertThat(runs.events.get(2).details().get("output").asText()).isEqualTo("{\"InputValue\":0,\"FromInput\":{}}");
        assertThat(runs.output()).isEqualTo(Runs.read("{}"));
    }

    @Test
    void parametersAndResultSelectorBuildTheTasksInputAndResultWithPathsAndTheContextObject() {
        FakeTasks tasks = new FakeTasks().answer("arn:aws:states:::aws-sdk:s3:getObject",
                call -> Runs.read("{\"Body\": \"data\", \"ContentLength\": 4, \"ETag\": \"x\"}"));
        Runs runs = Runs.finish("""
                {"StartAt": "Get", "States": {"Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
                  "Parameters": {"Bucket.$": "$.bucket", "Key": "k", "Execution.$": "$$.Execution.Name"},
                  "ResultSelector": {"size.$": "$.ContentLength"}, "ResultPath": "$.object", "End": true}}}
                """, "{\"bucket\": \"b\"}", tasks);

        assertThat(tasks.calls.get(0).parameters()).isEqualTo(Runs.read("{\"Bucket\":\"b\",\"Key\":\"k\",\"Execution\":\"run-1\"}"));
        assertThat(runs.output()).isEqualTo(Runs.read("{\"bucket\": \"b\", \"object\": {\"size\": 4}}"));
        assertThat(runs.first("TaskScheduled").details().get("resourceType").asText()).isEqualTo("aws-sdk:s3");
        assertThat(runs.first("TaskScheduled").details().get("resource").asText()).isEqualTo("getObject");
    }

    @Test
    void aPassStatesParametersUseIntrinsicFunctions() {
        Runs runs = Runs.finish("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass",
                  "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.name)"}, "End": true}}}
                """, "{\"name\": \"Ada\"}", new FakeTasks());

        assertThat(runs.output()).isEqualTo(Runs.read("{\"greeting\": \"Hello, Ada!\"}"));
    }

    @Test
    void aPathThatNamesNothingFailsTheExecutionWithStatesRuntimeInAwsWords() {
        Runs runs = Runs.finish("""
                {"StartAt": "pass", "States": {"pass": {"Type": "Pass", "InputPath": "$.NoSuchInputPath", "End": true}}}
                """, "{}", new FakeTasks());

        assertThat(runs.outcome().error()).isEqualTo("States.Runtime");
        assertThat(runs.outcome().cause()).isEqualTo("An error occurred while executing the state 'pass' (entered at"
                + " the event id #2). Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
    }

    @Test
    void variablesAssignedInOneStateAreReadInTheNext() {
        Runs runs = Runs.finish("""
                {"StartAt": "Remember", "States": {
                  "Remember": {"Type": "Pass", "Assign": {"who.$": "$.name", "count": 2}, "Next": "Use"},
                  "Use": {"Type": "Pass", "Parameters": {"greet.$": "$who", "times.$": "$count"}, "End": true}}}
                """, "{\"name\": \"Ada\"}", new FakeTasks());

        assertThat(runs.output()).isEqualTo(Runs.read("{\"greet\": \"Ada\", \"times\": 2}"));
        assertThat(runs.events.get(2).details().get("assignedVariables").toString())
                .isEqualTo("{\"who\":\"\\\"Ada\\\"\",\"count\":\"2\"}");
    }
}
