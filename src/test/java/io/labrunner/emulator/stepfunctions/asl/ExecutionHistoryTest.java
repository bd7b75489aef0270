package io.labrunner.emulator.stepfunctions.asl;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Json;
import org.junit.jupiter.api.Test;

/**
 * Histories compared with the ones AWS records (LocalStack's snapshot tests of GetExecutionHistory, recorded
 * against AWS): the event types, ids, previousEventIds and details shapes.
 */
class ExecutionHistoryTest {

    @Test
    void aPassStateRecordsStartedEnteredExitedAndSucceededAsAwsDoes() {
        Runs runs = Runs.finish("""
                {"StartAt": "State_1", "States": {"State_1": {"Type": "Pass", "Result": {"Arg1": "argument1"}, "End": true}}}
                """, "{}", new FakeTasks());

        // AWS records the first state's entry with previousEventId 0, not 1.
        assertThat(runs.chain()).containsExactly("1<-0 ExecutionStarted", "2<-0 PassStateEntered",
                "3<-2 PassStateExited", "4<-3 ExecutionSucceeded");
        assertThat(runs.events.get(0).detailsMember()).isEqualTo("executionStartedEventDetails");
        assertThat(runs.events.get(0).details().toString()).isEqualTo(
                "{\"input\":\"{}\",\"inputDetails\":{\"truncated\":false},\"roleArn\":\"arn:aws:iam::123456789012:role/sfn\"}");
        assertThat(runs.events.get(1).details().toString()).isEqualTo(
                "{\"name\":\"State_1\",\"input\":\"{}\",\"inputDetails\":{\"truncated\":false}}");
        assertThat(runs.events.get(2).details().toString()).isEqualTo(
                "{\"name\":\"State_1\",\"output\":\"{\\\"Arg1\\\":\\\"argument1\\\"}\",\"outputDetails\":{\"truncated\":false}}");
        assertThat(runs.events.get(3).detailsMember()).isEqualTo("executionSucceededEventDetails");
        assertThat(runs.outcome().status()).isEqualTo("SUCCEEDED");
        assertThat(runs.outcome().output()).isEqualTo("{\"Arg1\":\"argument1\"}");
    }

    @Test
    void aServiceTaskRecordsScheduledStartedSucceededWithItsResourceTypeAndParameters() {
        FakeTasks tasks = new FakeTasks().answer("arn:aws:states:::sqs:sendMessage",
                call -> Runs.read("{\"MessageId\":\"m-1\"}"));
        Runs runs = Runs.finish("""
                {"StartAt": "SendSQS", "States": {"SendSQS": {"Type": "Task",
                  "Resource": "arn:aws:states:::sqs:sendMessage",
                  "Parameters": {"QueueUrl.$": "$.QueueUrl", "MessageBody": "hello"}, "End": true}}}
                """, "{\"QueueUrl\": \"https://q\"}", tasks);

        assertThat(runs.chain()).containsExactly("1<-0 ExecutionStarted", "2<-0 TaskStateEntered",
                "3<-2 TaskScheduled", "4<-3 TaskStarted", "5<-4 TaskSucceeded", "6<-5 TaskStateExited",
                "7<-6 ExecutionSucceeded");
        assertThat(runs.first("TaskScheduled").details().toString()).isEqualTo(
                "{\"resourceType\":\"sqs\",\"resource\":\"sendMessage\",\"region\":\"us-east-1\","
                        + "\"parameters\":\"{\\\"QueueUrl\\\":\\\"https://q\\\",\\\"MessageBody\\\":\\\"hello\\\"}\"}");
        assertThat(runs.first("TaskStarted").details().toString())
                .isEqualTo("{\"resourceType\":\"sqs\",\"resource\":\"sendMessage\"}");
        assertThat(runs.first("TaskSucceeded").details().get("output").asText()).isEqualTo("{\"MessageId\":\"m-1\"}");
        assertThat(tasks.calls.get(0).parameters()).isEqualTo(Runs.read("{\"QueueUrl\":\"https://q\",\"MessageBody\":\"hello\"}"));
        assertThat(tasks.calls.get(0).stateName()).isEqualTo("SendSQS");
    }

    @Test
    void aSyncIntegrationSplitsItsResourceAndRecordsTaskSubmitted() {
        FakeTasks tasks = new FakeTasks().handle("arn:aws:states:::sagemaker:createTrainingJob.sync", call -> {
            call.submitted().accept(Runs.read("{\"TrainingJobArn\":\"arn:job\"}"));
            return java.util.concurrent.CompletableFuture.completedFuture(Runs.read("{\"TrainingJobStatus\":\"Completed\"}"));
        });
        Runs runs = Runs.finish("""
                {"StartAt": "Train", "States": {"Train": {"Type": "Task", "TimeoutSeconds": 600,
                  "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "End": true}}}
                """, "{}", tasks);

        assertThat(runs.types()).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled",
                "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
        assertThat(runs.first("TaskScheduled").details().get("resourceType").asText()).isEqualTo("sagemaker");
        assertThat(runs.first("TaskScheduled").details().get("resource").asText()).isEqualTo("createTrainingJob.sync");
        assertThat(runs.first("TaskScheduled").details().get("timeoutInSeconds").asLong()).isEqualTo(600);
        assertThat(runs.first("TaskSubmitted").details().get("output").asText()).isEqualTo("{\"TrainingJobArn\":\"arn:job\"}");
        assertThat(tasks.calls.get(0).resource()).isEqualTo("arn:aws:states:::sagemaker:createTrainingJob.sync");
    }

    @Test
    void aFailStateFailsTheExecutionWithItsErrorAndCause() {
        Runs runs = Runs.finish("""
                {"StartAt": "FailState", "States": {"FailState": {"Type": "Fail", "Error": "SomeFailure",
                  "Cause": "This state machines raises a 'SomeFailure' failure."}}}
                """, "{}", new FakeTasks());

        assertThat(runs.chain()).containsExactly("1<-0 ExecutionStarted", "2<-0 FailStateEntered", "3<-2 ExecutionFailed");
        assertThat(runs.first("ExecutionFailed").details()).isEqualTo(Json.object().put("error", "SomeFailure")
                .put("cause", "This state machines raises a 'SomeFailure' failure."));
        assertThat(runs.outcome().status()).isEqualTo("FAILED");
        assertThat(runs.outcome().error()).isEqualTo("SomeFailure");
    }

    @Test
    void aFailedTaskRecordsTaskFailedThenExecutionFailedWithTheRunnersErrorAndCause() {
        FakeTasks tasks = new FakeTasks().handle("arn:aws:states:::glue:startCrawler", call ->
                java.util.concurrent.CompletableFuture.failedFuture(new TaskFailure("Glue.EntityNotFoundException", "no crawler")));
        Runs runs = Runs.finish("""
                {"StartAt": "Crawl", "States": {"Crawl": {"Type": "Task", "Resource": "arn:aws:states:::glue:startCrawler", "End": true}}}
                """, "{}", tasks);

        assertThat(runs.chain()).containsExactly("1<-0 ExecutionStarted", "2<-0 TaskStateEntered", "3<-2 TaskScheduled",
                "4<-3 TaskStarted", "5<-4 TaskFailed", "6<-5 ExecutionFailed");
        assertThat(runs.first("TaskFailed").details().toString()).isEqualTo("{\"error\":\"Glue.EntityNotFoundException\","
                + "\"cause\":\"no crawler\",\"resourceType\":\"glue\",\"resource\":\"startCrawler\"}");
        assertThat(runs.outcome().cause()).isEqualTo("no crawler");
    }

    @Test
    void aMapStateRecordsIterationsOneAfterAnotherWithAwsPreviousEventIds() {
        Runs runs = Runs.finish("""
                {"StartAt": "MapState", "States": {"MapState": {"Type": "Map", "MaxConcurrency": 1, "End": true,
                  "ItemProcessor": {"StartAt": "HandleItem", "States": {"HandleItem": {"Type": "Pass", "End": true}}}}}}
                """, "[1, 2]", new FakeTasks());

        assertThat(runs.chain()).containsExactly("1<-0 ExecutionStarted", "2<-0 MapStateEntered", "3<-2 MapStateStarted",
                "4<-3 MapIterationStarted", "5<-4 PassStateEntered", "6<-5 PassStateExited", "7<-6 MapIterationSucceeded",
                "8<-6 MapIterationStarted", "9<-8 PassStateEntered", "10<-9 PassStateExited",
                "11<-10 MapIterationSucceeded", "12<-11 MapStateSucceeded", "13<-11 MapStateExited",
                "14<-13 ExecutionSucceeded");
        assertThat(runs.first("MapStateStarted").details().toString()).isEqualTo("{\"length\":2}");
        assertThat(runs.first("MapIterationStarted").details().toString()).isEqualTo("{\"name\":\"MapState\",\"index\":0}");
        assertThat(runs.output()).isEqualTo(Runs.read("[1,2]"));
    }

    @Test
    void aFailingParallelBranchRecordsParallelStateFailedAfterTheBranchsEvent() {
        Runs runs = Runs.finish("""
                {"StartAt": "ParallelState", "States": {"ParallelState": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Branch1", "States": {"Branch1": {"Type": "Fail", "Error": "FailureType"}}}]}}}
                """, "{}", new FakeTasks());

        assertThat(runs.chain()).containsExactly("1<-0 ExecutionStarted", "2<-0 ParallelStateEntered",
                "3<-2 ParallelStateStarted", "4<-3 FailStateEntered", "5<-4 ParallelStateFailed", "6<-5 ExecutionFailed");
        assertThat(runs.first("ExecutionFailed").details().toString()).isEqualTo("{\"error\":\"FailureType\"}");
    }
}
