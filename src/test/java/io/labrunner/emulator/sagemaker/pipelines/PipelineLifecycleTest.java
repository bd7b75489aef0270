package io.labrunner.emulator.sagemaker.pipelines;

import static io.labrunner.emulator.sagemaker.pipelines.PipelineFixture.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.labrunner.emulator.Emulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribePipelineResponse;
import software.amazon.awssdk.services.sagemaker.model.PipelineExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.PipelineExecutionStep;
import software.amazon.awssdk.services.sagemaker.model.PipelineSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Pipelines as resources: create (inline or from S3, idempotent on its request token), describe, list, update,
 * tag, delete; a bad definition refused at creation with nothing created; steps without jobs (Condition, Fail)
 * and the definition an execution ran.
 */
class PipelineLifecycleTest {
    private static final String FAIL_ONLY = """
            {"Version": "2020-12-01",
             "Parameters": [{"Name": "Flag", "Type": "Boolean", "DefaultValue": false},
                            {"Name": "Tier", "Type": "String", "DefaultValue": "gold"}],
             "Steps": [
               {"Name": "Check", "Type": "Condition", "Arguments": {
                 "Conditions": [{"Type": "Or", "Conditions": [
                     {"Type": "Equals", "LeftValue": {"Get": "Parameters.Flag"}, "RightValue": true},
                     {"Type": "Not", "Condition": {"Type": "In", "QueryValue": {"Get": "Parameters.Tier"},
                                                  "Values": ["gold", "silver"]}}]}],
                 "IfSteps": [{"Name": "Stop", "Type": "Fail", "Arguments": {"ErrorMessage": {"Std:Join": {
                   "On": ": ", "Values": ["Stopped by", {"Get": "Execution.PipelineName"}]}}}}],
                 "ElseSteps": []}}]}
            """;

    private final Emulator emulator = Emulator.builder().port(0).build().start();
    private final SageMakerClient sagemaker = PipelineFixture.sageMaker(emulator);
    private final S3Client s3 = PipelineFixture.s3(emulator);

    @AfterEach
    void close() {
        sagemaker.close();
        s3.close();
        emulator.close();
    }

    @Test
    void aPipelineIsCreatedOnceDescribedListedUpdatedTaggedAndDeleted() {
        String arn = sagemaker.createPipeline(r -> r.pipelineName("Gate").roleArn(PipelineFixture.ROLE)
                .pipelineDefinition(FAIL_ONLY).pipelineDescription("first").clientRequestToken(token('a'))
                .tags(Tag.builder().key("team").value("ml").build())).pipelineArn();
        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:pipeline/gate");
        // The same request again is the same pipeline; another token for the name is refused.
        assertThat(sagemaker.createPipeline(r -> r.pipelineName("Gate").roleArn(PipelineFixture.ROLE)
                .pipelineDefinition(FAIL_ONLY).clientRequestToken(token('a'))).pipelineArn()).isEqualTo(arn);
        SageMakerException taken = catchThrowableOfType(SageMakerException.class, () -> sagemaker.createPipeline(
                r -> r.pipelineName("gate").roleArn(PipelineFixture.ROLE).pipelineDefinition(FAIL_ONLY)
                        .clientRequestToken(token('b'))));
        assertThat(taken.awsErrorDetails().errorCode()).isEqualTo("ValidationException");

        DescribePipelineResponse described = sagemaker.describePipeline(r -> r.pipelineName(arn));
        assertThat(described.pipelineName()).isEqualTo("Gate");
        assertThat(described.pipelineDisplayName()).isEqualTo("Gate");
        assertThat(described.pipelineDefinition()).isEqualTo(FAIL_ONLY);
        assertThat(described.pipelineStatusAsString()).isEqualTo("Active");
        assertThat(described.roleArn()).isEqualTo(PipelineFixture.ROLE);
        assertThat(sagemaker.listTags(r -> r.resourceArn(arn)).tags()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("team", "ml"));

        sagemaker.createPipeline(r -> r.pipelineName("other").roleArn(PipelineFixture.ROLE)
                .pipelineDefinition(FAIL_ONLY));
        assertThat(sagemaker.listPipelines(r -> r.pipelineNamePrefix("ga")).pipelineSummaries())
                .extracting(PipelineSummary::pipelineName).containsExactly("Gate");
        assertThat(sagemaker.listPipelines(r -> r.sortBy("Name").sortOrder("Ascending")).pipelineSummaries())
                .extracting(PipelineSummary::pipelineName).containsExactly("Gate", "other");

        var updated = sagemaker.updatePipeline(r -> r.pipelineName("Gate").pipelineDescription("second")
                .pipelineDisplayName("Gate-v2"));
        assertThat(updated.pipelineVersionId()).isEqualTo(2L);
        assertThat(sagemaker.describePipeline(r -> r.pipelineName("Gate")).pipelineDescription()).isEqualTo("second");

        assertThat(sagemaker.deletePipeline(r -> r.pipelineName("Gate")).pipelineArn()).isEqualTo(arn);
        ResourceNotFoundException gone = catchThrowableOfType(ResourceNotFoundException.class,
                () -> sagemaker.describePipeline(r -> r.pipelineName("Gate")));
        assertThat(gone.awsErrorDetails().errorMessage()).contains(arn);
        assertThat(sagemaker.listTags(r -> r.resourceArn(arn)).tags()).isEmpty();
    }

    @Test
    void aDefinitionCanBeReadFromS3() {
        s3.createBucket(r -> r.bucket("defs"));
        s3.putObject(r -> r.bucket("defs").key("gate.json"), RequestBody.fromString(FAIL_ONLY));
        sagemaker.createPipeline(r -> r.pipelineName("from-s3").roleArn(PipelineFixture.ROLE)
                .pipelineDefinitionS3Location(l -> l.bucket("defs").objectKey("gate.json")));
        assertThat(sagemaker.describePipeline(r -> r.pipelineName("from-s3")).pipelineDefinition())
                .isEqualTo(FAIL_ONLY);
        SageMakerException missing = catchThrowableOfType(SageMakerException.class, () -> sagemaker.createPipeline(
                r -> r.pipelineName("nowhere").roleArn(PipelineFixture.ROLE)
                        .pipelineDefinitionS3Location(l -> l.bucket("defs").objectKey("none.json"))));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    }

    @Test
    void aBadDefinitionIsRefusedAtCreationAndNothingIsCreated() {
        assertThat(refusal("""
                {"Version": "2020-12-01", "Steps": [
                  {"Name": "A", "Type": "Fail", "Arguments": {}},
                  {"Name": "B", "Type": "Condition", "DependsOn": ["Nowhere"], "Arguments": {
                    "Conditions": [{"Type": "Equals", "LeftValue": 1, "RightValue": 1}]}}]}"""))
                .isEqualTo("Invalid pipeline definition: step 'B' depends on step 'Nowhere', which is not defined.");
        assertThat(refusal("""
                {"Version": "2020-12-01", "Steps": [{"Name": "A", "Type": "Teleport", "Arguments": {}}]}"""))
                .startsWith("Invalid pipeline definition: step 'A' has type 'Teleport'");
        assertThat(refusal("""
                {"Version": "2020-12-01", "Steps": [{"Name": "A", "Type": "Fail", "Arguments": {
                  "ErrorMessage": {"Get": "Steps.Ghost.Outcome"}}}]}"""))
                .isEqualTo("Invalid pipeline definition: step 'A' depends on step 'Ghost', which is not defined.");
        assertThat(refusal("""
                {"Version": "2020-12-01", "Steps": [{"Name": "A", "Type": "Fail", "Arguments": {
                  "ErrorMessage": {"Get": "Parameters.Missing"}}}]}"""))
                .isEqualTo("Invalid pipeline definition: step 'A' refers to parameter 'Missing', which is not defined.");
        assertThat(refusal("""
                {"Version": "2020-12-01", "Steps": [
                  {"Name": "A", "Type": "Fail", "Arguments": {}},
                  {"Name": "B", "Type": "Condition", "DependsOn": ["A"], "Arguments": {
                    "Conditions": [{"Type": "Equals", "LeftValue": 1, "RightValue": 1}]}}]}"""))
                .isEqualTo("B can not depends on A");
        assertThat(refusal("""
                {"Version": "2020-12-01", "Steps": [
                  {"Name": "A", "Type": "Condition", "DependsOn": ["B"], "Arguments": {
                    "Conditions": [{"Type": "Equals", "LeftValue": 1, "RightValue": 1}]}},
                  {"Name": "B", "Type": "Condition", "DependsOn": ["A"], "Arguments": {
                    "Conditions": [{"Type": "Equals", "LeftValue": 1, "RightValue": 1}]}}]}"""))
                .startsWith("Invalid pipeline definition: the steps' dependencies form a cycle");
        assertThat(refusal("{\"Steps\": [")).startsWith("Unable to parse pipeline definition.");
        assertThat(sagemaker.listPipelines(r -> { }).pipelineSummaries()).isEmpty();
    }

    @Test
    void aConditionPicksItsBranchAndTheExecutionRecordsItsDefinitionAndParameters() throws Exception {
        sagemaker.createPipeline(r -> r.pipelineName("gate").roleArn(PipelineFixture.ROLE)
                .pipelineDefinition(FAIL_ONLY));
        String passes = sagemaker.startPipelineExecution(r -> r.pipelineName("gate")).pipelineExecutionArn();
        assertThat(awaitEnd(sagemaker, passes).pipelineExecutionStatus()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(steps(passes)).extracting(PipelineExecutionStep::stepName).containsExactly("Check");

        String stops = sagemaker.startPipelineExecution(r -> r.pipelineName("gate")
                .pipelineParameters(p -> p.name("Tier").value("bronze"))).pipelineExecutionArn();
        assertThat(awaitEnd(sagemaker, stops).pipelineExecutionStatus()).isEqualTo(PipelineExecutionStatus.FAILED);
        assertThat(steps(stops)).extracting(PipelineExecutionStep::stepName).containsExactly("Stop", "Check");
        assertThat(steps(stops).get(0).failureReason()).isEqualTo("Stopped by: gate");
        assertThat(sagemaker.describePipelineDefinitionForExecution(r -> r.pipelineExecutionArn(stops))
                .pipelineDefinition()).isEqualTo(FAIL_ONLY);

        SageMakerException unknown = catchThrowableOfType(SageMakerException.class, () -> sagemaker
                .startPipelineExecution(r -> r.pipelineName("gate").pipelineParameters(p -> p.name("Nope")
                        .value("1"))));
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        SageMakerException notBoolean = catchThrowableOfType(SageMakerException.class, () -> sagemaker
                .startPipelineExecution(r -> r.pipelineName("gate").pipelineParameters(p -> p.name("Flag")
                        .value("maybe"))));
        assertThat(notBoolean.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(sagemaker.listPipelineExecutions(r -> r.pipelineName("gate")).pipelineExecutionSummaries())
                .extracting(s -> s.pipelineExecutionArn()).containsExactly(stops, passes);
        SageMakerException stopEnded = catchThrowableOfType(SageMakerException.class,
                () -> sagemaker.stopPipelineExecution(r -> r.pipelineExecutionArn(passes)));
        assertThat(stopEnded.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        ResourceNotFoundException noExecution = catchThrowableOfType(ResourceNotFoundException.class,
                () -> sagemaker.describePipelineExecution(r -> r.pipelineExecutionArn(passes + "x")));
        assertThat(noExecution.awsErrorDetails().errorMessage()).contains(passes + "x");
    }

    private List<PipelineExecutionStep> steps(String executionArn) {
        return sagemaker.listPipelineExecutionSteps(r -> r.pipelineExecutionArn(executionArn)).pipelineExecutionSteps();
    }

    private String refusal(String definition) {
        SageMakerException refused = catchThrowableOfType(SageMakerException.class, () -> sagemaker.createPipeline(
                r -> r.pipelineName("bad").roleArn(PipelineFixture.ROLE).pipelineDefinition(definition)));
        assertThat(refused).as(definition).isNotNull();
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        return refused.awsErrorDetails().errorMessage();
    }

    private static String token(char c) {
        return String.valueOf(c).repeat(32);
    }
}
