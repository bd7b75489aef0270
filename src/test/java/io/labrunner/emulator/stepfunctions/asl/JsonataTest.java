package io.labrunner.emulator.stepfunctions.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Machines in the JSONata query language: Arguments, Output, Assign, Condition, Items and {@code $states}. */
class JsonataTest {
    private static final String PIPELINE = """
            {"QueryLanguage": "JSONata", "StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Assign": {"threshold": 0.8},
                "Output": {"data": "{% $states.input.data %}"}, "Next": "Train"},
              "Train": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
                "Arguments": {"TrainingJobName": "{% 'job-' & $states.context.Execution.Name %}",
                              "Data": "{% $states.input.data %}"},
                "Output": "{% $merge([$states.input, {'auc': $states.result.FinalMetric}]) %}",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Broken",
                           "Output": {"why": "{% $states.errorOutput.Cause %}"}}],
                "Next": "Check"},
              "Check": {"Type": "Choice", "Choices": [
                  {"Condition": "{% $states.input.auc >= $threshold %}", "Next": "Good",
                   "Output": {"verdict": "good", "auc": "{% $states.input.auc %}"}}],
                "Default": "Weak"},
              "Good": {"Type": "Succeed"},
              "Weak": {"Type": "Fail", "Error": "ModelTooWeak", "Cause": "{% 'AUC ' & $string($states.input.auc) %}"},
              "Broken": {"Type": "Pass", "End": true}}}
            """;

    private static FakeTasks training(double auc) {
        return new FakeTasks().answer("arn:aws:states:::sagemaker:createTrainingJob.sync",
                call -> Runs.read("{\"FinalMetric\": " + auc + "}"));
    }

    @Test
    void argumentsOutputAssignAndConditionsCarryAGoodModelToSucceed() {
        FakeTasks tasks = training(0.93);
        Runs runs = Runs.finish(PIPELINE, "{\"data\": \"s3://lake/month=07\", \"noise\": 1}", tasks);

        assertThat(tasks.calls.get(0).parameters()).isEqualTo(Runs.read(
                "{\"TrainingJobName\": \"job-run-1\", \"Data\": \"s3://lake/month=07\"}"));
        assertThat(runs.output()).isEqualTo(Runs.read("{\"verdict\": \"good\", \"auc\": 0.93}"));
        assertThat(runs.events.get(2).details().get("assignedVariables").toString()).isEqualTo("{\"threshold\":\"0.8\"}");
    }

    @Test
    void aWeakModelFailsWithAJsonataCause() {
        Runs runs = Runs.finish(PIPELINE, "{\"data\": \"s3://lake\"}", training(0.5));

        assertThat(runs.outcome().error()).isEqualTo("ModelTooWeak");
        assertThat(runs.outcome().cause()).isEqualTo("AUC 0.5");
    }

    @Test
    void aCatchersOutputReadsTheErrorOutput() {
        FakeTasks tasks = new FakeTasks().handle("arn:aws:states:::sagemaker:createTrainingJob.sync",
                call -> CompletableFuture.failedFuture(new TaskFailure("SageMaker.ValidationException", "bad image")));
        Runs runs = Runs.finish(PIPELINE, "{\"data\": \"s3://lake\"}", tasks);

        assertThat(runs.output()).isEqualTo(Runs.read("{\"why\": \"bad image\"}"));
    }

    @Test
    void anExpressionThatYieldsNothingFailsWithAwsWords() {
        Runs runs = Runs.finish("""
                {"QueryLanguage": "JSONata", "StartAt": "State0", "States": {
                  "State0": {"Type": "Pass", "Output": {"result": "{% $doesNotExist %}"}, "End": true}}}
                """, "{}", new FakeTasks());

        assertThat(runs.outcome().error()).isEqualTo("States.QueryEvaluationError");
        assertThat(runs.outcome().cause()).isEqualTo("An error occurred while executing the state 'State0' (entered at"
                + " the event id #2). The JSONata expression '$doesNotExist' specified for the field 'Output/result'"
                + " returned nothing (undefined).");
    }

    @Test
    void aMapIteratesOverItemsAndSelectsEachWithTheContext() {
        Runs runs = Runs.finish("""
                {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
                  "M": {"Type": "Map", "Items": "{% $states.input.files %}",
                    "ItemSelector": {"file": "{% $states.context.Map.Item.Value %}",
                                     "n": "{% $states.context.Map.Item.Index %}"},
                    "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
                    "Output": "{% $count($states.result) %}", "End": true}}}
                """, "{\"files\": [\"a.csv\", \"b.csv\"]}", new FakeTasks());

        assertThat(runs.output()).isEqualTo(Runs.read("2"));
        assertThat(runs.events.stream().filter(e -> e.type().equals("PassStateEntered"))
                .map(e -> e.details().get("input").asText()).toList())
                .containsExactlyInAnyOrder("{\"file\":\"a.csv\",\"n\":0}", "{\"file\":\"b.csv\",\"n\":1}");
    }

    @Test
    void aStateMayUseJsonataInAJsonPathMachine() {
        Runs runs = Runs.finish("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Parameters": {"x.$": "$.x"}, "Next": "B"},
                  "B": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input.x * 2 %}", "End": true}}}
                """, "{\"x\": 21}", new FakeTasks());

        assertThat(runs.output()).isEqualTo(Runs.read("42"));
    }
}
